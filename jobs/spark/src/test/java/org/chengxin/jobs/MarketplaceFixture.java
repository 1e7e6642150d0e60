package org.chengxin.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.jobs.frame.SparkWarehouse;

/** Builds small event tables in code and writes them to a warehouse in the ingest's layout. */
public final class MarketplaceFixture {
  private final List<Row> trades = new ArrayList<>();
  private final List<Row> ratings = new ArrayList<>();
  private final List<Row> revisions = new ArrayList<>();

  /** A completed trade created at {@code created} and confirmed at {@code confirmed}; ds = creation day. */
  public MarketplaceFixture trade(String tradeId, String buyer, String seller, String item, String created, String confirmed,
      String status) {
    trades.add(RowFactory.create(tradeId, buyer, seller, item, "womens_apparel", null, 9_900L, "CNY", 1, ts(created),
        ts(created), ts(created), confirmed == null ? null : ts(confirmed), status, "dev", "ip", "addr", "fixture", 1L));
    return this;
  }

  /** A buyer_to_seller rating; ds = the day of {@code ratedAt}. */
  public MarketplaceFixture rating(String ratingId, String tradeId, String buyer, String seller, String score, String ratedAt,
      boolean hidden, Integer dsr) {
    ratings.add(RowFactory.create(ratingId, tradeId, buyer, seller, "buyer_to_seller", score, dsr, dsr, dsr, ts(ratedAt),
        hidden, true, "fixture", 1L));
    return this;
  }

  public MarketplaceFixture sellerRating(String ratingId, String tradeId, String seller, String buyer, String ratedAt) {
    ratings.add(RowFactory.create(ratingId, tradeId, seller, buyer, "seller_to_buyer", "positive", null, null, null,
        ts(ratedAt), false, true, "fixture", 1L));
    return this;
  }

  /** A revision of a rating to {@code score}, its detailed ratings all {@code dsr} (null: unchanged); ds = the day of {@code revisedAt}. */
  public MarketplaceFixture revision(String revisionId, String ratingId, String rater, String score, String revisedAt,
      Integer dsr) {
    revisions.add(RowFactory.create(revisionId, ratingId, rater, score, dsr, dsr, dsr, ts(revisedAt), "resolved",
        "fixture", 1L));
    return this;
  }

  /** Writes every day partition of trades, ratings and rating revisions. */
  public void writeTo(SparkSession spark, String root) {
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root);
    write(spark, warehouse, EventTables.TRADES, trades, EventTables.TRADES.indexOf("created_at"));
    write(spark, warehouse, EventTables.RATINGS, ratings, EventTables.RATINGS.indexOf("rated_at"));
    write(spark, warehouse, EventTables.RATING_REVISIONS, revisions, EventTables.RATING_REVISIONS.indexOf("revised_at"));
  }

  private static void write(SparkSession spark, SparkWarehouse warehouse, TableSchema table, List<Row> rows, int timeField) {
    rows.stream().map(r -> day(r.getTimestamp(timeField))).distinct().forEach(day -> {
      List<Row> ofDay = rows.stream().filter(r -> day(r.getTimestamp(timeField)).equals(day)).toList();
      warehouse.writeDay(table, day, spark.createDataFrame(ofDay, SparkSchemas.of(table)));
    });
  }

  private static LocalDate day(Timestamp t) {
    return LocalDate.ofInstant(t.toInstant(), java.time.ZoneOffset.UTC);
  }

  private static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }
}
