package org.chengxin.cli.bench;

import java.util.List;
import org.chengxin.cli.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chengxin bench-dissatisfaction}: the dissatisfaction job at two or more sizes. */
@Command(name = "bench-dissatisfaction", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {
        "Benchmark of the dissatisfaction job. For each size (total trades): generates a synthetic marketplace over "
            + "D days (generate), ingests every day (ingest), then times the dissatisfaction job on the last day "
            + "(run-job dissatisfaction), which reads the trailing 90 days of trades and complaints.",
        "Prints per size: the job's seconds (from the run summary), the wall time with JVM start, rows read, rows "
            + "written and rows/s; then the time ratio between the sizes. A size's warehouse is reused when it "
            + "exists (the same layout as bench-nightly, so both can share --work)."})
final class BenchDissatisfaction extends MarketJobBenchmark {
  @Mixin private History history;

  BenchDissatisfaction(Launcher launcher) {
    super(launcher, History.SHARED_WORK, "[bench]", "dissatisfaction", List.of(), BenchDissatisfaction::line);
  }

  @Override
  Market market(long trades) {
    return history.market(this, trades);
  }

  /** {@code N trades: dissatisfaction S s (wall with JVM start W s), R rows read, O rows written, X rows/s}. */
  static String line(long trades, RunSummary.Job job, double wallSeconds) {
    return Results.format("%d trades: dissatisfaction %.1f s (wall with JVM start %.1f s), %d rows read, %d rows written, %s rows/s",
        trades, job.seconds(), wallSeconds, job.rowsIn(), job.rowsOut(), Results.perSecond(job.rowsIn(), job.seconds()));
  }
}
