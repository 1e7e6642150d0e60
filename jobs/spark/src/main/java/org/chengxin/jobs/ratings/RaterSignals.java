package org.chengxin.jobs.ratings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.chengxin.detectors.ratings.NegativeShare;
import org.chengxin.detectors.ratings.RaterActivity;
import org.chengxin.detectors.ratings.RaterHistory;
import org.chengxin.detectors.ratings.RaterScoringOptions;
import org.chengxin.detectors.ratings.RatingSkew;
import org.chengxin.graph.blocks.Checkpoints;

/**
 * Per-rater behavioural signals from the ratings each account gave, by the plain-Java rules
 * themselves: the ratings are partitioned by rater and sorted by time, each task walks its raters'
 * runs through {@link RaterActivity}, the market's histograms are one small reduce, and each rater's
 * signals come from {@link RaterHistory#thinHistory}, {@link NegativeShare#signal} and
 * {@link RatingSkew#signal}.
 */
public final class RaterSignals {
  public static final String GIVEN = "ratings_given";
  public static final String NEGATIVES = "negative_ratings";
  public static final String TENURE = "tenure_days";
  public static final String THIN_HISTORY = "thin_history";
  public static final String NEGATIVE_SHARE = "negative_share";
  public static final String RATING_SKEW = "rating_skew";
  private static final StructType SIGNALS = new StructType()
      .add(RatingEdges.RATER, DataTypes.StringType, false)
      .add(GIVEN, DataTypes.LongType, false)
      .add(NEGATIVES, DataTypes.LongType, false)
      .add(TENURE, DataTypes.DoubleType, false)
      .add(THIN_HISTORY, DataTypes.DoubleType, false)
      .add(NEGATIVE_SHARE, DataTypes.DoubleType, false)
      .add(RATING_SKEW, DataTypes.DoubleType, false);
  /** The market's totals: ratings, negatives, then the score bins and the gap bins. */
  private static final int MARKET_WIDTH = 2 + RatingSkew.SCORE_BINS + RatingSkew.GAP_BINS;

  private RaterSignals() {}

  /**
   * @param perRater rater_id, ratings_given, negative_ratings, tenure_days and the three signals
   * @param marketNegativeShare the share of negatives among all rating edges; 0 without ratings
   */
  public record Signals(Dataset<Row> perRater, double marketNegativeShare) {}

  private record RaterRun(String rater, RaterActivity activity) implements Serializable {}

  /** The per-rater signals, and the market's negative share the negative-share signal shrinks to. */
  static Signals compute(RatingsByRater ratings, SparkSession spark, RaterScoringOptions options) {
    JavaRDD<RaterRun> activity = ratings.rows()
        .mapPartitions(RaterSignals::runs)
        // Read by the market reduce and by the signals; freed once nothing refers to them.
        .persist(StorageLevel.MEMORY_AND_DISK());
    long[] market = activity.map(RaterSignals::totals).fold(new long[MARKET_WIDTH], RaterSignals::sum);
    double negativeShare = market[0] == 0 ? 0 : (double) market[1] / market[0];
    double[] scoreMarket = RatingSkew.market(slice(market, 2, RatingSkew.SCORE_BINS));
    double[] gapMarket = RatingSkew.market(slice(market, 2 + RatingSkew.SCORE_BINS, RatingSkew.GAP_BINS));
    double halfLife = options.thinHistoryHalfLifeDays();
    double negativePrior = options.negativeSharePriorRatings();
    double skewPrior = options.skewPriorRatings();
    JavaRDD<Row> rows = activity.map(run -> {
      RaterActivity a = run.activity();
      return RowFactory.create(run.rater(), (long) a.given(), (long) a.negatives(), a.tenureDays(),
          RaterHistory.thinHistory(a.tenureDays(), halfLife),
          NegativeShare.signal(a.negatives(), a.given(), negativeShare, negativePrior),
          RatingSkew.signal(a, scoreMarket, gapMarket, skewPrior));
    });
    Dataset<Row> perRater = Checkpoints.of(spark.createDataFrame(rows, SIGNALS));
    activity.unpersist();
    return new Signals(perRater, negativeShare);
  }

  /** One {@link RaterActivity} per run of a rater in a partition sorted by rater and time ({@link RatingsByRater}). */
  private static Iterator<RaterRun> runs(Iterator<Row> sorted) {
    List<RaterRun> runs = new ArrayList<>();
    RaterRun current = null;
    while (sorted.hasNext()) {
      Row r = sorted.next();
      String rater = r.getString(RatingsByRater.RATER);
      if (current == null || !current.rater().equals(rater)) {
        current = new RaterRun(rater, new RaterActivity());
        runs.add(current);
      }
      current.activity().add(r.getLong(RatingsByRater.EPOCH_SECOND), r.getDouble(RatingsByRater.VALUE));
    }
    return runs.iterator();
  }

  private static long[] totals(RaterRun run) {
    RaterActivity a = run.activity();
    long[] totals = new long[MARKET_WIDTH];
    totals[0] = a.given();
    totals[1] = a.negatives();
    System.arraycopy(a.scoreCounts(), 0, totals, 2, RatingSkew.SCORE_BINS);
    System.arraycopy(a.gapCounts(), 0, totals, 2 + RatingSkew.SCORE_BINS, RatingSkew.GAP_BINS);
    return totals;
  }

  private static long[] sum(long[] a, long[] b) {
    long[] s = a.clone();
    RatingSkew.addTo(s, b);
    return s;
  }

  private static long[] slice(long[] values, int from, int length) {
    long[] part = new long[length];
    System.arraycopy(values, from, part, 0, length);
    return part;
  }
}
