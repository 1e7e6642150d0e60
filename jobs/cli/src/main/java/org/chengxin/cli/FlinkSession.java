package org.chengxin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The Flink half of {@code chengxin cluster}: a session cluster on loopback, one job manager
 * ({@code StandaloneSessionClusterEntrypoint}) and one task manager ({@code TaskManagerRunner}),
 * started the way Flink's {@code bin/jobmanager.sh} and {@code bin/taskmanager.sh} start them: a
 * {@code config.yaml} in a config folder, and the JVM sizes and memory settings Flink's own
 * {@code BashJavaUtils} derives from it. Their classpath is the one jobs/flink-session records, what
 * a Flink distribution's lib/ holds (Flink's runtime, clients, flink-runtime-web for the web UI,
 * Log4j): the job's classes, connectors, Parquet and Hadoop reach the cluster only in the job's jar.
 */
public final class FlinkSession {
  private static final String JOB_MANAGER = "flink-jobmanager";
  private static final String TASK_MANAGER = "flink-taskmanager";
  private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

  private final Launcher launcher;
  private final Path dir;
  private final String host;
  private final int rpcPort;
  private final int restPort;
  private final String taskManagerMemory;
  private final PidFiles processes;
  private List<String> jobManagerCommand;
  private List<String> taskManagerCommand;
  private Process taskManager;
  private int taskManagerRestarts;

  /**
   * @param dir the cluster's folder: config, logs and temporary files go under it
   * @param restPort the REST API and web UI, where jobs are submitted ({@code --flink-master HOST:PORT})
   * @param taskManagerMemory the task manager's whole process size (heap, managed memory, network, metaspace)
   */
  public FlinkSession(Launcher launcher, Path dir, String host, int rpcPort, int restPort, String taskManagerMemory) {
    this.launcher = launcher;
    this.dir = dir;
    this.host = host;
    this.rpcPort = rpcPort;
    this.restPort = restPort;
    this.taskManagerMemory = taskManagerMemory;
    this.processes = new PidFiles(dir);
  }

  /**
   * Writes the config and sizes both processes, starting none: a failure here leaves nothing
   * running. Must come before the starts.
   */
  public void prepare() throws IOException, InterruptedException {
    Path conf = writeConfig();
    jobManagerCommand = jobManager(conf);
    taskManagerCommand = taskManager(conf);
  }

  /** Starts the job manager; its pid file and log in the cluster's folder. */
  public void startJobManager() throws IOException {
    processes.start(JOB_MANAGER, new ProcessBuilder(jobManagerCommand));
  }

  /**
   * Starts a task manager (again, after one died: what a cluster's supervisor does); it registers
   * itself. A dead one's log is kept beside, numbered ({@code flink-taskmanager.log.1}, ...).
   */
  public void startTaskManager() throws IOException {
    if (taskManager != null) {
      Path log = processes.log(TASK_MANAGER);
      Files.move(log, log.resolveSibling(log.getFileName() + "." + ++taskManagerRestarts));
    }
    taskManager = processes.start(TASK_MANAGER, new ProcessBuilder(taskManagerCommand));
  }

  /** SIGKILLs the task manager this object started, as a machine's crash would, and waits for its end. */
  public void killTaskManager() throws InterruptedException {
    taskManager.destroyForcibly().waitFor();
  }

  /** Prepares and starts both processes and waits until the task manager has registered. */
  public void up(Duration timeout) throws IOException, InterruptedException {
    prepare();
    startJobManager();
    startTaskManager();
    if (!await(() -> registeredTaskManagers().orElse(0) >= 1, timeout)) {
      stop();
      throw new IllegalStateException("the Flink session did not come up within " + timeout + "; logs in " + dir.resolve("logs"));
    }
  }

  /** Stops the processes this session's folder records; returns how many ran. */
  public int stop() throws IOException {
    return processes.stopAll();
  }

  /** Task managers registered at the job manager, from its REST API; empty when it does not answer. */
  Optional<Integer> registeredTaskManagers() {
    return ClusterCommand.json(webUi() + "overview").map(overview -> overview.path("taskmanagers").asInt());
  }

  /**
   * Failures the cluster's jobs (running, restarting or ended) were restarted from: the entries of
   * each job's exception history; empty when the job manager does not answer.
   */
  public Optional<Long> jobFailures() {
    return ClusterCommand.json(webUi() + "jobs").map(jobs -> {
      long failures = 0;
      for (JsonNode job : jobs.path("jobs")) {
        failures += ClusterCommand.json(webUi() + "jobs/" + job.path("id").asText() + "/exceptions")
            .map(history -> (long) history.path("exceptionHistory").path("entries").size()).orElse(0L);
      }
      return failures;
    });
  }

