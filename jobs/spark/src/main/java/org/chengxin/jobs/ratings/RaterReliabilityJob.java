package org.chengxin.jobs.ratings;

import java.time.LocalDate;
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
import org.chengxin.detectors.ratings.CompetitorAttackPattern;
import org.chengxin.detectors.ratings.ExtortionPattern;
import org.chengxin.detectors.ratings.PaidOffExtortionPattern;
import org.chengxin.detectors.ratings.RaterReliabilityOptions;
import org.chengxin.detectors.ratings.RaterScoringOptions;
import org.chengxin.detectors.ratings.RevisionBurstPattern;
import org.chengxin.detectors.ratings.SerialNegativePattern;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.JobRun;
import org.chengxin.jobs.frame.SparkJob;

/**
 * rater_reliability for one day (docs/rater-reliability.md): over every rating up to the day (the
 * whole history, or the last {@code --rating-history-days}), the REV2-style fixed point (warm-started from the latest earlier
 * {@code account_reliability}), the account signals and the malicious-rating patterns (with the
 * revision patterns when the warehouse has {@code rating_revisions}), written as
 * full snapshots of {@code rating_flags}, {@code rater_scores} and {@code account_reliability}.
 * Runs before seller_scores, which discounts what it flags.
 */
public final class RaterReliabilityJob implements SparkJob<RaterReliabilityJob.Options> {

  public static final String NAME = "rater_reliability";

