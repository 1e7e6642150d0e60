package org.chengxin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
final class Launcher {
  private final Path home;
  private final Map<String, String> environment;
  private final Properties launch;

  Launcher(Path home, Map<String, String> environment) {
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

  Path home() {
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
    Path module = home.resolve(main.module());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap(main, heap));
    command.add("-Dlog4j2.configurationFile=" + home.resolve("scripts/lib/log4j2.properties"));
    if (main.needsSparkFlags()) {
      command.addAll(Arrays.asList(launch.getProperty("spark.jvm.args").trim().split("\\s+")));
    }
    String extra = environment.getOrDefault("CHENGXIN_JAVA_OPTS", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(Arrays.asList(extra.split("\\s+")));
    }
    command.add("-cp");
    command.add(String.join(java.io.File.pathSeparator, module.resolve("target/classes").toString(),
        recordedClasspath(module, "classpath.txt"), recordedClasspath(module, "classpath-provided.txt")));
    command.add(main.className());
    command.addAll(args);
    return command;
  }

  /** Runs {@code main} to its end; returns its exit status. */
  int run(JavaMain main, Optional<String> heap, List<String> args) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command(main, heap, args)).inheritIO();
      // Jobs find the repository's own files through it (e.g. the risk models under models/risk).
      builder.environment().put("CHENGXIN_HOME", home.toString());
      Process process = builder.start();
      return process.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + main.className(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + main.className() + " ran", e);
    }
  }

  private static String recordedClasspath(Path module, String name) {
    Path file = module.resolve("target").resolve(name);
    try {
      return Files.readString(file).trim();
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