  /**
   * Waits until a job runs with every task running and the cluster's jobs have recovered from at
   * least {@code failures} failures: after a submission (0), or after a lost task manager, once
   * the job manager has noticed the loss and restarted the job on a new one.
   */
  public void awaitRunningJob(long failures, Duration timeout) throws InterruptedException {
    if (!await(() -> ClusterCommand.json(webUi() + "jobs/overview").map(FlinkSession::anyJobFullyRunning).orElse(false)
        && jobFailures().orElse(0L) >= failures, timeout)) {
      throw new IllegalStateException("no job ran on the Flink session within " + timeout + "; logs in " + dir.resolve("logs"));
    }
  }

  /** Asks {@code condition} every half second until it holds (true) or {@code timeout} has passed (false). */
  private static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(500);
    }
    return true;
  }

  private static boolean anyJobFullyRunning(JsonNode overview) {
    for (JsonNode job : overview.path("jobs")) {
      JsonNode tasks = job.path("tasks");
      if ("RUNNING".equals(job.path("state").asText()) && tasks.path("total").asInt() > 0
          && tasks.path("running").asInt() == tasks.path("total").asInt()) {
        return true;
      }
    }
    return false;
  }

  /** What the ingest's {@code --flink-master} takes. */
  public String restAddress() {
    return host + ":" + restPort;
  }

  /** The web UI and REST API. */
  String webUi() {
    return "http://" + restAddress() + "/";
  }

  /** Writes the config folder; returns it. */
  private Path writeConfig() throws IOException {
    Path conf = Files.createDirectories(dir.resolve("flink-conf"));
    // One slot per core: the ingest's default parallelism then fits the one task manager.
    int slots = Runtime.getRuntime().availableProcessors();
    Files.writeString(conf.resolve("config.yaml"), String.join("\n",
        "# Written by `chengxin cluster up`: a Flink session cluster on loopback, sized for a small machine.",
        "jobmanager:",
        "  bind-host: " + host,
        "  rpc:",
        "    address: " + host,
        "    port: " + rpcPort,
        "  memory:",
        "    process:",
        "      size: 1g",
        "taskmanager:",
        "  bind-host: " + host,
        "  host: " + host,
        "  numberOfTaskSlots: " + slots,
        "  memory:",
        "    process:",
        "      size: " + taskManagerMemory,
        // The ingest's batch exchanges (a dozen steps deployed at once) ran out of the default 128 MB of buffers.
        "    network:",
        "      min: 512m",
        "      max: 512m",
        "rest:",
        "  address: " + host,
        "  bind-address: " + host,
        "  port: " + restPort,
        ""));
    return conf;
  }

  /** The job manager's command line, as {@code jobmanager.sh start} builds it. */
  private List<String> jobManager(Path conf) throws IOException, InterruptedException {
    Resources resources = resources("GET_JM_RESOURCE_PARAMS", conf);
    List<String> command = jvm(resources, JOB_MANAGER, "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint");
    command.addAll(resources.dynamicConfigs());
    command.addAll(List.of("--configDir", conf.toString(), "--executionMode", "cluster"));
    return command;
  }

  /** The task manager's command line, as {@code taskmanager.sh start} builds it. */
  private List<String> taskManager(Path conf) throws IOException, InterruptedException {
    Resources resources = resources("GET_TM_RESOURCE_PARAMS", conf);
    List<String> command = jvm(resources, TASK_MANAGER, "org.apache.flink.runtime.taskexecutor.TaskManagerRunner");
    command.addAll(List.of("--configDir", conf.toString()));
    command.addAll(resources.dynamicConfigs());
    return command;
  }

  private List<String> jvm(Resources resources, String name, String mainClass) throws IOException {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(resources.jvmParams());
    // log.file: the web UI shows the process's log; the temporary folder keeps blobs and uploads under the cluster's folder.
    command.addAll(List.of("-Dlog.file=" + dir.resolve("logs/" + name + ".log"), logging(),
        "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")), "-cp", classpath(), mainClass));
    return command;
  }

  /** JVM parameters and memory settings for a process, from Flink's own calculation over the config. */
  private Resources resources(String what, Path conf) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(java(), logging(), "-cp", classpath(), "org.apache.flink.runtime.util.bash.BashJavaUtils",
        what, "--configDir", conf.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<String> results = output.lines().filter(line -> line.startsWith(RESULT_PREFIX))
        .map(line -> line.substring(RESULT_PREFIX.length()).trim()).toList();
    if (process.waitFor() != 0 || results.size() < 2) {
      throw new IllegalStateException("Flink could not size its processes from " + conf + ": " + output);
    }
    // The last two lines: the JVM's flags, then the settings the process must start with (-D key=value).
    return new Resources(words(results.get(results.size() - 2)), words(results.get(results.size() - 1)));
  }

  private record Resources(List<String> jvmParams, List<String> dynamicConfigs) {}

  private static List<String> words(String line) {
    return line.isEmpty() ? List.of() : Arrays.asList(line.split("\\s+"));
  }

  private String classpath() {
    return String.join(java.io.File.pathSeparator, launcher.engineClasspath(JavaMain.FLINK_SESSION));
  }

  private String logging() {
    return "-Dlog4j2.configurationFile=" + launcher.home().resolve("scripts/lib/log4j2.properties");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
