package org.chengxin.cli.bench;

import java.util.List;
import org.chengxin.cli.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chengxin bench-nightly}: the nightly Spark part at two or more sizes. */
@Command(name = "bench-nightly", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {
        "Benchmark of the nightly Spark part. For each size (total trades): generates a synthetic marketplace over "
            + "D days (generate), ingests every day (ingest), then times the Spark jobs of the last day with a full "
            + "recompute from all history (run-job all --mode recompute), the heaviest nightly run.",
        "Prints per size: Spark seconds (the run summary's jobs), the wall time with JVM start, rows read, rows/s; "
            + "then the time ratio between sizes. A size's warehouse is reused when it exists (the layout of "
            + "bench-dissatisfaction, so both can share --work)."})
final class BenchNightly extends MarketJobBenchmark {
  @Mixin private History history;

  BenchNightly(Launcher launcher) {
    super(launcher, History.SHARED_WORK, "[bench]", "all", List.of("--mode", "recompute"), null);
  }

  @Override
  Market market(long trades) {
    return history.market(this, trades);
  }

  /** The market is ingested once its ratings are (the Spark jobs read every event table). */
  @Override
  String ready(Market market) {
    return "ratings";
  }

  @Override
  Results.Measured measured(long trades, JobTiming timing) {
    List<RunSummary.Job> jobs = timing.summary().sparkJobs();
    return new Results.Measured(line(trades, jobs, timing.wallSeconds()), seconds(jobs));
  }

  private static double seconds(List<RunSummary.Job> sparkJobs) {
    return sparkJobs.stream().mapToDouble(RunSummary.Job::seconds).sum();
  }

  /** {@code N trades: Spark S s (wall with JVM start W s), R rows read, X rows/s} over the night's Spark jobs. */
  static String line(long trades, List<RunSummary.Job> sparkJobs, double wallSeconds) {
    long rows = sparkJobs.stream().mapToLong(RunSummary.Job::rowsIn).sum();
    return Results.format("%d trades: Spark %.1f s (wall with JVM start %.1f s), %d rows read, %s rows/s",
        trades, seconds(sparkJobs), wallSeconds, rows, Results.perSecond(rows, seconds(sparkJobs)));
  }
}
