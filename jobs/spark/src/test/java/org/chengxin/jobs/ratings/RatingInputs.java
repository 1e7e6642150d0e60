package org.chengxin.jobs.ratings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.jobs.frame.SparkSchemas;

/**
 * Hand-built rows of the event and rating tables for Spark tests: name the columns a test is about,
 * the rest get a plain default (required) or null (optional).
 */
public final class RatingInputs {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final long HOUR = 3_600;

  private final List<Row> ratings = new ArrayList<>();
  private final List<Row> complaints = new ArrayList<>();
  private final List<Row> trades = new ArrayList<>();

  /** A buyer_to_seller rating {@code hours} after T0. */
  public RatingInputs rating(String id, String rater, String ratee, String score, double hours) {
    ratings.add(row(EventTables.RATINGS, Map.of("rating_id", id, "rater_id", rater, "ratee_id", ratee,
        "direction", "buyer_to_seller", "score", score, "rated_at", at(hours))));
    return this;
  }

  /** A complaint by buyer against seller, resolved {@code resolvedHours} after T0. */
  public RatingInputs complaint(String id, String buyer, String seller, String outcome, double resolvedHours) {
    complaints.add(row(EventTables.COMPLAINTS, Map.of("complaint_id", id, "buyer_id", buyer, "seller_id", seller,
        "outcome", outcome, "filed_at", at(resolvedHours - 24), "resolved_at", at(resolvedHours))));
    return this;
  }

  /** A trade of buyer with the given device, IP and address keys. */
  public RatingInputs trade(String id, String buyer, String seller, String device, String ip, String address) {
    trades.add(row(EventTables.TRADES, Map.of("trade_id", id, "buyer_id", buyer, "seller_id", seller,
        "device_key", device, "ip_key", ip, "address_key", address)));
    return this;
  }

  public Dataset<Row> ratings(SparkSession spark) {
    return frame(spark, EventTables.RATINGS, ratings);
  }

  public Dataset<Row> complaints(SparkSession spark) {
    return frame(spark, EventTables.COMPLAINTS, complaints);
  }

  public Dataset<Row> trades(SparkSession spark) {
    return frame(spark, EventTables.TRADES, trades);
  }

  /** One rating_flags row for {@code ratingId} (what seller_scores reads). */
  public static Dataset<Row> flag(SparkSession spark, String ratingId) {
    return frame(spark, RatingTables.RATING_FLAGS, List.of(row(RatingTables.RATING_FLAGS, Map.of("rating_id", ratingId))));
  }

  /** One rating_flags row flagging {@code ratingId} with {@code pattern}. */
  public static Dataset<Row> flag(SparkSession spark, String ratingId, String pattern) {
    return frame(spark, RatingTables.RATING_FLAGS,
        List.of(row(RatingTables.RATING_FLAGS, Map.of("rating_id", ratingId, "pattern", pattern))));
  }

  /** One rater_scores row giving {@code rater} the reliability weight {@code reliability}. */
  public static Dataset<Row> rater(SparkSession spark, String rater, double reliability) {
    return frame(spark, RatingTables.RATER_SCORES,
        List.of(row(RatingTables.RATER_SCORES, Map.of("rater_id", rater, "reliability", reliability))));
  }

  static Timestamp at(double hours) {
    return Timestamp.from(T0.plusSeconds(Math.round(hours * HOUR)));
  }

  private static Dataset<Row> frame(SparkSession spark, TableSchema table, List<Row> rows) {
    return spark.createDataFrame(rows, SparkSchemas.of(table));
  }

  private static Row row(TableSchema table, Map<String, Object> values) {
    Map<String, Object> given = new HashMap<>(values);
    Object[] cells = new Object[table.columns().size()];
    for (int i = 0; i < cells.length; i++) {
      Column column = table.columns().get(i);
      cells[i] = given.containsKey(column.name()) ? given.remove(column.name())
          : column.nullable() ? null : defaultValue(column);
    }
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(table.name() + " has no columns " + given.keySet());
    }
    return RowFactory.create(cells);
  }

  private static Object defaultValue(Column column) {
    return switch (column.type()) {
      case STRING -> "x";
      case INT -> 1;
      case LONG -> 1L;
      case DOUBLE -> 0.0;
      case BOOLEAN -> false;
      case TIMESTAMP -> Timestamp.from(T0);
      case DATE -> java.sql.Date.valueOf("2026-11-01");
      case STRING_ARRAY -> List.of();
    };
  }
}
