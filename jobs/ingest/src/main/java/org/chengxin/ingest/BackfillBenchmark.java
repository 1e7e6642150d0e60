package org.chengxin.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;

/**
 * Runs one bounded ingest of an imported history (a backfill from its first day to its last, or a
 * one-day run when both are the same day) and prints its lines per second, wall clock and per
 * CPU-second, and the JVM's peak resident memory. scripts/bench-ingest --backfill-days drives it,
 * one JVM per run so that each peak is that run's own.
 */
public final class BackfillBenchmark {
  private BackfillBenchmark() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("BackfillBenchmark", "Times a bounded multi-day backfill ingest, with its peak RSS.");
      Arg<String> input = cli.requiredText("input", "DIR", "raw JSON Lines, one folder per day (scripts/import-ratings)");
      Arg<String> warehouse = cli.requiredText("warehouse", "DIR", "scratch warehouse the job writes");
      Arg<LocalDate> first = cli.date("from-date", "the history's first day");
      Arg<LocalDate> last = cli.date("date", "its last day");
      Arg<Long> parallelism = IngestOptions.declareParallelism(cli, "job parallelism");
      Arg<String> keyFile = cli.requiredText("pseudonym-key-file", "FILE", "pseudonymisation key (imported data is not the generator's)");
      if (!cli.parse(args)) {
        return;
      }
      IngestOptions options = IngestOptions.parse(new String[] {"--input", input.value(),
          "--warehouse", warehouse.value(), "--from-date", first.value().toString(), "--date", last.value().toString(),
          "--parallelism", parallelism.value().toString(), "--pseudonym-key-file", keyFile.value()}).orElseThrow();
      long started = System.nanoTime();
      long cpuBefore = IngestBenchmark.processCpuNanos();
      ObjectNode summary = new IngestJob(options).runBounded();
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = (IngestBenchmark.processCpuNanos() - cpuBefore) / 1e9;
      long read = summary.path("totals").path("read").asLong();
      System.out.printf("lines=%d days=%d  backfill=%.0f lines/s (%.1f s with commits, parallelism %d)"
              + "  cpu=%.0f lines/cpu-s  peak_rss=%s%n",
          read, ChronoUnit.DAYS.between(first.value(), last.value()) + 1, read / seconds, seconds, options.parallelism(),
          read / cpuSeconds, peakResidentMegabytes());
      // As IngestJob.main: the engine may leave a source thread behind once the run is committed.
      System.exit(0);
    });
  }

  /** The JVM's peak resident set (Linux VmHWM), or "n/a" where /proc is not there. */
  private static String peakResidentMegabytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "n/a";
    }
    return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 + " MB").findFirst().orElse("n/a");
  }
}