  /**
   * @param ratingsPerBlock the fixed point's block size; 0 chooses it from the executors' memory
   *     ({@link ReliabilityBlocks#defaultRatingsPerBlock})
   * @param warmStart start the fixed point from the latest account_reliability before the day
   * @param historyDays days of ratings, complaints and trades read, the run day included; 0 for
   *     the whole history
   */
  public record Options(JobOptions job, RatingDetectionOptions detection, long ratingsPerBlock, boolean warmStart,
      int historyDays) {
    public Options {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(detection, "detection");
      if (ratingsPerBlock < 0) {
        throw new IllegalArgumentException("ratingsPerBlock must be >= 0 (0 = from memory), got " + ratingsPerBlock);
      }
      if (historyDays < 0) {
        throw new IllegalArgumentException("historyDays must be >= 0 (0 = all), got " + historyDays);
      }
    }

    /** Block size from memory, warm start, the whole history. */
    public static Options of(JobOptions job, RatingDetectionOptions detection) {
      return new Options(job, detection, 0, true, 0);
    }

    /** The first day read, or null for the whole history. */
    LocalDate firstDay() {
      return historyDays == 0 ? null : job.date().minusDays(historyDays - 1L);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "rater fairness, suspicion and suspect ratings (rater_scores, rating_flags)";
  }

  @Override
  public Function<JobOptions, Options> declareOptions(Arguments cli) {
    RatingDetectionOptions d = RatingDetectionOptions.defaults();
    RaterScoringOptions s = d.scoring();
    Arg<Double> tolerance = cli.number("reliability-tolerance", "X",
        NAME + ": stop when no fairness/goodness/reliability moves this much", s.reliability().tolerance(), 1e-12, 1);
    Arg<Long> maxIterations = cli.whole("reliability-max-iterations", "N", NAME + ": iteration cap",
        s.reliability().maxIterations(), 1, 10_000);
    Arg<Long> ratingsPerBlock = cli.whole("reliability-ratings-per-block", "N", NAME + ": a rating graph of at most N "
        + "ratings runs every round in one task; a larger one is cut into blocks of N (default: a quarter of an "
        + "executor's heap)", 1, Integer.MAX_VALUE);
    Arg<String> start = cli.choice("reliability-start", NAME + ": warm starts from the latest account_reliability "
        + "before the day, cold from REV2's start values", "warm", "warm", "cold");
    Arg<Long> historyDays = cli.whole("rating-history-days", "D", NAME + ": read the last D days of ratings, "
        + "complaints and trades, the run day included (0: the whole history)", 0, 0, 36_500);
    Arg<Double> halfLife = cli.number("thin-history-half-life-days", "D",
        NAME + ": rating tenure at which thin_history is 1/2", s.thinHistoryHalfLifeDays(), 0.01, 36_500);
    Arg<Double> extortionWindow = cli.number("extortion-window-hours", "H",
        NAME + ": negatives this soon after a rejected complaint are extortion", s.extortion().windowHours(), 0.1, 24 * 365);
    Arg<Double> attackWindow = cli.number("attack-window-hours", "H", NAME + ": burst window of competitor attacks",
        s.attack().windowHours(), 0.1, 24 * 30);
    Arg<Long> attackMinRaters = cli.whole("attack-min-raters", "N", NAME + ": low-history raters a burst needs",
        s.attack().minRaters(), 2, 1_000);
    Arg<Double> attackSurprise = cli.number("attack-surprise", "P",
        NAME + ": Poisson tail a burst without shared keys must reach", s.attack().surprise(), 1e-12, 0.5);
    Arg<Long> keyMaxAccounts = cli.whole("key-max-accounts", "N",
        NAME + ": a device/IP/address key used by more accounts links nobody", d.keyMaxAccounts(), 2, 1_000_000);
    Arg<Long> serialMinRatees = cli.whole("serial-min-ratees", "N",
        NAME + ": accounts a serial negative rater has rated badly", d.serialNegative().minRatees(), 2, 1_000);
    Arg<Double> serialSurprise = cli.number("serial-surprise", "P", NAME + ": Poisson tail of a rater's negatives "
        + "against the market's share at which they are serial", d.serialNegative().surprise(), 1e-15, 0.5);
    Arg<Double> paidOffWindow = cli.number("paid-off-window-hours", "H", NAME + ": a revision this soon after the "
        + "compensation of the rater's complaint filed after its rating can be paid-off extortion",
        d.paidOffExtortion().windowHours(), 0.1, 24 * 30);
    Arg<Double> burstSurprise = cli.number("revision-burst-surprise", "P", NAME + ": Poisson tail of a seller's "
        + "revisions in a window, against its own revisable ratings, at which they are a bought burst",
        d.revisionBurst().surprise(), 1e-15, 0.5);
    return job -> {
      RaterReliabilityOptions reliability = s.reliability().withIterationLimits(tolerance.value(),
          maxIterations.value().intValue());
      CompetitorAttackPattern attack = new CompetitorAttackPattern(attackWindow.value(),
          attackMinRaters.value().intValue(), s.attack().maxPriorRatings(), attackSurprise.value());
      RaterScoringOptions scoring = new RaterScoringOptions(reliability, halfLife.value(),
          s.negativeSharePriorRatings(), s.skewPriorRatings(), new ExtortionPattern(extortionWindow.value()), attack,
          s.combiner());
      return new Options(job, new RatingDetectionOptions(scoring, keyMaxAccounts.value().intValue(), d.sharedKeyBoost(),
          new SerialNegativePattern(serialMinRatees.value().intValue(), serialSurprise.value()),
          new PaidOffExtortionPattern(paidOffWindow.value()),
          new RevisionBurstPattern(d.revisionBurst().maxWindowHours(), d.revisionBurst().minRevisions(), burstSurprise.value(),
              d.revisionBurst().minAgeSpreadHours())),
          ratingsPerBlock.optional().orElse(0L), start.value().equals("warm"), historyDays.value().intValue());
    };
  }

  @Override
  public JobResult run(SparkSession spark, Options options) {
    return JobRun.execute(spark, NAME, options.job(), run -> detect(run, options));
  }

  private static void detect(JobRun run, Options options) {
    Dataset<Row> ratings = run.readCached(EventTables.RATINGS, options.firstDay(), run.day(), RatingEdges.COLUMNS_READ);
    Dataset<Row> complaints = run.read(EventTables.COMPLAINTS, options.firstDay(), run.day());
    Dataset<Row> trades = run.read(EventTables.TRADES, options.firstDay(), run.day());
    Optional<Dataset<Row>> ringMembers = run.readLatest(RingTables.RING_MEMBERS);
    // Warehouses without revisions have no rating_revisions table: then nothing about revisions runs.
    Optional<Dataset<Row>> revisions = run.warehouse().latest(EventTables.RATING_REVISIONS, run.day())
        .map(d -> run.read(EventTables.RATING_REVISIONS, options.firstDay(), run.day()));
    Optional<Dataset<Row>> warmStart = Optional.empty();
    if (options.warmStart()) {
      warmStart = run.warehouse().latest(RatingTables.ACCOUNT_RELIABILITY, run.day().minusDays(1))
          .map(d -> run.read(RatingTables.ACCOUNT_RELIABILITY, d, d));
    }
    long ratingsPerBlock = options.ratingsPerBlock() > 0
        ? options.ratingsPerBlock()
        : ReliabilityBlocks.defaultRatingsPerBlock(run.spark());
    RatingDetection.Result result = new RatingDetection(options.detection(), ratingsPerBlock)
        .detect(ratings, complaints, trades, revisions, ringMembers, warmStart);
    ReliabilityBlocks.Result fixedPoint = result.fixedPoint();
    run.note("reliability_start", warmStart.isPresent() ? "warm" : "cold");
    run.note("reliability_iterations", String.valueOf(fixedPoint.iterations()));
    run.note("reliability_converged", String.valueOf(fixedPoint.converged()));
    run.note("reliability_blocks", String.valueOf(fixedPoint.blocks()));
    run.note("reliability_largest_block_mib", String.format("%.1f", fixedPoint.largestBlockBytes() / 1048576.0));
    run.write(RatingTables.RATING_FLAGS, result.flags());
    run.write(RatingTables.RATER_SCORES, result.raterScores());
    run.write(RatingTables.ACCOUNT_RELIABILITY, result.accountReliability());
    result.flags().unpersist();
    ratings.unpersist();
  }
}
