package org.chengxin.ingest;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.flink.util.TimeUtils;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.event.EventTopics;
import org.chengxin.core.validation.EventValidator;

/**
 * The ingest job's options, with defaults, help text and validation.
 *
 * @param inputs folders (or files) of raw JSON Lines, read recursively; hidden and {@code _} files skipped;
 *     empty when the events come from Kafka
 * @param warehouse the warehouse root
 * @param date the bounded run's day; in continuous mode optional (it anchors the trade look-back)
 * @param fromDate bounded backfill: the first day of the run, which then owns every day from
 *     fromDate to date and commits one partition per day; null for a one-day run
 * @param mode bounded (one day, atomic partition swap) or continuous (monitor the inputs, checkpoints)
 * @param checkpointDir where continuous checkpoints go
 * @param checkpointInterval continuous checkpoint interval: also how often output files commit
 * @param allowedLateness continuous: events older than watermark minus this go to late_events
 * @param maxOutOfOrderness continuous: watermark delay, and how long a rating waits for its trade
 * @param dedupeRetention continuous: how long event ids, trade ids and ratings are remembered
 * @param lookbackDays days of earlier trades partitions that make a trade id known
 * @param monitorInterval continuous: how often the inputs are scanned for new files
 * @param pseudonymKeyFile file holding the pseudonymisation key, else env or development key
 * @param parallelism operator parallelism
 * @param maxLineBytes longer lines are rejected
 * @param restoreFrom continuous: a retained checkpoint or savepoint to resume from, or
 *     {@value RetainedCheckpoints#LATEST}: the last complete one under checkpointDir (none: a fresh start)
 * @param acceptNewPseudonymKey bounded: run even when the key differs from the one the warehouse's
 *     latest other day was ingested with (a deliberate key rotation)
 * @param flinkMaster the REST address of a Flink session cluster to run on; null for the embedded local Flink
 * @param jobJar with a flinkMaster: the shaded job jar sent to the cluster (our classes and connectors)
 * @param kafkaBootstrap continuous: the Kafka brokers to read the event topics from instead of inputs; null for files
 * @param kafkaTopicPrefix the event topics' prefix: a kind's topic is this and the kind ({@code chengxin.trade})
 */
