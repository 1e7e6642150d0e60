package org.chengxin.jobs.scores;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.core.schema.RingTables;
import org.chengxin.core.schema.ScoreTables;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.JobRun;
import org.chengxin.jobs.frame.SparkJob;
import org.chengxin.jobs.rings.RingPairs;
import org.chengxin.scores.credit.CreditRules;

/**
 * seller_scores for one day (docs/seller-scores.md). The daily run folds the day's ratings and
 * rating revisions into yesterday's credit state; a recompute folds all history from nothing and rewrites the ledger.
 * Both give the same tables.
 */
public final class SellerScoresJob implements SparkJob<SellerScoresJob.Options> {

  public static final String NAME = "seller_scores";

  /** How the credit state is obtained. */
  public enum Mode {
    /** Yesterday's state plus today's ratings; fails when yesterday's state is missing. */
    INCREMENTAL,
    /** All ratings history from empty state; rewrites every day of credit_ledger. */
    RECOMPUTE,
    /** Incremental when yesterday's state exists, else recompute. */
    AUTO
  }

  /**
   * @param tradeLookbackDays how many days before a rating's day its trade may have been created
   *     (and ingested) to count; older trades' ratings are unmatched
   */
  public record Options(JobOptions job, Mode mode, int tradeLookbackDays) {
    public static final int DEFAULT_TRADE_LOOKBACK_DAYS = 90;

    public Options {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(mode, "mode");
      if (tradeLookbackDays < 16 || tradeLookbackDays > 3660) {
        // Below 16 days a trade could still take ratings after it dropped out of reach.
        throw new IllegalArgumentException("trade look-back must be 16 to 3660 days: " + tradeLookbackDays);
      }
    }

    public static Options of(JobOptions job, Mode mode) {
      return new Options(job, mode, DEFAULT_TRADE_LOOKBACK_DAYS);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "credit, levels, DSR and robust reputation per seller (seller_scores)";
  }

  @Override
  public Function<JobOptions, Options> declareOptions(Arguments cli) {
    Arg<Mode> mode = cli.choice("mode", NAME + ": how to get the credit state", Mode.AUTO);
    Arg<Long> lookback = cli.whole("trade-lookback-days", "N", NAME + ": how long before a rating its trade may be "
        + "created", Options.DEFAULT_TRADE_LOOKBACK_DAYS, 16, 3660);
    return job -> new Options(job, mode.value(), lookback.value().intValue());
  }

  @Override
  public JobResult run(SparkSession spark, Options options) {
    return JobRun.execute(spark, NAME, options.job(), run -> score(run, options));
  }

  private static void score(JobRun run, Options options) {
    LocalDate day = run.day();
    LocalDate yesterday = day.minusDays(1);
    boolean haveYesterday =
        run.warehouse().days(ScoreTables.CREDIT_MONTH_STATE).contains(yesterday)
            && run.warehouse().days(ScoreTables.CREDIT_ITEM_WINDOWS).contains(yesterday);
    Mode mode = options.mode() == Mode.AUTO ? (haveYesterday ? Mode.INCREMENTAL : Mode.RECOMPUTE) : options.mode();
    if (mode == Mode.INCREMENTAL && !haveYesterday) {
      throw new IllegalStateException("no credit state for " + yesterday + ": run that day first, or use --mode recompute");
    }
    run.note("mode", mode.name().toLowerCase(Locale.ROOT));
    boolean incremental = mode == Mode.INCREMENTAL;

    Dataset<Row> ratings = run.read(EventTables.RATINGS, incremental ? day : null, day);
    Dataset<Row> trades = run.read(EventTables.TRADES, incremental ? day.minusDays(options.tradeLookbackDays()) : null, day);
    Dataset<Row> months = incremental
        ? run.read(ScoreTables.CREDIT_MONTH_STATE, yesterday, yesterday)
        : run.warehouse().empty(ScoreTables.CREDIT_MONTH_STATE);
    Dataset<Row> windows = incremental
        ? run.read(ScoreTables.CREDIT_ITEM_WINDOWS, yesterday, yesterday)
        : run.warehouse().empty(ScoreTables.CREDIT_ITEM_WINDOWS);
    Dataset<Row> revisions = run.read(EventTables.RATING_REVISIONS, incremental ? day : null, day);
    // A revision reaches back to ratings of the last REVISION_REACH_DAYS days, found in their ledger rows.
    Dataset<Row> earlierLedger = incremental
        ? run.read(ScoreTables.CREDIT_LEDGER, day.minusDays(CreditRules.REVISION_REACH_DAYS), yesterday)
        : run.warehouse().empty(ScoreTables.CREDIT_LEDGER);
    CreditFold fold =
        CreditFold.run(ratings, trades, revisions, earlierLedger, months, windows, options.tradeLookbackDays(), day);
    try {
      Dataset<Row> ledger;
      if (incremental) {
        run.write(ScoreTables.CREDIT_LEDGER, fold.ledger());
        ledger = run.read(ScoreTables.CREDIT_LEDGER, null, day);
      } else {
        run.writeDays(ScoreTables.CREDIT_LEDGER, fold.ledger());
        ledger = fold.ledger();
      }
      run.write(ScoreTables.CREDIT_MONTH_STATE, fold.monthState());
      run.write(ScoreTables.CREDIT_ITEM_WINDOWS, fold.windowState());
      Optional<Dataset<Row>> flags = run.readLatest(RatingTables.RATING_FLAGS);
      Optional<Dataset<Row>> raters = run.readLatest(RatingTables.RATER_SCORES);
      Optional<Dataset<Row>> ringPairs = run.readLatest(RingTables.RING_MEMBERS).map(RingPairs::sameRing);
      run.write(ScoreTables.SELLER_SCORES, SellerScores.compute(ledger, flags, raters, ringPairs, day));
    } finally {
      fold.release();
    }
  }
}
