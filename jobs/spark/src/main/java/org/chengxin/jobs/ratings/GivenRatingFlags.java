package org.chengxin.jobs.ratings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.detectors.ratings.ExtortionPattern;
import org.chengxin.detectors.ratings.GivenRatings;
import org.chengxin.detectors.ratings.RatingFlag;
import org.chengxin.detectors.ratings.SerialNegativePattern;

/**
 * The per-rater patterns (extortion and its repeats, serial negatives) by the plain-Java rules
 * themselves: each task walks the rater runs of {@link RatingsByRater} through {@link GivenRatings}.
 * No shuffle: the ratings are already partitioned by rater and sorted by time.
 */
final class GivenRatingFlags {
  private GivenRatingFlags() {}

  /** @param marketShare the market's negative share (serial negatives are judged against it) */
  static Dataset<Row> flags(RatingsByRater ratings, SparkSession spark, ExtortionPattern extortion,
      SerialNegativePattern serial, double marketShare) {
    var rows = ratings.rows().mapPartitions(runs -> walk(runs, extortion, serial, marketShare));
    return spark.createDataFrame(rows, RatingPatterns.FLAG_ROWS);
  }

  private static Iterator<Row> walk(Iterator<Row> sorted, ExtortionPattern extortion, SerialNegativePattern serial,
      double marketShare) {
    List<Row> flags = new ArrayList<>();
    GivenRatings given = new GivenRatings();
    List<Row> run = new ArrayList<>();
    String rater = null;
    while (true) {
      Row r = sorted.hasNext() ? sorted.next() : null;
      if (r == null || !r.getString(RatingsByRater.RATER).equals(rater)) {
        if (rater != null) {
          for (RatingFlag f : extortion.flags(given)) {
            flags.add(flagRow(run.get(f.rating()), f));
          }
          for (RatingFlag f : serial.flags(given, marketShare)) {
            flags.add(flagRow(run.get(f.rating()), f));
          }
        }
        if (r == null) {
          return flags.iterator();
        }
        rater = r.getString(RatingsByRater.RATER);
        given.clear();
        run.clear();
      }
      given.add(r.getString(RatingsByRater.RATEE), r.getLong(RatingsByRater.EPOCH_SECOND), r.getDouble(RatingsByRater.VALUE),
          rejections(r));
      run.add(r);
    }
  }

  private static long[] rejections(Row r) {
    if (r.isNullAt(RatingsByRater.REJECTED_AT)) {
      return new long[0];
    }
    List<Long> times = r.getList(RatingsByRater.REJECTED_AT);
    return times.stream().mapToLong(Long::longValue).toArray();
  }

  private static Row flagRow(Row rating, RatingFlag flag) {
    return RatingPatterns.flagRow(rating.getString(RatingsByRater.RATING_ID), rating.getString(RatingsByRater.RATER),
        rating.getString(RatingsByRater.RATEE), rating.get(RatingsByRater.RATED_AT), flag);
  }
}
