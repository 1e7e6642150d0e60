package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.detectors.ratings.CompetitorAttackPattern;
import org.chengxin.detectors.ratings.RatingFlag;
import org.chengxin.detectors.ratings.ReceivedRatings;
import org.chengxin.detectors.ratings.SharedKeyBoostPattern;

/**
 * The per-ratee patterns (competitor attack, shared-key boost) by the plain-Java rules themselves:
 * the rating edges, each with its rater's earlier ratings ({@link RatingsByRater}) and rare keys, are partitioned by ratee and
 * sorted by time, and each task walks its ratees' runs through {@link ReceivedRatings}. No task
 * holds more than one ratee's ratings beyond its input.
 */
final class ReceivedRatingFlags {
  private static final String RATER = RatingEdges.RATER;
  private static final String RATEE = RatingEdges.RATEE;
  private static final String KEYS = "keys";
  // Positions in the walked rows (the select below).
  private static final int RATEE_AT = 0;
  private static final int SECOND_AT = 1;
  private static final int RATING_AT = 2;
  private static final int RATER_AT = 3;
  private static final int VALUE_AT = 4;
  private static final int RATED_AT_AT = 5;
  private static final int PRIOR_AT = 6;
  private static final int KEYS_AT = 7;

  private ReceivedRatingFlags() {}

  /**
   * @param ratings the rating edges with their raters' earlier ratings
   * @param keys rater_id, key: the rare device/IP/address keys of each account
   * @param marketShare the market's negative share
   */
  static Dataset<Row> flags(RatingsByRater ratings, Dataset<Row> keys, double marketShare, CompetitorAttackPattern attack,
      SharedKeyBoostPattern boost, double negativeSharePriorRatings) {
    Dataset<Row> raterKeys = keys.groupBy(col(RATER)).agg(collect_set(col("key")).as(KEYS));
    Dataset<Row> input =
        ratings.asDataFrame()
            .join(raterKeys, new String[] {RATER}, "left")
            .select(col(RATEE), col(RatingEdges.EPOCH_SECOND), col(RatingEdges.RATING_ID), col(RATER), col(RatingEdges.SCORE),
                col(RatingEdges.RATED_AT), col(RatingsByRater.PRIOR_RATINGS), col(KEYS))
            .repartition(col(RATEE))
            .sortWithinPartitions(col(RATEE), col(RatingEdges.EPOCH_SECOND), col(RatingEdges.RATING_ID));
    var rows = input.javaRDD().mapPartitions(sorted -> walk(sorted, attack, boost, marketShare, negativeSharePriorRatings));
    return input.sparkSession().createDataFrame(rows, RatingPatterns.FLAG_ROWS);
  }

  /** The flags of every ratee run in a partition sorted by ratee and time. */
  private static Iterator<Row> walk(Iterator<Row> sorted, CompetitorAttackPattern attack, SharedKeyBoostPattern boost,
      double marketShare, double negativeSharePriorRatings) {
    ReceivedRatings received = new ReceivedRatings();
    return SortedRuns.flags(sorted, RATEE_AT, run -> {
      received.clear();
      for (Row r : run) {
        List<String> keys = r.isNullAt(KEYS_AT) ? List.of() : r.getList(KEYS_AT);
        received.add(r.getString(RATER_AT), r.getLong(SECOND_AT), r.getDouble(VALUE_AT), r.getInt(PRIOR_AT), keys);
      }
      List<RatingFlag> flags = new ArrayList<>(attack.flags(received, marketShare, negativeSharePriorRatings));
      flags.addAll(boost.flags(received));
      return flags;
    }, ReceivedRatingFlags::flagRow);
  }

  private static Row flagRow(Row rating, RatingFlag flag) {
    return RatingPatterns.flagRow(rating.getString(RATING_AT), rating.getString(RATER_AT), rating.getString(RATEE_AT),
        rating.get(RATED_AT_AT), flag);
  }
}
