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
    GivenRatings given = new GivenRatings();
    return SortedRuns.flags(sorted, RatingsByRater.RATER, run -> {
      given.clear();
      for (Row r : run) {
        given.add(r.getString(RatingsByRater.RATEE), r.getLong(RatingsByRater.EPOCH_SECOND),
            r.getDouble(RatingsByRater.VALUE), rejections(r));
      }
      List<RatingFlag> flags = new ArrayList<>(extortion.flags(given));
      flags.addAll(serial.flags(given, marketShare));
      return flags;
    }, GivenRatingFlags::flagRow);
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
