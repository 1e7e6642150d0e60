package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;

/**
 * The rating graph the rater detectors work on, as a DataFrame: one row per buyer_to_seller rating
 * with its value on [-1, 1] (positive +1, neutral 0, negative -1), its time and its rating-day
 * evidence. Seller-to-buyer ratings are left out: they are near-automatic and would make buyers
 * into rated parties.
 */
public final class RatingEdges {
  public static final String RATER = "rater_id";
  public static final String RATEE = "ratee_id";
  public static final String SCORE = "value";
  public static final String RATING_ID = "rating_id";
  public static final String RATED_AT = "rated_at";
  public static final String EPOCH_SECOND = "epoch_second";
  /** The columns of the ratings table {@link #fromRatings} reads. */
  public static final String[] COLUMNS_READ = {RATING_ID, RATER, RATEE, "score", "direction", RATED_AT, "trade_id"};

  private RatingEdges() {}

  /** rating_id, rater_id, ratee_id, value, rated_at, epoch_second from rows of the ratings table. */
  public static Dataset<Row> fromRatings(Dataset<Row> ratings) {
    Column value =
        when(col("score").equalTo(RatingScore.POSITIVE.wire()), lit(1.0))
            .when(col("score").equalTo(RatingScore.NEGATIVE.wire()), lit(-1.0))
            .otherwise(lit(0.0));
    return ratings.filter(col("direction").equalTo(RatingDirection.BUYER_TO_SELLER.wire()))
        .select(col(RATING_ID), col(RATER), col(RATEE),
            value.as(SCORE), col(RATED_AT), unix_seconds(col(RATED_AT)).as(EPOCH_SECOND));
  }
}
