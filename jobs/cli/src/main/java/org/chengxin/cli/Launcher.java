package org.chengxin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs module main classes as child JVMs from a built checkout: the module's classes and the
 * classpath its build recorded ({@code target/classpath.txt}, runtime scope, and
 * {@code target/classpath-provided.txt}, what a deployment would provide), the heap, the logging setup of local runs, and Spark's
 * JVM flags where Spark runs. Output and input are the child's own (inherited).
 */
public final class Launcher {
  /** The ingest's option naming a Flink session cluster: the launcher then adds the job jar ({@link #JOB_JAR}). */
  static final String FLINK_MASTER = "--flink-master";
  private static final String JOB_JAR = "--job-jar";

  private final Path home;
  private final Map<String, String> environment;
  private final Properties launch;

  public Launcher(Path home, Map<String, String> environment) {
    this.home = home;
    this.environment = environment;
    this.launch = launchProperties();
  }

  /** The checkout this command runs from: {@code -Dchengxin.home}, set by {@code scripts/chengxin}. */
  static Launcher fromSystem() {
    String home = System.getProperty("chengxin.home");
    if (home == null) {
      throw new IllegalStateException("chengxin.home is not set: start the command through scripts/chengxin");
    }
    return new Launcher(Path.of(home), System.getenv());
  }

  public Path home() {
    return home;
  }

  String version() {
    return launch.getProperty("version");
  }

  /** The JVM heap: the command's {@code --heap}, else {@code CHENGXIN_HEAP}, else the main's default. */
  String heap(JavaMain main, Optional<String> heap) {
    return heap.or(() -> Optional.ofNullable(environment.get("CHENGXIN_HEAP"))).orElse(main.defaultHeap());
  }

  /** The full command line of a child JVM running {@code main} with {@code args}. */
  List<String> command(JavaMain main, Optional<String> heap, List<String> args) {
    return command(main, heap, List.of(), args, Optional.empty());
  }

