package org.chengxin.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.chengxin.cli.FlinkSession;
import org.chengxin.cli.KafkaCommand;
import org.chengxin.cli.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chengxin bench-kafka-ingest}: the continuous ingest from Kafka killed with {@code kill -9}
 * at random moments and restarted from its latest retained checkpoint, then every record accounted
 * for in the tables (audit-kafka-ingest); the throughput over the whole run, kills and restarts
 * included.
 */
@Command(name = "bench-kafka-ingest", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {
        "Exactly once through crashes: generates a market (generate --days D --seed 7), starts a Kafka broker on loopback "
            + "(a JVM of its own, as `kafka up`), produces every line of it to the event topics (produce-events: the "
            + "generator's bad lines and repeated deliveries too; all before the ingest starts, or with --produce-rate as "
            + "a live stream beside it), starts the continuous ingest from Kafka (checkpoints every --checkpoint-interval), "
            + "kills its JVM with SIGKILL --kills times, each at a random moment of --kill-after after its start, and "
            + "restarts it each time with --restore-from latest.",
        "With --kill-process taskmanager the ingest runs on a Flink session cluster of its own on loopback (a job "
            + "manager and a task manager, as `cluster up` starts them) and the task manager's JVM is the one killed; a "
            + "new task manager is started at once, as a cluster's supervisor would, and the job manager restarts the job "
            + "on it from the last completed checkpoint (the ingest's launching process keeps waiting); --kill-after then counts "
            + "from the moment every task of the job runs (again).",
        "Then reads every record back and every committed row of the tables (audit-kafka-ingest) until each record has "
            + "exactly one row (an event table's, dead_letter's or late_events') or is a duplicate of an event that has "
            + "one, and prints one JSON object: records, kills and their moments, committed part files at each kill, "
            + "whether the producer was still sending then, the account (exactly_once, missing, rows twice, ids twice in a table, duplicates, rows per table), and "
            + "events/s from the first start until everything was accounted for (restarts and re-reading included).",
        "Exit status 0 when exactly once; 1 when not, or when a step failed. The ingest's heap is --heap, else "
            + "$CHENGXIN_HEAP, else 6g."})
