package org.chengxin.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.chengxin.cli.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chengxin bench-ingest}: ingest throughput at two or more sizes, or of backfills over day spans. */
@Command(name = "bench-ingest", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {
        "Ingest throughput. For each size: generates one day of events (generate --days 1 --seed 7), runs the "
            + "bounded ingest job on it (ingest-benchmark) and prints events/s beside the single-core rates of plain "
            + "Jackson (the parsing ceiling) and of the validator alone on the same lines, and two engine floors "
            + "(Flink reading the lines alone, and reading plus one keyed BATCH exchange); then deletes the data. "
            + "One line a size: trades=N events=... .",
        "With --backfill-days it measures multi-day (backfill) ingest instead: for each --backfill-lines count and "
            + "each day span, that many generated ratings spread over the days from 2010-01-01, imported "
            + "(import-ratings) and ingested from the first day to the last in one bounded run (backfill-benchmark): "
            + "lines/s and peak RSS, and the process's wall time.",
        "The generator's heap is --generator-heap; the ingest's is --heap, else $CHENGXIN_HEAP, else 6g."})
final class BenchIngest extends Benchmark {
  static final String DAY = "2026-11-01";

  /** 2010-01-01T00:00:00Z, the first day of a generated backfill. */
  static final long BACKFILL_START = 1_262_304_000L;

  @Mixin private Sizes sizes;

  @Option(names = "--backfill-days", split = ",", paramLabel = "D", converter = Counts.Positive.class,
      description = "backfill mode: spread the ratings over D days (1 = a one-day run of the same lines)")
  private List<Long> backfillDays;

  @Option(names = "--backfill-lines", split = ",", paramLabel = "N", converter = Counts.Positive.class,
      defaultValue = "400000",
      description = "backfill mode: ratings per run; every count runs at every day span (default: ${DEFAULT-VALUE})")
  private List<Long> backfillLines;

  @Option(names = "--parallelism", paramLabel = "N", description = "ingest parallelism, 1-1024 (default: the number of cores)")
  private int parallelism = Runtime.getRuntime().availableProcessors();

  @Option(names = "--work", paramLabel = "DIR",
      description = "scratch folder (default: a fresh temporary folder); its data is deleted after each size")
  private Path work;

  @Option(names = "--generator-heap", paramLabel = "SIZE", defaultValue = "${env:CHENGXIN_GENERATOR_HEAP:-1g}",
      description = "JVM heap of the generator (default: $CHENGXIN_GENERATOR_HEAP, else 1g; now ${DEFAULT-VALUE})")
  private String generatorHeap;

  BenchIngest(Launcher launcher) {
    super(launcher);
  }

  @Override
  void run(Steps steps, PrintStream out) throws IOException {
    within("--parallelism", parallelism, 1, 1024);
    boolean temporary = work == null;
    Path folder = temporary ? Files.createTempDirectory("chengxin-bench-ingest.") : work;
    Files.createDirectories(folder);
    try {
      if (backfillDays != null) {
        for (long lines : backfillLines) {
          for (long days : backfillDays) {
            cleanup(folder);
            out.println(backfill(steps, folder, lines, days));
          }
        }
      } else {
        for (long size : sizes.values()) {
          cleanup(folder);
          out.println(oneDay(steps, folder, size));
        }
      }
    } finally {
      cleanup(folder);
      if (temporary) {
        Folders.delete(folder);
      }
    }
  }

  /** One generated day of {@code size} trades through the bounded ingest: {@code trades=N events=...}. */
  private String oneDay(Steps steps, Path folder, long size) {
    Path market = folder.resolve("market");
    progress("== %d trades: generating", size);
    steps.withHeap(generatorHeap).run("generate", List.of("--out", market.toString(), "--trades", Long.toString(size),
        "--days", "1", "--start-date", DAY, "--seed", "7"));
    progress("== %d trades: ingesting", size);
    String output = steps.output("ingest-benchmark", List.of("--input", market.resolve("events").resolve(DAY).toString(),
        "--warehouse", folder.resolve("warehouse").toString(), "--date", DAY, "--parallelism", Integer.toString(parallelism)));
    return "trades=" + size + " " + Steps.line(output, "events=", "ingest-benchmark");
  }

  /** {@code lines} generated ratings over {@code days} days, imported and ingested in one bounded run. */
  private String backfill(Steps steps, Path folder, long lines, long days) throws IOException {
    progress("== %d ratings over %d days: generating and importing", lines, days);
    Path csv = folder.resolve("ratings.csv");
    writeRatings(csv, lines, days);
    Path imported = folder.resolve("imported");
    ImportedRatings.Days range = ImportedRatings.Days.of(steps.output("import-ratings", ImportedRatings.arguments(csv, imported)));
    progress("== %d ratings over %d days: ingesting %s..%s", lines, days, range.first(), range.last());
    Steps.Timed run = steps.timed("backfill-benchmark", List.of("--input", imported.resolve("events").toString(),
        "--warehouse", folder.resolve("warehouse").toString(), "--from-date", range.first().toString(),
        "--date", range.last().toString(), "--parallelism", Integer.toString(parallelism),
        "--pseudonym-key-file", ImportedRatings.throwawayKey(folder).toString()), true, false);
    return backfillLine(Steps.line(run.output(), "lines=", "backfill-benchmark"), run.wallSeconds());
  }

  /** The backfill benchmark's line with the whole process's wall time after it. */
  static String backfillLine(String result, double processWallSeconds) {
    return result + "  process_wall=" + (long) (processWallSeconds * 1000) + " ms (JVM start included)";
  }

  /**
   * A rating history of {@code lines} ratings: rater (one of lines/5), ratee (one of lines/20, apart from
   * the raters), score -10..10 without 0, unix seconds spread evenly over {@code days} days from
   * 2010-01-01 (a random time within each rating's day); seed 7, so the same arguments give the same file.
   */
  static void writeRatings(Path csv, long lines, long days) throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    try (BufferedWriter out = Files.newBufferedWriter(csv)) {
      for (long i = 0; i < lines; i++) {
        int score = random.nextInt(20) - 10;
        if (score >= 0) {
          score++;
        }
        long rater = (long) (random.nextDouble() * lines / 5) + 1;
        long ratee = lines + (long) (random.nextDouble() * lines / 20) + 1;
        long time = BACKFILL_START + i * days / lines * 86_400 + random.nextInt(86_400);
        out.write(rater + "," + ratee + "," + score + "," + time + "\n");
      }
    }
  }

  private static void cleanup(Path folder) throws IOException {
    for (String name : List.of("market", "warehouse", "ratings.csv", "imported")) {
      Folders.delete(folder.resolve(name));
    }
  }
}
