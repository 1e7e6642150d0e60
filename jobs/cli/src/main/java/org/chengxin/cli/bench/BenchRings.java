package org.chengxin.cli.bench;

import java.util.List;
import java.util.OptionalLong;
import org.chengxin.cli.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chengxin bench-rings}: the rings job at two or more sizes. */
@Command(name = "bench-rings", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {
        "Benchmark of the rings job. For each size (total trades): generates a synthetic marketplace over D days "
            + "with the default fraud mix (rings with camouflage and hijacked accounts; generate), ingests every day "
            + "(ingest), then times the rings job on the last day (run-job rings, default 30-day history).",
        "Prints per size: the job's seconds (run summary), the wall time with JVM start, trades read, rings and "
            + "ring accounts found; then the time ratio between the last and first size. A size's warehouse is "
            + "reused when WORK/N/warehouse already holds the last day's trades."})
final class BenchRings extends MarketJobBenchmark {
  @Option(names = "--days", paramLabel = "D", defaultValue = "1",
      description = "days generated and ingested, 1-30 (default: ${DEFAULT-VALUE})")
  private int days;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "3", converter = Counts.Seed.class,
      description = "generator seed (default: ${DEFAULT-VALUE})")
  private long seed;

  BenchRings(Launcher launcher) {
    super(launcher, "/tmp/chengxin-bench-rings", "[bench-rings]", "rings", List.of(), BenchRings::line);
  }

  @Override
  Market market(long trades) {
    return new Market(trades, within("--days", days, 1, 30), OptionalLong.of(seed));
  }

  /** {@code N trades: rings S s (wall with JVM start W s), T trades read, R rings, B buyers, S sellers}. */
  static String line(long trades, RunSummary.Job job, double wallSeconds) {
    return Results.format("%d trades: rings %.1f s (wall with JVM start %.1f s), %s trades read, %s rings, %s buyers, %s sellers",
        trades, job.seconds(), wallSeconds, job.text("inputs", "trades"), job.text("rings_found"),
        job.text("ring_buyers"), job.text("ring_sellers"));
  }
}
