package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.unix_seconds;

import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.detectors.ratings.GivenBefore;

/**
 * The rating edges partitioned by rater and sorted by time, once per run, each with the number of
 * ratings its rater gave strictly earlier and when the rater's complaints against its ratee were
 * rejected: the per-rater signals ({@link RaterSignals}) and patterns ({@link GivenRatingFlags}) walk
 * these runs, and the per-ratee patterns ({@link ReceivedRatingFlags}) read the earlier-ratings count.
 * Cached until {@link #release}.
 */
final class RatingsByRater {
  static final String PRIOR_RATINGS = "prior_ratings";
  static final String REJECTED = "rejected_at";
  // Positions in rows(): the edge columns, prior_ratings (6), rejected_at (7).
  static final int RATING_ID = 0;
  static final int RATER = 1;
  static final int RATEE = 2;
  static final int VALUE = 3;
  static final int RATED_AT = 4;
  static final int EPOCH_SECOND = 5;
  static final int REJECTED_AT = 7;
  private static final String[] EDGE_COLUMNS =
      {RatingEdges.RATING_ID, RatingEdges.RATER, RatingEdges.RATEE, RatingEdges.SCORE, RatingEdges.RATED_AT, RatingEdges.EPOCH_SECOND};

  private final JavaRDD<Row> rows;
  private final StructType schema;
  private final Dataset<Row> edges;

  private RatingsByRater(JavaRDD<Row> rows, StructType schema, Dataset<Row> edges) {
    this.rows = rows;
    this.schema = schema;
    this.edges = edges;
  }

  /**
   * @param edges the rating edges ({@link RatingEdges#fromRatings})
   * @param complaints rows of the complaints table
   */
  static RatingsByRater of(Dataset<Row> edges, Dataset<Row> complaints) {
    // Each rating carries when the rater's complaints against its ratee were rejected (null: never).
    Dataset<Row> rejections =
        complaints.filter(col("outcome").equalTo(ComplaintOutcome.REJECTED.wire()).and(col("resolved_at").isNotNull()))
            .groupBy(col("buyer_id").as(RatingEdges.RATER), col("seller_id").as(RatingEdges.RATEE))
            .agg(collect_list(unix_seconds(col("resolved_at"))).as(REJECTED));
    Column[] columns = Stream.concat(Arrays.stream(EDGE_COLUMNS), Stream.of(REJECTED)).map(functions::col).toArray(Column[]::new);
    Dataset<Row> sorted = edges.join(rejections, new String[] {RatingEdges.RATER, RatingEdges.RATEE}, "left")
        .select(columns)
        .repartition(col(RatingEdges.RATER))
        .sortWithinPartitions(col(RatingEdges.RATER), col(RatingEdges.EPOCH_SECOND), col(RatingEdges.RATING_ID));
    StructType schema = new StructType(Arrays.copyOf(sorted.schema().fields(), EDGE_COLUMNS.length))
        .add(PRIOR_RATINGS, DataTypes.IntegerType, false)
        .add(sorted.schema().apply(REJECTED));
    JavaRDD<Row> rows = sorted.javaRDD().mapPartitions(RatingsByRater::withPriorRatings)
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new RatingsByRater(rows, schema, edges);
  }

  /** Rows of the edge columns plus prior_ratings and rejected_at, in rater runs sorted by time within each partition. */
  JavaRDD<Row> rows() {
    return rows;
  }

  /** The same rows as a DataFrame (no ordering promised to SQL). */
  Dataset<Row> asDataFrame() {
    return edges.sparkSession().createDataFrame(rows, schema);
  }

  void release() {
    rows.unpersist(false);
  }

  /** Adds to each rating its rater's ratings strictly earlier ({@link GivenBefore}). */
  private static Iterator<Row> withPriorRatings(Iterator<Row> sorted) {
    return new Iterator<>() {
      private final GivenBefore counter = new GivenBefore();
      private String rater;

      @Override
      public boolean hasNext() {
        return sorted.hasNext();
      }

      @Override
      public Row next() {
        Row r = sorted.next();
        if (!r.getString(RATER).equals(rater)) {
          rater = r.getString(RATER);
          counter.reset();
        }
        long second = r.getLong(EPOCH_SECOND);
        return RowFactory.create(r.getString(RATING_ID), rater, r.getString(RATEE), r.getDouble(VALUE), r.get(RATED_AT),
            second, counter.next(second), r.get(EDGE_COLUMNS.length));
      }
    };
  }
}
