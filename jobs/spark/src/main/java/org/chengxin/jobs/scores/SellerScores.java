package org.chengxin.jobs.scores;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.detectors.ratings.RatingPattern;
import org.chengxin.jobs.rings.RingPairs;
import org.chengxin.scores.credit.CreditBadge;
import org.chengxin.scores.credit.CreditLevels;
import org.chengxin.scores.credit.CreditOutcome;
import org.chengxin.scores.credit.PositiveRateBound;

/**
 * seller_scores from the whole credit ledger: credit, level, counts, DSR and robust reputation.
 * Everything but the Beta quantile is a built-in aggregate; robust figures are rounded to 6
 * decimals so the order of floating-point sums cannot make two runs differ.
 */
final class SellerScores {

  /** DSR averages the trailing 180 days, the run's day included. */
  static final int DSR_DAYS = 180;
  private static final int ROBUST_DECIMALS = 6;

  /** The Beta posterior's quantile: the one computation Spark has no built-in for. */
  private static final UserDefinedFunction LOWER_BOUND =
      udf((UDF2<Double, Double, Double>) PositiveRateBound::lowerBound, DataTypes.DoubleType).asNonNullable();

  private SellerScores() {}

  /**
   * @param ledger credit_ledger rows of all history up to {@code day}, with ds (revisions' rows included)
   * @param flags latest rating_flags partition, if any
   * @param raters latest rater_scores partition, if any
   * @param ringPairs buyer–seller pairs of one ring ({@link RingPairs#sameRing}) from the latest ring_members, if any
   */
  static Dataset<Row> compute(Dataset<Row> ledger, Optional<Dataset<Row>> flags, Optional<Dataset<Row>> raters,
      Optional<Dataset<Row>> ringPairs, LocalDate day) {
    Dataset<Row> rows = currentRatings(ledger);
    Column flagged = lit(false);
    Column bought = lit(false);
    if (flags.isPresent()) {
      Column boughtFlag = col("pattern").equalTo(lit(RatingPattern.BOUGHT_REVISION.wire()));
      Dataset<Row> flaggedIds = flags.get().groupBy(col("rating_id").as("flagged_rating_id"))
          .agg(count_if(boughtFlag.unary_$bang()).gt(0).as("flagged_suspect"), count_if(boughtFlag).gt(0).as("flagged_bought"));
      rows = rows.join(flaggedIds, rows.col("rating_id").equalTo(flaggedIds.col("flagged_rating_id")), "left_outer");
      flagged = col("flagged_rating_id").isNotNull();
      bought = coalesce(col("flagged_bought").and(col("flagged_suspect").unary_$bang()), lit(false));
    }
    Column inRing = lit(false);
    if (ringPairs.isPresent()) {
      // A ring buyer rating its own ring's seller is collusion, not reputation.
      rows = rows.join(ringPairs.get(), rows.col("buyer_id").equalTo(col(RingPairs.BUYER_ID))
          .and(rows.col("seller_id").equalTo(col(RingPairs.SELLER_ID))), "left_outer");
      inRing = col(RingPairs.BUYER_ID).isNotNull();
    }
    Column weight = lit(1.0);
    if (raters.isPresent()) {
      Dataset<Row> weights = raters.get().groupBy(col("rater_id")).agg(min(col("reliability")).as("reliability"));
      rows = rows.join(weights, rows.col("buyer_id").equalTo(weights.col("rater_id")), "left_outer");
      weight = greatest(lit(0.0), least(lit(1.0), coalesce(col("reliability"), lit(1.0))));
    }

    Column outcome = col("outcome");
    Column counted = outcome.equalTo(lit(CreditOutcome.COUNTED.wire()));
    Column hidden = outcome.equalTo(lit(CreditOutcome.HIDDEN.wire()));
    Column positive = col("score").equalTo(lit(RatingScore.POSITIVE.wire()));
    Column neutral = col("score").equalTo(lit(RatingScore.NEUTRAL.wire()));
    Column negative = col("score").equalTo(lit(RatingScore.NEGATIVE.wire()));
    // DSR shows what shoppers see: visible ratings of real, in-time trades, counted or not.
    Column inDsr =
        col(TableSchema.PARTITION_COLUMN).geq(lit(day.minusDays(DSR_DAYS - 1)))
            .and(outcome.isin(Arrays.stream(CreditOutcome.values()).filter(CreditOutcome::inCredit).map(CreditOutcome::wire)
                .toArray()));
    // A bought revision is not the buyer's judgement: robust figures take the rating as first given.
    // Other flagged ratings are left out of them.
    Column robustPoints = when(bought, col("own_credit_points")).otherwise(col("credit_points"));
    Column robustPositive =
        when(bought, col("own_score")).otherwise(col("score")).equalTo(lit(RatingScore.POSITIVE.wire()));
    Column robust = when(bought, col("own_outcome")).otherwise(outcome).equalTo(lit(CreditOutcome.COUNTED.wire()))
        .and(flagged.and(bought.unary_$bang()).unary_$bang()).and(inRing.unary_$bang());

    Dataset<Row> totals =
        rows.groupBy(col("seller_id"))
            .agg(
                sum(col("credit_points").cast("bigint")).as("credit_points"),
                count_if(counted.and(positive)).as("positive_ratings"),
                count_if(counted.and(neutral)).as("neutral_ratings"),
                count_if(counted.and(negative)).as("negative_ratings"),
                count_if(outcome.equalTo(lit(CreditOutcome.DUPLICATE_14D.wire()))).as("ratings_deduplicated"),
                count_if(outcome.equalTo(lit(CreditOutcome.CAPPED_MONTH.wire()))).as("ratings_capped"),
                count_if(outcome.equalTo(lit(CreditOutcome.LATE.wire()))).as("ratings_late"),
                count_if(outcome.isin(CreditOutcome.TRADE_UNKNOWN.wire(), CreditOutcome.TRADE_MISMATCH.wire()))
                    .as("ratings_unmatched"),
                count_if(hidden).as("hidden_ratings"),
                count_if(hidden.and(positive)).as("hidden_positive"),
                count_if(hidden.and(negative)).as("hidden_negative"),
                count_if(col("revised")).as("revised_ratings"),
                avg(when(inDsr, col("item_as_described"))).as("dsr_item_as_described"),
                count(when(inDsr, col("item_as_described"))).as("dsr_item_as_described_count"),
                avg(when(inDsr, col("service"))).as("dsr_service"),
                count(when(inDsr, col("service"))).as("dsr_service_count"),
                avg(when(inDsr, col("logistics"))).as("dsr_logistics"),
                count(when(inDsr, col("logistics"))).as("dsr_logistics_count"),
                count_if(counted.and(flagged)).as("flagged_ratings"),
                coalesce(sum(when(robust, weight.multiply(robustPoints))), lit(0.0)).as("robust_points"),
                coalesce(sum(when(robust.and(robustPositive), weight)), lit(0.0)).as("robust_positive"),
                coalesce(sum(when(robust, weight)), lit(0.0)).as("robust_total"));

    Column counts = col("positive_ratings").plus(col("neutral_ratings")).plus(col("negative_ratings"));
    Column level = levelOf(col("credit_points"));
    Column roundedRobustPoints = round(col("robust_points"), ROBUST_DECIMALS);
    return totals.select(
        col("seller_id"),
        col("credit_points"),
        level.as("credit_level"),
        badgeOf(level).as("credit_badge"),
        when(level.equalTo(0), 0).otherwise(level.minus(1).mod(CreditLevels.BADGES_PER_TIER).plus(1)).as("credit_badge_count"),
        col("positive_ratings"),
        col("neutral_ratings"),
        col("negative_ratings"),
        when(counts.gt(0), col("positive_ratings").divide(counts)).as("positive_rate"),
        col("ratings_deduplicated"),
        col("ratings_capped"),
        col("ratings_late"),
        col("ratings_unmatched"),
        col("hidden_ratings"),
        col("hidden_positive"),
        col("hidden_negative"),
        col("revised_ratings"),
        col("dsr_item_as_described"),
        col("dsr_item_as_described_count"),
        col("dsr_service"),
        col("dsr_service_count"),
        col("dsr_logistics"),
        col("dsr_logistics_count"),
        col("flagged_ratings"),
        roundedRobustPoints.as("robust_credit_points"),
        when(col("robust_total").gt(0), round(col("robust_positive").divide(col("robust_total")), ROBUST_DECIMALS))
            .as("robust_positive_rate"),
        round(LOWER_BOUND.apply(col("robust_positive"), col("robust_total")), ROBUST_DECIMALS).as("positive_rate_lower_bound"),
        round(col("credit_points").minus(roundedRobustPoints), ROBUST_DECIMALS).as("credit_gap"));
  }

