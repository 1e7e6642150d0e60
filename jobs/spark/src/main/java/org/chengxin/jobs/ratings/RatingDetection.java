package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.detectors.ratings.RaterSignal;
import org.chengxin.detectors.ratings.RatingPattern;
import org.chengxin.detectors.ratings.SuspicionCombiner;
import org.chengxin.graph.blocks.Checkpoints;

/**
 * Everything the rater reliability job computes, engine wiring aside: the fixed point, the account
 * signals, the rating patterns, and their combination into the rows of {@code rating_flags} and
 * {@code rater_scores}.
 */
public final class RatingDetection {
  public static final String DETECTOR = "rater_reliability";
  private static final String RATER = RatingEdges.RATER;
  private static final String RATEE = RatingEdges.RATEE;

  /**
   * The output tables (cached or checkpointed) and how the fixed point ran.
   *
   * @param accountReliability account_id, fairness, goodness of every account of the rating graph:
   *     the next night's warm start
   */
  public record Result(Dataset<Row> flags, Dataset<Row> raterScores, Dataset<Row> accountReliability,
      ReliabilityBlocks.Result fixedPoint) {}

  private final RatingDetectionOptions options;
  private final RatingPatterns patterns;
  private final long ratingsPerBlock;

  /** @param ratingsPerBlock the fixed point's block size ({@link ReliabilityBlocks}) */
  public RatingDetection(RatingDetectionOptions options, long ratingsPerBlock) {
    this.options = options;
    this.patterns = new RatingPatterns(options);
    this.ratingsPerBlock = ratingsPerBlock;
  }

  /**
   * @param ratings rows of the ratings table (all history up to the day), cached by the caller: they
   *     are read several times
   * @param complaints rows of the complaints table
   * @param trades rows of the trades table (for shared device/IP/address keys)
   * @param ringMembers rows of ring_members if that table exists: account_id, role, member_score
   * @param warmStart rows of an earlier night's account_reliability to start the fixed point from
   */
  public Result detect(Dataset<Row> ratings, Dataset<Row> complaints, Dataset<Row> trades, Optional<Dataset<Row>> ringMembers,
      Optional<Dataset<Row>> warmStart) {
    return detect(ratings, complaints, trades, Optional.empty(), ringMembers, warmStart);
  }

  /**
   * As {@link #detect(Dataset, Dataset, Dataset, Optional, Optional)}, with rows of rating_revisions
   * if the warehouse has that table: then the revision patterns run too (the ratings rows must hold
   * trade_id).
   */
  public Result detect(Dataset<Row> ratings, Dataset<Row> complaints, Dataset<Row> trades, Optional<Dataset<Row>> revisions,
      Optional<Dataset<Row>> ringMembers, Optional<Dataset<Row>> warmStart) {
    Dataset<Row> edges = RatingEdges.fromRatings(ratings);
    ReliabilityBlocks.Result fixedPoint =
        new ReliabilityBlocks(options.scoring().reliability(), ratingsPerBlock).run(edges, warmStart);
    RatingsByRater byRater = RatingsByRater.of(edges, complaints);
    SparkSession spark = ratings.sparkSession();
    RaterSignals.Signals computed = RaterSignals.compute(byRater, spark, options.scoring());
    Dataset<Row> signals = computed.perRater();
    double marketShare = computed.marketNegativeShare();
    Dataset<Row> keys = patterns.rareKeys(trades).persist();
    Dataset<Row> given =
        GivenRatingFlags.flags(byRater, spark, options.scoring().extortion(), options.serialNegative(), marketShare);
    Dataset<Row> flagRows =
        given.unionByName(ReceivedRatingFlags.flags(byRater, keys, marketShare, options.scoring().attack(),
                options.sharedKeyBoost(), options.scoring().negativeSharePriorRatings()));
    if (revisions.isPresent()) {
      flagRows = flagRows.unionByName(RevisionFlags.flags(ratings, revisions.get(), complaints, given,
          options.paidOffExtortion(), options.revisionBurst()));
    }
    if (ringMembers.isPresent()) {
      flagRows = flagRows.unionByName(patterns.ringBoost(edges, ringMembers.get()));
    }
    flagRows = Checkpoints.of(flagRows);
    keys.unpersist();
    byRater.release();

    Dataset<Row> flags = withReason(flagRows).persist();
    Dataset<Row> raterScores = Checkpoints.of(raterScores(edges, fixedPoint, signals, flagRows, ringMembers));
    return new Result(flags, raterScores, fixedPoint.accounts(), fixedPoint);
  }