  /**
   * The same, with JVM flags of the run (before {@code CHENGXIN_JAVA_OPTS}, which can override them)
   * and the flags and jar classpath of a class-data archive when one is given.
   */
  private List<String> command(JavaMain main, Optional<String> heap, List<String> jvmFlags, List<String> args,
      Optional<ClassDataArchive.Use> archive) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap(main, heap));
    command.add("-Dlog4j2.configurationFile=" + home.resolve("scripts/lib/log4j2.properties"));
    if (main.needsSparkFlags()) {
      command.addAll(sparkJvmFlags());
      clusterMaster(args).ifPresent(master -> command.add("-Dspark.jars=" + jobJar(JavaMain.SPARK)));
    }
    command.addAll(jvmFlags);
    String extra = environment.getOrDefault("CHENGXIN_JAVA_OPTS", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(Arrays.asList(extra.split("\\s+")));
    }
    archive.ifPresent(use -> command.addAll(use.flags()));
    command.add("-cp");
    command.add(archive.map(ClassDataArchive.Use::classpath).orElseGet(() -> String.join(java.io.File.pathSeparator, classpath(main))));
    command.add(main.className());
    command.addAll(args);
    if (main.module().equals(JavaMain.FLINK) && hasOption(args, FLINK_MASTER) && !hasOption(args, JOB_JAR)) {
      command.addAll(List.of(JOB_JAR, jobJar(JavaMain.FLINK).toString()));
    }
    return command;
  }

  /** The JVM flags Spark needs on Java 17 (the parent POM's list). */
  List<String> sparkJvmFlags() {
    return Arrays.asList(launch.getProperty("spark.jvm.args").trim().split("\\s+"));
  }

  /**
   * Every entry of an engine module's recorded classpath, provided scope included: the engine and
   * what the jobs bring, as in an embedded run (the cluster's processes start from it).
   */
  List<String> engineClasspath(String module) {
    return Arrays.asList(recordedClasspath(home.resolve(module)).split(java.io.File.pathSeparator));
  }

  /** Whether {@code args} give {@code option}, as {@code --name VALUE} or {@code --name=VALUE}. */
  private static boolean hasOption(List<String> args, String option) {
    return args.stream().anyMatch(arg -> arg.equals(option) || arg.startsWith(option + "="));
  }

  /** The {@code --master} of a Spark main's arguments when it is a cluster's (not embedded local). */
  private static Optional<String> clusterMaster(List<String> args) {
    int at = args.indexOf("--master");
    return at >= 0 && at + 1 < args.size() && !args.get(at + 1).startsWith("local") ? Optional.of(args.get(at + 1))
        : Optional.empty();
  }

  /**
   * The shaded job jar of an engine module, shipped to a cluster (Spark's executors as
   * {@code spark.jars}, a Flink session cluster with the job graph): the cluster holds none of the
   * jobs' classes. Built when missing or older than the last build of the classes.
   */
  private Path jobJar(String module) {
    Path jar = home.resolve(module + "/target/chengxin-" + Path.of(module).getFileName() + "-" + version() + "-job.jar");
    Path built = home.resolve("target/.chengxin-built");
    try {
      if (!Files.exists(jar) || (Files.exists(built)
          && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(built)) < 0)) {
        String build = "mvn -DskipTests package -pl " + module + " -am";
        System.err.println("[chengxin] building the job jar for the cluster (" + build + ") ...");
        Process building = new ProcessBuilder("mvn", "-B", "-q", "-DskipTests", "package", "-pl", module, "-am")
            .directory(home.toFile()).inheritIO().redirectOutput(Redirect.DISCARD).start();
        if (building.waitFor() != 0 || !Files.exists(jar)) {
          throw new IllegalStateException("the job jar did not build: run " + build);
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the job jar", e);
    }
  }

  /**
   * Runs {@code main} to its end; returns its exit status. A main that starts an engine maps its
   * class-data archive, or records it ({@link ClassDataArchive}; not for processes started to run
   * on, such as a cluster's, whose exits are kills).
   */
  int run(JavaMain main, Optional<String> heap, List<String> args) {
    return run(main, heap, List.of(), args);
  }

  /** The same with JVM flags of the run (e.g. a small day's, NightlyPlan). */
  int run(JavaMain main, Optional<String> heap, List<String> jvmFlags, List<String> args) {
    Optional<ClassDataArchive.Use> archive = !main.startsAnEngine() || "off".equals(environment.get(ClassDataArchive.SWITCH))
        ? Optional.empty() : new ClassDataArchive(home).prepare(main, classpath(main), args);
    try {
      int status = start(command(main, heap, jvmFlags, args, archive), main, Redirect.INHERIT).waitFor();
      archive.ifPresent(use -> use.finish(status));
      return status;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + main.className() + " ran", e);
    }
  }

  /**
   * Starts {@code main} behind {@code prefix}, a command that runs it (e.g. {@code /usr/bin/time -f %M
   * -o FILE}; empty for none), its standard output going where {@code stdout} says; its standard
   * error and input are this process's.
   */
  public Process start(List<String> prefix, JavaMain main, Optional<String> heap, List<String> args, Redirect stdout) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(command(main, heap, args));
    return start(command, main, stdout);
  }

  private Process start(List<String> command, JavaMain main, Redirect stdout) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO().redirectOutput(stdout);
      // The jobs find the checkout's files (models/risk) through it, wherever the command is run from.
      builder.environment().put("CHENGXIN_HOME", home.toAbsolutePath().toString());
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + main.className(), e);
    }
  }

  /** A main's classpath: its module's classes, then the classpath the module's build recorded. */
  private List<String> classpath(JavaMain main) {
    Path module = home.resolve(main.module());
    List<String> entries = new ArrayList<>();
    entries.add(module.resolve("target/classes").toString());
    entries.addAll(Arrays.asList(recordedClasspath(module).split(java.io.File.pathSeparator)));
    return entries;
  }

  /** The classpath the module's build recorded: its runtime dependencies, then what a cluster would provide. */
  private static String recordedClasspath(Path module) {
    Path file = module.resolve("target/classpath.txt");
    Path provided = module.resolve("target/classpath-provided.txt");
    try {
      String classpath = Files.readString(file).trim();
      String more = Files.exists(provided) ? Files.readString(provided).trim() : "";
      return more.isEmpty() ? classpath : classpath + java.io.File.pathSeparator + more;
    } catch (IOException e) {
      throw new UncheckedIOException(file + " is missing: build first (scripts/chengxin builds what is missing)", e);
    }
  }

  private static Properties launchProperties() {
    Properties properties = new Properties();
    try (InputStream in = Launcher.class.getResourceAsStream("launch.properties")) {
      properties.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("launch.properties is missing from the build of jobs/cli", e);
    }
    return properties;
  }
}