  /**
   * One row per rating: its own ledger row, with score, outcome, points and detailed ratings taken
   * from its latest revision's row when it was revised, and {@code revised}. The rating keeps its
   * own day (ds) for the DSR window, and its own row's score, outcome and points as
   * {@code own_score}, {@code own_outcome}, {@code own_credit_points}.
   */
  static Dataset<Row> currentRatings(Dataset<Row> ledger) {
    String[] changed = {"score", "outcome", "credit_points", "item_as_described", "service", "logistics"};
    Dataset<Row> own = ledger.where(col("revision_id").isNull());
    Dataset<Row> latestRevision =
        ledger.where(col("revision_id").isNotNull())
            .groupBy(col("rating_id").as("revised_rating_id"))
            .agg(expr("max_by(struct(" + String.join(", ", changed) + "), struct(" + TableSchema.PARTITION_COLUMN
                + ", revised_at))").as("revised"));
    Dataset<Row> joined =
        own.join(latestRevision, own.col("rating_id").equalTo(latestRevision.col("revised_rating_id")), "left_outer");
    Column revised = col("revised").isNotNull();
    List<Column> columns = new ArrayList<>(List.of(col("rating_id"), col("seller_id"), col("buyer_id"),
        col(TableSchema.PARTITION_COLUMN), revised.as("revised"), col("score").as("own_score"),
        col("outcome").as("own_outcome"), col("credit_points").as("own_credit_points")));
    for (String c : changed) {
      columns.add(when(revised, col("revised." + c)).otherwise(col(c)).as(c));
    }
    return joined.select(columns.toArray(Column[]::new));
  }

  /** The level index as a CASE over {@link CreditLevels}' thresholds, highest first. */
  static Column levelOf(Column points) {
    Column level = lit(0);
    for (int l = 1; l <= CreditLevels.TOP_LEVEL; l++) {
      level = when(points.geq(CreditLevels.minimumPoints(l)), l).otherwise(level);
    }
    return level;
  }

  private static Column badgeOf(Column level) {
    Column badge = lit(CreditBadge.NONE.wire());
    for (int l = 1; l <= CreditLevels.TOP_LEVEL; l += CreditLevels.BADGES_PER_TIER) {
      badge = when(level.geq(l), CreditLevels.badgeOf(l).wire()).otherwise(badge);
    }
    return badge;
  }
}
