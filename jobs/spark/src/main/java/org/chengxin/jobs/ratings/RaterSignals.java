package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.chengxin.detectors.ratings.RaterScoringOptions;

/**
 * Per-rater behavioural signals from the ratings each account gave, the DataFrame form of the
 * plain-Java {@code RaterHistory.thinHistory}, {@code NegativeShare} and {@code RatingSkew}: the
 * per-rater counts are aggregations, the market's histograms one small aggregate on the driver.
 */
public final class RaterSignals {
  public static final String GIVEN = "ratings_given";
  public static final String NEGATIVES = "negative_ratings";
  public static final String TENURE = "tenure_days";
  public static final String THIN_HISTORY = "thin_history";
  public static final String NEGATIVE_SHARE = "negative_share";
  public static final String RATING_SKEW = "rating_skew";

  private static final int SCORE_BINS = 5;
  private static final long[] GAP_LIMITS_SECONDS = {60, 3_600, 86_400, 7 * 86_400, 30 * 86_400};
  private static final double SECONDS_PER_DAY = 86_400.0;

  private RaterSignals() {}

  /**
   * @param perRater rater_id, ratings_given, negative_ratings, tenure_days and the three signals
   * @param marketNegativeShare the share of negatives among all rating edges; 0 without ratings
   */
  public record Signals(Dataset<Row> perRater, double marketNegativeShare) {}

  /** The per-rater signals, and the market's negative share the negative-share signal shrinks to. */
  public static Signals compute(Dataset<Row> edges, RaterScoringOptions options) {
    String rater = RatingEdges.RATER;
    Column value = col(RatingEdges.SCORE);
    Column time = col(RatingEdges.EPOCH_SECOND);
    Column gap = time.minus(lag(time, 1).over(Window.partitionBy(col(rater)).orderBy(time)));
    Column scoreBin = least(lit(SCORE_BINS - 1), floor(value.plus(1).divide(2).multiply(SCORE_BINS)));

    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count(lit(1)).as(GIVEN));
    aggregates.add(count_if(value.lt(0)).as(NEGATIVES));
    aggregates.add(min(time).as("first"));
    aggregates.add(max(time).as("last"));
    for (int b = 0; b < SCORE_BINS; b++) {
      aggregates.add(count_if(col("score_bin").equalTo(b)).as("s" + b));
    }
    for (int b = 0; b <= GAP_LIMITS_SECONDS.length; b++) {
      aggregates.add(count_if(col("gap_bin").equalTo(b)).as("g" + b));
    }
    Dataset<Row> counts =
        edges.select(col(rater), value, time, scoreBin.as("score_bin"), gapBin(gap).as("gap_bin"))
            .groupBy(col(rater))
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
            // Read by the market aggregate and by the result; freed once nothing refers to it.
            .localCheckpoint(false);

    Row market = counts.agg(sum(GIVEN), marketSums(counts)).first();
    long total = market.getLong(0);
    double negativeMarket = total == 0 ? 0 : (double) market.getLong(1) / total;
    double[] scoreMarket = histogram(market, 2, SCORE_BINS);
    double[] gapMarket = histogram(market, 2 + SCORE_BINS, GAP_LIMITS_SECONDS.length + 1);

    Column tenure = col("last").minus(col("first")).divide(SECONDS_PER_DAY).plus(1);
    double halfLife = options.thinHistoryHalfLifeDays();
    Column divergence =
        divergence("s", col(GIVEN), scoreMarket, options.skewPriorRatings())
            .plus(divergence("g", col(GIVEN).minus(1), gapMarket, options.skewPriorRatings()));
    return new Signals(counts.select(
        col(rater), col(GIVEN), col(NEGATIVES), tenure.as(TENURE),
        lit(halfLife).divide(tenure.plus(halfLife)).as(THIN_HISTORY),
        negativeShare(col(NEGATIVES), col(GIVEN), negativeMarket, options.negativeSharePriorRatings()).as(NEGATIVE_SHARE),
        lit(1.0).minus(exp(divergence.unary_$minus())).as(RATING_SKEW)), negativeMarket);
  }

  private static Column gapBin(Column gap) {
    Column bin = lit(GAP_LIMITS_SECONDS.length);
    for (int b = GAP_LIMITS_SECONDS.length - 1; b >= 0; b--) {
      bin = when(gap.leq(GAP_LIMITS_SECONDS[b]), lit(b)).otherwise(bin);
    }
    // The first rating has no gap: in no bin.
    return when(gap.isNull(), lit(-1)).otherwise(bin);
  }

  private static Column[] marketSums(Dataset<Row> counts) {
    List<Column> sums = new ArrayList<>();
    sums.add(sum(NEGATIVES));
    for (int b = 0; b < SCORE_BINS; b++) {
      sums.add(sum("s" + b));
    }
    for (int b = 0; b <= GAP_LIMITS_SECONDS.length; b++) {
      sums.add(sum("g" + b));
    }
    return sums.toArray(Column[]::new);
  }

  /** The market histogram with one pseudo-count per bin, normalised (as RatingSkew). */
  private static double[] histogram(Row market, int from, int bins) {
    double[] h = new double[bins];
    double total = 0;
    for (int b = 0; b < bins; b++) {
      h[b] = 1 + (market.isNullAt(from + b) ? 0 : market.getLong(from + b));
      total += h[b];
    }
    for (int b = 0; b < bins; b++) {
      h[b] /= total;
    }
    return h;
  }

  /** KL divergence of the rater's histogram (columns prefix0..), smoothed toward the market. */
  private static Column divergence(String prefix, Column n, double[] market, double prior) {
    Column kl = lit(0.0);
    for (int b = 0; b < market.length; b++) {
      Column p = col(prefix + b).plus(prior * market[b]).divide(n.plus(prior));
      kl = kl.plus(when(p.gt(0), p.multiply(log(p.divide(market[b])))).otherwise(0.0));
    }
    return when(n.plus(prior).equalTo(0), lit(0.0)).otherwise(kl);
  }

  /** {@code NegativeShare.signal} as a column. */
  private static Column negativeShare(Column negatives, Column given, double market, double prior) {
    if (market >= 1) {
      return lit(0.0);
    }
    Column shrunk = negatives.plus(prior * market).divide(given.plus(prior));
    return greatest(lit(0.0), shrunk.minus(market).divide(1 - market));
  }
}