final class BenchKafkaIngest extends Benchmark {
  static final String DAY = "2026-11-01";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--trades", paramLabel = "N", converter = Counts.Positive.class, defaultValue = "600000",
      description = "trades generated; over a week, with their ratings, complaints, certificates, revisions, bad lines "
          + "and repeats, the events are about 1.7 times as many (default: ${DEFAULT-VALUE}, about 1,000,000 events)")
  private long trades;

  @Option(names = "--days", paramLabel = "D", defaultValue = "7", description = "days the trades are spread over, 1-90 (default: ${DEFAULT-VALUE})")
  private int days;

  @Option(names = "--produce-rate", paramLabel = "N", defaultValue = "0",
      description = "events a second produced while the ingest runs and is killed (a live stream); 0: every event is "
          + "produced before the ingest starts, a backlog it reads as fast as it can (default: ${DEFAULT-VALUE})")
  private long produceRate;

  @Option(names = "--kills", paramLabel = "N", defaultValue = "3", description = "SIGKILLs of the ingest JVM, 0-20 (default: ${DEFAULT-VALUE})")
  private int kills;

  @Option(names = "--kill-after", paramLabel = "MIN-MAX", defaultValue = "10-40",
      description = "seconds after a (re)start within which its kill falls, uniformly at random (default: ${DEFAULT-VALUE})")
  private String killAfter;

  @Option(names = "--kill-process", paramLabel = "ingest|taskmanager", defaultValue = "ingest",
      description = "the JVM killed: the embedded ingest's, or the task manager's of a Flink session cluster the ingest runs on "
          + "(default: ${DEFAULT-VALUE})")
  private Killed killProcess;

  @Option(names = "--taskmanager-memory", paramLabel = "SIZE", defaultValue = "4g",
      description = "with --kill-process taskmanager: the task manager's whole process size (default: ${DEFAULT-VALUE})")
  private String taskManagerMemory;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the kill moments (default: ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--checkpoint-interval", paramLabel = "D", defaultValue = "5s",
      description = "the ingest's checkpoint (and file commit) interval (default: ${DEFAULT-VALUE})")
  private String checkpointInterval;

  @Option(names = "--parallelism", paramLabel = "N", description = "ingest parallelism, 1-1024 (default: the number of cores)")
  private int parallelism = Runtime.getRuntime().availableProcessors();

  @Option(names = "--work", paramLabel = "DIR",
      description = "scratch folder: market, broker, warehouse, logs (default: a fresh temporary folder, deleted after)")
  private Path work;

  @Option(names = "--generator-heap", paramLabel = "SIZE", defaultValue = "${env:CHENGXIN_GENERATOR_HEAP:-2g}",
      description = "JVM heap of the generator (default: $CHENGXIN_GENERATOR_HEAP, else 2g; now ${DEFAULT-VALUE})")
  private String generatorHeap;

  /** The process whose JVM is killed. */
  enum Killed { INGEST, TASKMANAGER }

  BenchKafkaIngest(Launcher launcher) {
    super(launcher);
  }

  @Override
  void run(Steps steps, PrintStream out) throws IOException {
    within("--kills", kills, 0, 20);
    within("--days", days, 1, 90);
    within("--parallelism", parallelism, 1, 1024);
    int[] window = killWindow();
    boolean temporary = work == null;
    Path folder = temporary ? Files.createTempDirectory("chengxin-bench-kafka.") : work.toAbsolutePath();
    Folders.delete(folder);
    Files.createDirectories(folder);
    KafkaCommand kafka = KafkaCommand.at(launcher(), folder.resolve("kafka"), freePort(), freePort());
    Process ingest = null;
    FlinkSession cluster = null;
    try {
      Path market = folder.resolve("market");
      progress("== generating %d trades over %d days", trades, days);
      steps.withHeap(generatorHeap).run("generate", List.of("--out", market.toString(), "--trades", Long.toString(trades),
          "--days", Integer.toString(days), "--start-date", DAY, "--seed", "7"));
      if (killProcess == Killed.TASKMANAGER) {
        // Up before a live stream starts, so the kill moments fall in the stream as they do for the embedded ingest.
        cluster = new FlinkSession(launcher(), folder.resolve("flink"), "127.0.0.1", freePort(), freePort(), taskManagerMemory);
        progress("== starting a Flink session cluster (job manager and task manager)");
        cluster.up(Duration.ofMinutes(2));
      }
      if (kafka.up() != 0) {
        throw new Steps.Failed("the Kafka broker did not start; its log is under " + folder.resolve("kafka/logs"), 1);
      }
      String bootstrap = kafka.bootstrap();
      Path producerOutput = folder.resolve("produced.json");
      Process producer = steps.start("produce-events", List.of("--input", market.resolve("events").toString(),
          "--kafka-bootstrap", bootstrap, "--partitions", Integer.toString(parallelism),
          "--records-per-second", Long.toString(produceRate)), Redirect.to(producerOutput.toFile()));
      if (produceRate == 0) {
        progress("== producing the events to %s", bootstrap);
        finish(producer, "produce-events");
      }
      Path warehouse = folder.resolve("warehouse");
      List<String> ingestArgs = new ArrayList<>(List.of("--mode", "continuous", "--kafka-bootstrap", bootstrap, "--warehouse", warehouse.toString(),
          "--checkpoint-interval", checkpointInterval, "--max-out-of-orderness", "5s",
          // A replayed backlog is not late: its events belong in the tables.
          "--allowed-lateness", "30d", "--restore-from", "latest", "--parallelism", Integer.toString(parallelism),
          "--pseudonym-key-file", ImportedRatings.throwawayKey(folder).toString()));
      if (cluster != null) {
        ingestArgs.addAll(List.of("--flink-master", cluster.restAddress()));
      }
      SplittableRandom random = new SplittableRandom(seed);
      ArrayNode moments = JSON.createArrayNode();
      ArrayNode partsAtKills = JSON.createArrayNode();
      ArrayNode streamingAtKills = JSON.createArrayNode();
      long started = System.currentTimeMillis();
      ingest = startIngest(steps, ingestArgs, folder, 0);
      for (int k = 1; k <= kills; k++) {
        double after = window[0] + random.nextDouble() * (window[1] - window[0]);
        if (cluster != null) {
          // From the moment the job runs again after the last kill: a kill while the job manager has not yet noticed
          // the last, or is still restarting the job, would merge with it.
          cluster.awaitRunningJob(k - 1, Duration.ofMinutes(5));
        }
        sleep(after);
        if (cluster != null) {
          cluster.killTaskManager();
        } else {
          ingest.destroyForcibly().waitFor();
        }
        partsAtKills.add(committedParts(warehouse));
        streamingAtKills.add(producer.isAlive());
        moments.add(Math.round(after * 10) / 10.0);
        progress("== kill -9 of the %s, number %d, %.1f s after the start; %d part files committed; restarting from the latest checkpoint",
            cluster != null ? "task manager" : "ingest", k, after, partsAtKills.get(k - 1).asLong());
        if (cluster != null) {
          cluster.startTaskManager();
        } else {
          ingest = startIngest(steps, ingestArgs, folder, k);
        }
      }
      if (produceRate > 0) {
        progress("== waiting for the producer's end");
        finish(producer, "produce-events");
      }
      JsonNode produced = JSON.readTree(producerOutput.toFile());
      progress("== waiting until every record is accounted for");
      ObjectNode account = (ObjectNode) JSON.readTree(steps.output("audit-kafka-ingest", List.of("--kafka-bootstrap", bootstrap,
          "--warehouse", warehouse.toString(), "--wait-seconds", "1800", "--poll-seconds", "2")));
      long records = produced.path("records").asLong();
      ObjectNode result = JSON.createObjectNode().put("trades", trades).put("events", records)
          .put("produce_seconds", produced.path("seconds").asDouble()).put("parallelism", parallelism)
          .put("produce_rate", produceRate).put("checkpoint_interval", checkpointInterval).put("kills", kills)
          .put("killed", cluster != null ? "taskmanager" : "ingest");
      result.set("kill_seconds_after_start", moments);
      result.set("part_files_committed_at_kills", partsAtKills);
      result.set("producer_running_at_kills", streamingAtKills);
      if (account.has("accounted_at_ms")) {
        double seconds = (account.path("accounted_at_ms").asLong() - started) / 1000.0;
        result.put("seconds_to_all_accounted", Math.round(seconds * 10) / 10.0)
            .put("events_per_second", Math.round(records / seconds));
      }
      if (cluster != null) {
        cluster.jobFailures().ifPresent(failures -> result.put("job_failures_on_cluster", failures));
      }
      result.set("account", account);
      out.println(result);
      if (!account.path("exactly_once").asBoolean()) {
        throw new Steps.Failed("not exactly once: " + account, 1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Steps.Failed("interrupted", 130);
    } finally {
      if (ingest != null) {
        ingest.destroyForcibly();
      }
      if (cluster != null) {
        cluster.stop();
      }
      kafka.stop();
      if (temporary) {
        Folders.delete(folder);
      }
    }
  }

  private static void finish(Process step, String name) throws InterruptedException {
    if (step.waitFor() != 0) {
      throw new Steps.Failed(name + " failed (exit " + step.exitValue() + ")", step.exitValue());
    }
  }

  /** The ingest JVM, its standard output in ingest-N.log (its log goes to standard error, as every step's). */
  private static Process startIngest(Steps steps, List<String> args, Path folder, int run) {
    return steps.start("ingest", args, Redirect.to(folder.resolve("ingest-" + run + ".log").toFile()));
  }

  private int[] killWindow() {
    String[] parts = killAfter.split("-", -1);
    try {
      int min = Integer.parseInt(parts[0]);
      int max = Integer.parseInt(parts[parts.length - 1]);
      if (parts.length == 2 && min >= 1 && max >= min) {
        return new int[] {min, max};
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--kill-after is MIN-MAX seconds, e.g. 10-40, got: " + killAfter);
  }

  /** Committed part files in the warehouse's tables: progress made before a kill. */
  private static long committedParts(Path warehouse) throws IOException {
    if (!Files.isDirectory(warehouse)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(warehouse)) {
      return files.filter(f -> !f.toString().contains("/_")).map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith("part-") && name.endsWith(".parquet")).count();
    }
  }

  private static void sleep(double seconds) throws InterruptedException {
    Thread.sleep(Math.round(seconds * 1000));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