public record IngestOptions(
    List<String> inputs,
    String warehouse,
    LocalDate date,
    LocalDate fromDate,
    Mode mode,
    String checkpointDir,
    Duration checkpointInterval,
    Duration allowedLateness,
    Duration maxOutOfOrderness,
    Duration dedupeRetention,
    int lookbackDays,
    Duration monitorInterval,
    Path pseudonymKeyFile,
    int parallelism,
    int maxLineBytes,
    String restoreFrom,
    boolean acceptNewPseudonymKey,
    InetSocketAddress flinkMaster,
    Path jobJar,
    String kafkaBootstrap,
    String kafkaTopicPrefix) {

  /** How the job runs. */
  public enum Mode {
    BOUNDED,
    CONTINUOUS
  }

  public IngestOptions {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty() == (kafkaBootstrap == null)) {
      throw new UsageException("either --input or --kafka-bootstrap is required (see --help)");
    }
    if (kafkaBootstrap != null && mode != Mode.CONTINUOUS) {
      throw new UsageException("--kafka-bootstrap needs --mode continuous");
    }
    if (mode == Mode.BOUNDED && date == null) {
      throw new UsageException("--date is required in bounded mode (see --help)");
    }
    if (fromDate != null && (mode != Mode.BOUNDED || fromDate.isAfter(date))) {
      throw new UsageException("--from-date needs bounded mode and must not be after --date");
    }
    if (parallelism < 1) {
      throw new UsageException("--parallelism must be at least 1");
    }
    if (maxLineBytes < 256) {
      throw new UsageException("--max-line-bytes must be at least 256");
    }
    if (flinkMaster != null && jobJar == null) {
      throw new UsageException("--flink-master needs --job-jar, the shaded job jar (scripts/ingest passes the build's)");
    }
  }

  public boolean continuous() {
    return mode == Mode.CONTINUOUS;
  }

  public boolean fromKafka() {
    return kafkaBootstrap != null;
  }

  /** The first day a bounded run owns: fromDate for a backfill, else date. */
  public LocalDate firstDay() {
    return fromDate != null ? fromDate : date;
  }

  /** Declares --parallelism, which the benchmarks share: 1 to 1024, by default the number of cores. */
  static Arg<Long> declareParallelism(Arguments cli, String help) {
    return cli.whole("parallelism", "N", help + ", by default the number of cores", Runtime.getRuntime().availableProcessors(),
        1, 1024);
  }

  /** Parses the command line; empty when help was printed. */
  public static Optional<IngestOptions> parse(String[] args) {
    Arguments cli = new Arguments("scripts/ingest", "The Flink ingest job: reads raw JSON Lines, validates, "
        + "pseudonymises and deduplicates them, and writes the day's tables (dead letters apart) as Parquet.");
    Arg<List<String>> inputArgs = cli.repeated("input", "DIR",
        "raw JSON Lines folder (or file), read recursively; repeat or comma-separate (required, unless --kafka-bootstrap)");
    Arg<String> warehouseArg = cli.requiredText("warehouse", "DIR",
        "warehouse root, a folder or a URI such as hdfs://nn/chengxin (tables at DIR/TABLE/ds=YYYY-MM-DD/)");
    Arg<LocalDate> date = cli.optionalDate("date", "bounded: the day this run owns; continuous: anchors the trade look-back");
    Arg<LocalDate> fromDate = cli.optionalDate("from-date",
        "bounded backfill: own every day from this one to --date, one partition each");
    Arg<Mode> mode = cli.choice("mode", "bounded: one day, swapped in atomically; continuous: monitor inputs", Mode.BOUNDED);
    Arg<String> checkpointDir = cli.text("checkpoint-dir", "DIR",
        "continuous: checkpoint storage (default WAREHOUSE/_checkpoints/ingest)");
    Arg<Duration> checkpointInterval = duration(cli, "checkpoint-interval", "continuous: checkpoint and file-commit interval",
        "30s");
    Arg<Duration> allowedLateness = duration(cli, "allowed-lateness", "continuous: lateness tolerated behind the watermark",
        "1h");
    Arg<Duration> maxOutOfOrderness = duration(cli, "max-out-of-orderness", "continuous: watermark delay and trade wait",
        "5m");
    Arg<Duration> dedupeRetention = duration(cli, "dedupe-retention",
        "continuous: how long event ids, trade ids and ratings are remembered", "7d");
    Arg<Long> lookbackDays = cli.whole("lookback-days", "N",
        "days of earlier trades partitions that make a trade known", 30, 0, 3650);
    Arg<Duration> monitorInterval = duration(cli, "monitor-interval",
        "continuous: how often inputs are scanned for new files", "10s");
    Arg<Path> keyFile = cli.path("pseudonym-key-file", "FILE",
        "pseudonymisation key (else $CHENGXIN_PSEUDONYM_KEY, else the dev key)");
    Arg<Long> parallelism = declareParallelism(cli, "operator parallelism");
    Arg<Long> maxLineBytes = cli.whole("max-line-bytes", "N", "longer lines are rejected as line_too_long",
        EventValidator.DEFAULT_MAX_LINE_BYTES, 256, 64L * 1024 * 1024);
    Arg<String> restoreFrom = cli.text("restore-from", "PATH", "continuous: resume from this retained checkpoint or savepoint; "
        + RetainedCheckpoints.LATEST + ": from the last complete checkpoint under --checkpoint-dir (none there: start afresh)");
    Arg<String> kafkaBootstrap = cli.text("kafka-bootstrap", "HOST:PORT",
        "continuous: read the event topics from these Kafka brokers instead of --input (comma-separate several)");
    Arg<String> kafkaTopicPrefix = cli.text("kafka-topic-prefix", "PREFIX",
        "with --kafka-bootstrap: a kind's topic is PREFIX + kind (trade, rating, complaint, certificate, rating_revision)",
        EventTopics.DEFAULT_PREFIX);
    Arg<Boolean> acceptNewKey = cli.flag("accept-new-pseudonym-key", "bounded: run even if the key differs from the "
        + "warehouse's earlier days' (a deliberate rotation; keys stop linking across it)");
    Arg<InetSocketAddress> flinkMaster = cli.value("flink-master", "HOST:PORT",
        "run on this Flink session cluster (its REST address, e.g. 127.0.0.1:8081) instead of an embedded local Flink",
        IngestOptions::hostAndPort);
    Arg<Path> jobJar = cli.path("job-jar", "FILE",
        "with --flink-master: the shaded job jar sent to the cluster (scripts/ingest passes jobs/ingest/target/*-job.jar)");
    if (!cli.parse(args)) {
      return Optional.empty();
    }
    // A task manager resolves relative paths against its own working folder, not the caller's.
    UnaryOperator<String> shared = flinkMaster.value() == null ? UnaryOperator.identity()
        : path -> Path.of(path).toAbsolutePath().normalize().toString();
    List<String> inputs = new ArrayList<>();
    for (String part : inputArgs.value()) {
      if (!part.isBlank()) {
        inputs.add(shared.apply(existing(part.strip(), "--input")));
      }
    }
    String warehouse = shared.apply(warehouseArg.value());
    return Optional.of(new IngestOptions(
        inputs,
        warehouse,
        date.value(),
        fromDate.value(),
        mode.value(),
        checkpointDir.optional().orElse(warehouse + "/_checkpoints/ingest"),
        checkpointInterval.value(),
        allowedLateness.value(),
        maxOutOfOrderness.value(),
        dedupeRetention.value(),
        lookbackDays.value().intValue(),
        monitorInterval.value(),
        keyFile.optional().map(f -> Path.of(existing(f.toString(), "--pseudonym-key-file"))).orElse(null),
        parallelism.value().intValue(),
        maxLineBytes.value().intValue(),
        restoreFrom.value(),
        acceptNewKey.value(),
        flinkMaster.value(),
        jobJar.optional().map(f -> Path.of(existing(f.toString(), "--job-jar"))).orElse(null),
        kafkaBootstrap.value(),
        kafkaTopicPrefix.value()));
  }

  private static String existing(String path, String option) {
    if (!Files.exists(Path.of(path))) {
      throw new UsageException(option + " " + path + " does not exist");
    }
    return path;
  }

  /** HOST:PORT, e.g. a session cluster's REST address. */
  static InetSocketAddress hostAndPort(String text) {
    int colon = text.lastIndexOf(':');
    try {
      if (colon > 0) {
        return InetSocketAddress.createUnresolved(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
      }
    } catch (IllegalArgumentException notAPort) {
      // reported below
    }
    throw new UsageException("'" + text + "' is not HOST:PORT (e.g. 127.0.0.1:8081)");
  }

  /**
   * Durations as Flink's own configuration reads them (500ms, 30s, 5min or 5m, 2h, 7d, or ISO-8601
   * such as PT1H); a bare number is milliseconds, as in Flink.
   */
  static Duration parseDuration(String text) {
    try {
      return TimeUtils.parseDuration(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("'" + text + "' is not a duration (e.g. 500ms, 30s, 5m, 2h, 7d, PT1H)");
    }
  }

  /** A non-negative duration option, as {@link #parseDuration} reads it. */
  private static Arg<Duration> duration(Arguments cli, String name, String help, String defaultValue) {
    return cli.value(name, "DURATION", help, defaultValue, text -> {
      Duration d = parseDuration(text);
      if (d.isNegative()) {
        throw new UsageException("must not be negative");
      }
      return d;
    });
  }
}
