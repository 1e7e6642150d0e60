package org.chengxin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chengxin cluster up|down|status}: a Spark standalone cluster and a Flink session cluster
 * on loopback, each process its own JVM, started from the project's own Spark and Flink
 * dependencies (these machines cannot download a distribution; a company's cluster has its own).
 * Spark: a master and two workers. A worker starts its executors from a Spark home, so {@code up}
 * lays one out under {@code target/cluster/spark-home}: the jars of the build's Spark classpath and
 * a {@code RELEASE} file. The jobs reach it with {@code --spark-master spark://127.0.0.1:PORT},
 * which ships the job jar to the executors. Flink: a job manager and a task manager
 * ({@link FlinkSession}); the ingest reaches it with {@code --flink-master 127.0.0.1:PORT}, which
 * submits the ingest job jar.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Starts, stops or shows a Spark standalone cluster (a master and two workers) and a Flink session "
        + "cluster (a job manager and a task manager) on loopback, each process a separate JVM from the project's own "
        + "Spark and Flink dependencies; logs and process ids under target/cluster.",
        "Then: scripts/nightly --spark-master spark://127.0.0.1:7077 --flink-master 127.0.0.1:8081 (or any Spark job "
            + "with --spark-master, scripts/ingest with --flink-master).",
        "Exit status: 0 done (status: the cluster is up), 1 it failed, 3 (status) the cluster is down."})
final class ClusterCommand implements Callable<Integer> {
  private static final String LOOPBACK = "127.0.0.1";
  private static final int WORKERS = 2;
  /** The Spark master and workers, the Flink job manager and task manager. */
  private static final int PROCESSES = 1 + WORKERS + 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Launcher launcher;

  @Parameters(index = "0", paramLabel = "up|down|status", description = "what to do")
  private Action action;

  @Option(names = "--master-port", paramLabel = "PORT", defaultValue = "7077", description = "the master's port (default: ${DEFAULT-VALUE})")
  private int masterPort;

