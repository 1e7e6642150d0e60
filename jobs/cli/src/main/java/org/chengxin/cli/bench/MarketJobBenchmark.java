package org.chengxin.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.chengxin.cli.Launcher;
import picocli.CommandLine.Mixin;

/**
 * A job timed on generated markets, the shape of bench-nightly, bench-dissatisfaction and bench-rings:
 * for each size a market in {@code WORK/N} (generated and ingested day by day, or reused when its
 * warehouse holds what the job reads), the job timed on its last day, one line; then the time ratio
 * of the last size to the first.
 */
abstract class MarketJobBenchmark extends Benchmark {
  @Mixin private Sizes sizes;

  @Mixin private WorkFolder work;

  private final String tag;
  private final String job;
  private final List<String> jobArguments;
  private final JobLine line;

  /** A size's line from the job's entry in the run summary. */
  interface JobLine {
    String format(long trades, RunSummary.Job job, double wallSeconds);
  }

  /**
   * @param defaultWork the default {@code --work}
   * @param job the job run-job times ({@code all} for every job)
   * @param line the size's line, for one job (else {@link #measured} says)
   */
  MarketJobBenchmark(Launcher launcher, String defaultWork, String tag, String job, List<String> jobArguments, JobLine line) {
    super(launcher);
    this.work = new WorkFolder(defaultWork);
    this.tag = tag;
    this.job = job;
    this.jobArguments = jobArguments;
    this.line = line;
  }

  /** The market of {@code trades} trades (the command's days and seed, its options checked). */
  abstract Market market(long trades);

  /** What the warehouse holds once the market is ingested, so a later run reuses it: the last day's trades. */
  String ready(Market market) {
    return "trades/ds=" + market.lastDay();
  }

  /** The size's line and the seconds compared, from the job's run: its line, its own seconds. */
  Results.Measured measured(long trades, JobTiming timing) {
    RunSummary.Job entry = timing.summary().job(job);
    return new Results.Measured(line.format(trades, entry, timing.wallSeconds()), entry.seconds());
  }

  @Override
  final void run(Steps steps, PrintStream out) throws IOException {
    Results.eachSize(sizes.values(), out, n -> {
      Market market = market(n);
      return measured(n, market.timeJob(steps, work.of(n), ready(market), tag, job, jobArguments));
    });
  }
}
