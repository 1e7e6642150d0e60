package org.chengxin.jobs.dissatisfaction;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.schema.DissatisfactionTables;
import org.chengxin.core.schema.EventTables;
import org.chengxin.graph.blocks.Checkpoints;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.JobRun;
import org.chengxin.jobs.frame.SparkJob;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.stats.CategoryPriors;
import org.chengxin.stats.PriorFit;
import org.chengxin.stats.ReportingDelay;

/**
 * {@code dissatisfaction} and {@code dissatisfaction_trend} for one day (docs/dissatisfaction.md):
 * reads the trailing 90 days of trades and complaints, counts per scope and window with built-ins,
 * fits the sellers' priors from a histogram, and computes every row's statistics on the executors.
 */
public final class DissatisfactionJob implements SparkJob<DissatisfactionJob.Options> {

  public static final String NAME = "dissatisfaction";

  /**
   * @param trendMaturityDays newest trade days left out of the trend fit, because their complaints
   *     are still to come
   */
  public record Options(JobOptions job, int trendMaturityDays) {
    public static final int DEFAULT_TREND_MATURITY_DAYS = 14;
    /** The trend needs at least 3 days out of the 90. */
    public static final int MAX_TREND_MATURITY_DAYS = Windows.LONGEST - 3;

    public Options {
      Objects.requireNonNull(job, "job");
      if (trendMaturityDays < 0 || trendMaturityDays > MAX_TREND_MATURITY_DAYS) {
        throw new IllegalArgumentException(
            "trend maturity must be 0 to " + MAX_TREND_MATURITY_DAYS + " days: " + trendMaturityDays);
      }
    }

    public static Options of(JobOptions job) {
      return new Options(job, DEFAULT_TREND_MATURITY_DAYS);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "upheld complaints per trade vs the 1e-5 target, per platform/category/seller and window";
  }

  @Override
  public Function<JobOptions, Options> declareOptions(Arguments cli) {
    Arg<Long> maturity = cli.whole("trend-maturity-days", "N", NAME + ": newest trade days left out of the trend",
        Options.DEFAULT_TREND_MATURITY_DAYS, 0, Options.MAX_TREND_MATURITY_DAYS);
    return job -> new Options(job, maturity.value().intValue());
  }

  @Override
  public JobResult run(SparkSession spark, Options options) {
    return JobRun.execute(spark, NAME, options.job(), run -> measure(run, options));
  }

  private static void measure(JobRun run, Options options) {
    LocalDate day = run.day();
    LocalDate from = Windows.start(day, Windows.LONGEST);
    Dataset<Row> trades = run.read(EventTables.TRADES, from, day);
    Dataset<Row> complaints = run.read(EventTables.COMPLAINTS, from, day);
    // Small (one row per flagged seller) and read twice: computed once.
    Dataset<Row> flagged = Checkpoints.of(FlaggedSellers.read(run));
    Dataset<Row> daily = DissatisfactionCounts.daily(trades, complaints, flagged)
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<Row> delays = DissatisfactionCounts.complaintDelays(trades, complaints, day).collectAsList();
    ReportingDelay delay = DissatisfactionCounts.reportingDelay(delays);
    run.note("reporting_delay", describe(delay));
    Dataset<Row> scopeWindows =
        DissatisfactionCounts.withFlagKinds(DissatisfactionCounts.scopeWindows(daily, day, delay), flagged)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      run.stage("count per seller, category and day", daily::count);
      List<Row> cells = SellerPriors.cells(scopeWindows).collectAsList();
      run.stage("histogram cells for the prior fit", () -> cells.size());
      Optional<CategoryPriors> priors = SellerPriors.fit(cells);
      notePriors(run, priors);
      Dataset<Row> table = scopeWindows.mapPartitions(new ScopeStatistics(priors.orElse(null)),
          Encoders.row(SparkSchemas.of(DissatisfactionTables.DISSATISFACTION)));
      run.write(DissatisfactionTables.DISSATISFACTION, table);

      List<Row> days = Trends.categoryDays(daily, day, options.trendMaturityDays()).collectAsList();
      List<Row> trend = Trends.fit(days, day, options.trendMaturityDays());
      run.write(DissatisfactionTables.DISSATISFACTION_TREND,
          run.spark().createDataFrame(trend, SparkSchemas.of(DissatisfactionTables.DISSATISFACTION_TREND)));
    } finally {
      scopeWindows.unpersist();
      daily.unpersist();
    }
  }

  /** The fitted priors go into the run summary, so a strange shrinkage can be traced to its fit. */
  private static void notePriors(JobRun run, Optional<CategoryPriors> priors) {
    if (priors.isEmpty()) {
      run.note("prior_platform", "none (no seller had a trade)");
      return;
    }
    run.note("prior_platform", describe(priors.get().platform()));
    priors.get().categories().forEach((category, fit) -> run.note("prior_" + category, describe(fit)));
    for (String kind : FlaggedSellers.KINDS) {
      PriorFit fit = priors.get().flagged().get(kind);
      run.note("prior_flagged_" + kind, fit == null ? "the platform prior (no such flagged seller with an upheld complaint)" : describe(fit));
    }
  }

  /** The share of complaints in by age, for the newest days (older ones count in full). */
  private static String describe(ReportingDelay delay) {
    StringBuilder text = new StringBuilder("complaints filed by age 0..").append(delay.longestDelayDays()).append(" days:");
    for (int age = 0; age <= delay.longestDelayDays(); age++) {
      text.append(String.format(" %.3f", delay.reportedShare(age)));
    }
    return text.toString();
  }

  private static String describe(PriorFit fit) {
    return String.format("a=%.4g b=%.4g mean=%.3g sellers=%d upheld=%d iterations=%d converged=%s at_bound=%s",
        fit.prior().alpha(), fit.prior().beta(), fit.prior().mean(), fit.sellers(), fit.upheld(), fit.iterations(),
        fit.converged(), fit.atBound());
  }
}