  private static Dataset<Row> withReason(Dataset<Row> flagRows) {
    Column reason = lit(null).cast("string");
    for (RatingPattern p : RatingPattern.values()) {
      reason = when(col("pattern").equalTo(p.wire()), lit(p.description())).otherwise(reason);
    }
    List<Column> columns = new ArrayList<>();
    for (String name : RatingTables.RATING_FLAGS.columnNames()) {
      columns.add(switch (name) {
        case "detector" -> lit(DETECTOR).as(name);
        case "reason" -> reason.as(name);
        default -> col(name);
      });
    }
    return flagRows.select(columns.toArray(Column[]::new));
  }

  private Dataset<Row> raterScores(Dataset<Row> edges, ReliabilityBlocks.Result fixedPoint, Dataset<Row> signals,
      Dataset<Row> flagRows, Optional<Dataset<Row>> ringMembers) {
    Dataset<Row> received = edges.groupBy(col(RATEE).as(RATER)).agg(count(lit(1)).as("ratings_received"));
    Dataset<Row> fairness = fixedPoint.accounts().filter(col(ReliabilityBlocks.FAIRNESS).isNotNull())
        .select(col(ReliabilityBlocks.ACCOUNT_ID).as(RATER), col(ReliabilityBlocks.FAIRNESS));
    Dataset<Row> goodness = fixedPoint.accounts().filter(col(ReliabilityBlocks.GOODNESS).isNotNull())
        .select(col(ReliabilityBlocks.ACCOUNT_ID).as(RATER), col(ReliabilityBlocks.GOODNESS));
    Dataset<Row> strongest =
        flagRows.groupBy(col(RATER))
            .agg(countDistinct(col(RatingEdges.RATING_ID)).as("flagged_ratings"),
                patternMax(RatingPattern.EXTORTION, RatingPattern.EXTORTION_REPEAT, RatingPattern.PAID_OFF_EXTORTION)
                    .as("extortion"),
                patternMax(RatingPattern.COMPETITOR_ATTACK).as("competitor_attack"),
                patternMax(RatingPattern.SHARED_KEY_BOOST).as("shared_key_boost"));
    Dataset<Row> rows =
        signals.join(fairness, RATER)
            .join(goodness, new String[] {RATER}, "left")
            .join(received, new String[] {RATER}, "left")
            .join(strongest, new String[] {RATER}, "left");
    Column ring = lit(0.0);
    if (ringMembers.isPresent()) {
      Dataset<Row> buyers = ringMembers.get().filter(col("role").equalTo("buyer"))
          .groupBy(col("account_id").as(RATER)).agg(max(col("member_score")).as("ring_score"));
      rows = rows.join(buyers, new String[] {RATER}, "left");
      ring = greatest(lit(0.0), least(lit(1.0), coalesce(col("ring_score"), lit(0.0))));
    }
    rows = rows.withColumn("unfairness", lit(1.0).minus(col(ReliabilityBlocks.FAIRNESS)))
        .withColumn("ring_member", ring)
        .na().fill(0, new String[] {"ratings_received", "flagged_ratings", "extortion", "competitor_attack", "shared_key_boost"});

    SuspicionCombiner combiner = options.scoring().combiner();
    Column clean = lit(1.0);
    Column cleanOfEvidence = lit(1.0);
    for (RaterSignal s : RaterSignal.values()) {
      Column factor = lit(1.0).minus(col(s.wire()).multiply(combiner.weight(s)));
      clean = clean.multiply(factor);
      if (s != RaterSignal.UNFAIRNESS && s != RaterSignal.THIN_HISTORY) {
        cleanOfEvidence = cleanOfEvidence.multiply(factor);
      }
    }
    for (String extra : new String[] {"shared_key_boost", "ring_member"}) {
      Column factor = lit(1.0).minus(col(extra));
      clean = clean.multiply(factor);
      cleanOfEvidence = cleanOfEvidence.multiply(factor);
    }
    rows = rows.withColumn("suspicion", lit(1.0).minus(clean)).withColumn("reliability", cleanOfEvidence);
    return rows.select(RatingTables.RATER_SCORES.columnNames().stream().map(n -> col(n)).toArray(Column[]::new));
  }

  private static Column patternMax(RatingPattern... patterns) {
    Column match = lit(false);
    for (RatingPattern p : patterns) {
      match = match.or(col("pattern").equalTo(p.wire()));
    }
    return max(when(match, col("score")));
  }
}
