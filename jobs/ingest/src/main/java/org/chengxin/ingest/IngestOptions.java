package org.chengxin.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chengxin.core.cli.CommandLine;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.validation.EventValidator;

/**
 * The ingest job's options, with defaults, help text and validation.
 *
 * @param inputs folders (or files) of raw JSON Lines, read recursively; hidden and {@code _} files skipped
 * @param warehouse the warehouse root
 * @param date the bounded run's day; in continuous mode optional (it anchors the trade look-back)
 * @param fromDate bounded backfill: the first day of the run, which then owns every day from
 *     fromDate to date and commits one partition per day; null for a one-day run
 * @param mode bounded (one day, atomic partition swap) or continuous (monitor the inputs, checkpoints)
 * @param checkpointDir where continuous checkpoints go
 * @param checkpointInterval continuous checkpoint interval: also how often output files commit
 * @param allowedLateness continuous: events older than watermark minus this go to late_events
 * @param maxOutOfOrderness continuous: watermark delay, and how long a rating waits for its trade
 * @param dedupeRetention continuous: how long event ids and trade ids are remembered
 * @param lookbackDays days of earlier trades partitions that make a trade id known
 * @param monitorInterval continuous: how often the inputs are scanned for new files
 * @param pseudonymKeyFile file holding the pseudonymisation key, else env or development key
 * @param parallelism operator parallelism
 * @param maxLineBytes longer lines are rejected
 * @param restoreFrom continuous: a retained checkpoint or savepoint to resume from
 * @param acceptNewPseudonymKey bounded: run even when the key differs from the one the warehouse's
 *     latest other day was ingested with (a deliberate key rotation)
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
    boolean acceptNewPseudonymKey) {

  /** How the job runs. */
  public enum Mode {
    BOUNDED,
    CONTINUOUS
  }

  private static final String USAGE =
      "scripts/ingest --input DIR [--input DIR ...] --warehouse DIR --date YYYY-MM-DD [options]";

  public IngestOptions {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new UsageException("--input is required (see --help)");
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
  }

  public boolean continuous() {
    return mode == Mode.CONTINUOUS;
  }

  /** The first day a bounded run owns: fromDate for a backfill, else date. */
  public LocalDate firstDay() {
    return fromDate != null ? fromDate : date;
  }

  static int defaultParallelism() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Parses the command line; empty when help was printed. */
  public static Optional<IngestOptions> parse(String[] args) {
    CommandLine cli = new CommandLine(USAGE)
        .option("input", "DIR", "raw JSON Lines folder (or file), read recursively; repeat or comma-separate")
        .option("warehouse", "DIR", "warehouse root (tables at DIR/TABLE/ds=YYYY-MM-DD/)")
        .option("date", "YYYY-MM-DD", "bounded: the day this run owns; continuous: anchors the trade look-back")
        .option("from-date", "YYYY-MM-DD", "bounded backfill: own every day from this one to --date, one partition each")
        .option("mode", "bounded|continuous", "bounded (default): one day, swapped in atomically; continuous: monitor inputs")
        .option("checkpoint-dir", "DIR", "continuous: checkpoint storage (default WAREHOUSE/_checkpoints/ingest)")
        .option("checkpoint-interval", "DURATION", "continuous: checkpoint and file-commit interval (default 30s)")
        .option("allowed-lateness", "DURATION", "continuous: lateness tolerated behind the watermark (default 1h)")
        .option("max-out-of-orderness", "DURATION", "continuous: watermark delay and trade wait (default 5m)")
        .option("dedupe-retention", "DURATION", "continuous: how long event and trade ids are remembered (default 7d)")
        .option("lookback-days", "N", "days of earlier trades partitions that make a trade known (default 30)")
        .option("monitor-interval", "DURATION", "continuous: how often inputs are scanned for new files (default 10s)")
        .option("pseudonym-key-file", "FILE", "pseudonymisation key (else $CHENGXIN_PSEUDONYM_KEY, else the dev key)")
        .option("parallelism", "N", "operator parallelism (default: number of cores)")
        .option("max-line-bytes", "N", "longer lines are rejected as line_too_long (default 65536)")
        .option("restore-from", "PATH", "continuous: resume from this retained checkpoint or savepoint")
        .flag("accept-new-pseudonym-key", "bounded: run even if the key differs from the warehouse's earlier days' "
            + "(a deliberate rotation; keys stop linking across it)");
    if (!cli.parse(args)) {
      return Optional.empty();
    }
    List<String> inputs = new ArrayList<>();
    for (String given : cli.all("input")) {
      for (String part : given.split(",")) {
        if (!part.isBlank()) {
          inputs.add(existing(part.strip(), "--input"));
        }
      }
    }
    String warehouse = cli.required("warehouse");
    Mode mode = mode(cli.get("mode").orElse("bounded"));
    LocalDate date = cli.isSet("date") ? cli.date("date") : null;
    Optional<String> keyFile = cli.get("pseudonym-key-file");
    return Optional.of(new IngestOptions(
        inputs,
        warehouse,
        date,
        cli.isSet("from-date") ? cli.date("from-date") : null,
        mode,
        cli.get("checkpoint-dir").orElse(warehouse + "/_checkpoints/ingest"),
        duration(cli, "checkpoint-interval", Duration.ofSeconds(30)),
        duration(cli, "allowed-lateness", Duration.ofHours(1)),
        duration(cli, "max-out-of-orderness", Duration.ofMinutes(5)),
        duration(cli, "dedupe-retention", Duration.ofDays(7)),
        (int) cli.longValue("lookback-days", 30, 0, 3650),
        duration(cli, "monitor-interval", Duration.ofSeconds(10)),
        keyFile.map(f -> Path.of(existing(f, "--pseudonym-key-file"))).orElse(null),
        (int) cli.longValue("parallelism", defaultParallelism(), 1, 1024),
        (int) cli.longValue("max-line-bytes", EventValidator.DEFAULT_MAX_LINE_BYTES, 256, 64L * 1024 * 1024),
        cli.get("restore-from").orElse(null),
        cli.isSet("accept-new-pseudonym-key")));
  }

  private static Mode mode(String text) {
    try {
      return Mode.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--mode must be bounded or continuous, got '" + text + "'");
    }
  }

  private static String existing(String path, String option) {
    if (!Files.exists(Path.of(path))) {
      throw new UsageException(option + " " + path + " does not exist");
    }
    return path;
  }

  /** Durations as 500ms, 30s, 5m, 2h, 7d, or ISO-8601 (PT1H). */
  static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new NumberFormatException(t);
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new UsageException("'" + text + "' is not a duration (e.g. 500ms, 30s, 5m, 2h, 7d, PT1H)");
    }
  }

  private static Duration duration(CommandLine cli, String name, Duration defaultValue) {
    Duration d = cli.get(name).map(IngestOptions::parseDuration).orElse(defaultValue);
    if (d.isNegative()) {
      throw new UsageException("--" + name + " must not be negative");
    }
    return d;
  }
}