  @Option(names = "--ui-port", paramLabel = "PORT", defaultValue = "8090",
      description = "the master's web UI; the workers' UIs take the next ports (default: ${DEFAULT-VALUE})")
  private int uiPort;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "the cluster's folder: Spark home, Flink config, logs, work folders, process ids (default: target/cluster in the checkout)")
  private Path clusterDir;

  @Option(names = "--worker-memory", paramLabel = "SIZE", defaultValue = "2g",
      description = "memory each worker offers its executors (default: ${DEFAULT-VALUE})")
  private String workerMemory;

  @Option(names = "--flink-port", paramLabel = "PORT", defaultValue = "8081",
      description = "the Flink job manager's REST API and web UI, where jobs are submitted (default: ${DEFAULT-VALUE})")
  private int flinkPort;

  @Option(names = "--flink-rpc-port", paramLabel = "PORT", defaultValue = "6123",
      description = "the Flink job manager's RPC port, which the task manager registers at (default: ${DEFAULT-VALUE})")
  private int flinkRpcPort;

  @Option(names = "--taskmanager-memory", paramLabel = "SIZE", defaultValue = "2g",
      description = "the Flink task manager's whole process size, 512m of it network buffers (default: ${DEFAULT-VALUE})")
  private String taskManagerMemory;

  enum Action { UP, DOWN, STATUS }

  ClusterCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() throws Exception {
    return switch (action) {
      case UP -> up();
      case DOWN -> down();
      case STATUS -> status();
    };
  }

  private Path dir() {
    return clusterDir != null ? clusterDir.toAbsolutePath() : launcher.home().resolve("target/cluster");
  }

  private String masterUrl() {
    return "spark://" + LOOPBACK + ":" + masterPort;
  }

  private FlinkSession flink() {
    return new FlinkSession(launcher, dir(), LOOPBACK, flinkRpcPort, flinkPort, taskManagerMemory);
  }

  private int up() throws IOException, InterruptedException {
    if (!alive().isEmpty()) {
      System.err.println("[chengxin] cluster is already up (scripts/chengxin cluster status; down to stop it)");
      return 1;
    }
    Path sparkHome = sparkHome();
    Files.createDirectories(dir().resolve("logs"));
    // Sized before anything starts: a failure here leaves no process behind.
    FlinkSession flink = flink();
    flink.prepare();
    startSpark("master", sparkHome, List.of("org.apache.spark.deploy.master.Master", "--host", LOOPBACK, "--port",
        String.valueOf(masterPort), "--webui-port", String.valueOf(uiPort)));
    for (int w = 1; w <= WORKERS; w++) {
      Path work = Files.createDirectories(dir().resolve("work-" + w));
      startSpark("worker-" + w, sparkHome, List.of("org.apache.spark.deploy.worker.Worker", masterUrl(), "--host", LOOPBACK,
          "--cores", "1", "--memory", workerMemory, "--webui-port", String.valueOf(uiPort + w), "--work-dir", work.toString()));
    }
    flink.startJobManager();
    flink.startTaskManager();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (aliveWorkers().orElse(0) == WORKERS && flink.registeredTaskManagers().orElse(0) == 1) {
        print();
        return 0;
      }
      Thread.sleep(500);
    }
    System.err.println("[chengxin] the cluster did not come up within 2 minutes; logs in " + dir().resolve("logs"));
    down();
    return 1;
  }

  /** A Spark home for the workers: the build's Spark classpath as jars/ and a RELEASE file. */
  private Path sparkHome() throws IOException {
    Path home = dir().resolve("spark-home");
    Path jars = home.resolve("jars");
    if (Files.exists(jars)) {
      try (Stream<Path> old = Files.list(jars)) {
        for (Path link : old.toList()) {
          Files.delete(link);
        }
      }
    }
    Files.createDirectories(jars);
    for (String entry : launcher.engineClasspath(JavaMain.SPARK)) {
      Path jar = Path.of(entry);
      if (entry.endsWith(".jar") && !Files.exists(jars.resolve(jar.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
      }
    }
    // The worker reads the Scala version and the layout from a distribution's marker file.
    Files.writeString(home.resolve("RELEASE"), "Spark (chengxin's Maven dependencies)\n");
    return home;
  }

  private void startSpark(String name, Path sparkHome, List<String> mainAndArgs) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
    command.addAll(launcher.sparkJvmFlags());
    command.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*"));
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", LOOPBACK);
    processes().start(name, builder);
  }

  private PidFiles processes() {
    return new PidFiles(dir());
  }

  private List<ProcessHandle> alive() throws IOException {
    return processes().alive();
  }

  private int down() throws IOException {
    System.out.println("cluster down (" + processes().stopAll() + " processes stopped)");
    return 0;
  }

  private int status() throws IOException {
    if (alive().isEmpty()) {
      System.out.println("cluster down");
      return 3;
    }
    print();
    return 0;
  }

  private void print() throws IOException {
    System.out.println("processes " + alive().size() + " of " + PROCESSES);
    System.out.println("master " + masterUrl() + " (workers alive " + aliveWorkers().map(String::valueOf).orElse("unknown") + ")");
    System.out.println("master UI http://" + LOOPBACK + ":" + uiPort + "/");
    for (int w = 1; w <= WORKERS; w++) {
      System.out.println("worker-" + w + " UI http://" + LOOPBACK + ":" + (uiPort + w) + "/");
    }
    FlinkSession flink = flink();
    System.out.println("flink --flink-master " + flink.restAddress() + " (task managers registered "
        + flink.registeredTaskManagers().map(String::valueOf).orElse("unknown") + ")");
    System.out.println("flink UI " + flink.webUi());
    System.out.println("logs " + dir().resolve("logs"));
  }

  /** Workers the master counts as alive, from its UI's JSON; empty when the master does not answer. */
  private Optional<Integer> aliveWorkers() {
    return json("http://" + LOOPBACK + ":" + uiPort + "/json/").map(master -> master.path("aliveworkers").asInt());
  }

  /** The JSON a process's web UI answers at {@code url}; empty when it does not answer. */
  static Optional<JsonNode> json(String url) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }
}
