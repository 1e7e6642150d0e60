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
    List<Row> flags = new ArrayList<>();
    ReceivedRatings received = new ReceivedRatings();
    List<Row> run = new ArrayList<>();
    String ratee = null;
    while (true) {
      Row r = sorted.hasNext() ? sorted.next() : null;
      if (r == null || !r.getString(0).equals(ratee)) {
        if (ratee != null) {
          for (RatingFlag f : attack.flags(received, marketShare, negativeSharePriorRatings)) {
            flags.add(flagRow(run.get(f.rating()), f));
          }
          for (RatingFlag f : boost.flags(received)) {
            flags.add(flagRow(run.get(f.rating()), f));
          }
        }
        if (r == null) {
          return flags.iterator();
        }
        ratee = r.getString(0);
        received.clear();
        run.clear();
      }
      List<String> keys = r.isNullAt(7) ? List.of() : r.getList(7);
      received.add(r.getString(3), r.getLong(1), r.getDouble(4), r.getInt(6), keys);
      run.add(r);
    }
  }

  private static Row flagRow(Row rating, RatingFlag flag) {
    return RatingPatterns.flagRow(rating.getString(2), rating.getString(3), rating.getString(0), rating.get(5), flag);
  }
}
