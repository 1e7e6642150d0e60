package org.chengxin.jobs.scores;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.core.schema.ScoreTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.jobs.MarketplaceFixture;
import org.chengxin.jobs.SparkTestSession;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.chengxin.jobs.ratings.RatingInputs;
import org.chengxin.scores.credit.CreditLevels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs seller_scores over three days of a small marketplace with known answers. Shares one
 * local[2] session and one daily-run warehouse across the tests of the class.
 */
class SellerScoresJobTest {
  private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate D2 = LocalDate.of(2026, 11, 2);
  private static final LocalDate D3 = LocalDate.of(2026, 11, 3);
  private static final SellerScoresJob JOB = new SellerScoresJob();

  @TempDir static Path temp;
  private static SparkSession spark;
  private static String daily;

  @BeforeAll
  static void runThreeDays() {
    spark = SparkTestSession.start();
    daily = temp.resolve("daily").toString();
    marketplace().writeTo(spark, daily);
    for (LocalDate day : List.of(D1, D2, D3)) {
      JOB.run(spark, SellerScoresJob.Options.of(JobOptions.of(daily, day), SellerScoresJob.Mode.AUTO));
    }
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /**
   * s-good: b1 rates 8 trades of one month positive (6 count, 2 capped), b2 positive, b3 negative.
   * s-dup: b4 rates one item positive on 3 days (1 counts), b5's negative is hidden.
   * s-late: one rating 20 days after the trade ended, one on a trade never ingested.
   * s-rev: revisions to positive. b8's negative on item x (day 1) is revised on day 2, while b8's
   * positive on x of day 1 holds the item's 14-day window; b9's neutral is revised the same day
   * (day 3); b10's negative of day 1 is revised on day 3.
   */
  private static MarketplaceFixture marketplace() {
    MarketplaceFixture m = new MarketplaceFixture();
    for (int i = 0; i < 8; i++) {
      m.trade("tg" + i, "b1", "s-good", "g" + i, "2026-10-31T08:00:00Z", "2026-10-31T20:00:00Z", "completed");
      String ratedAt = "2026-11-0" + (1 + i / 3) + "T1" + i + ":00:00Z";
      m.rating("rg" + i, "tg" + i, "b1", "s-good", "positive", ratedAt, false, 5);
    }
    m.trade("tg8", "b2", "s-good", "g8", "2026-11-01T08:00:00Z", "2026-11-01T20:00:00Z", "completed")
        .rating("rg8", "tg8", "b2", "s-good", "positive", "2026-11-02T09:00:00Z", false, 4)
        .trade("tg9", "b3", "s-good", "g9", "2026-11-01T08:00:00Z", "2026-11-01T20:00:00Z", "completed")
        .rating("rg9", "tg9", "b3", "s-good", "negative", "2026-11-03T09:00:00Z", false, 1)
        .sellerRating("rs1", "tg0", "s-good", "b1", "2026-11-01T12:00:00Z");
    for (int i = 1; i <= 3; i++) {
      m.trade("td" + i, "b4", "s-dup", "d", "2026-11-0" + i + "T01:00:00Z", "2026-11-0" + i + "T05:00:00Z", "completed")
          .rating("rd" + i, "td" + i, "b4", "s-dup", "positive", "2026-11-0" + i + "T06:00:00Z", false, null);
    }
    m.trade("td4", "b5", "s-dup", "d", "2026-11-01T02:00:00Z", null, "refunded")
        .rating("rd4", "td4", "b5", "s-dup", "negative", "2026-11-02T06:00:00Z", true, 1);
    m.trade("tl1", "b6", "s-late", "l", "2026-10-10T08:00:00Z", "2026-10-12T08:00:00Z", "completed")
        .rating("rl1", "tl1", "b6", "s-late", "positive", "2026-11-01T08:00:00Z", false, 5)
        .rating("rl2", "t-never-ingested", "b7", "s-late", "positive", "2026-11-01T09:00:00Z", false, 5);
    m.trade("tr1", "b8", "s-rev", "x", "2026-10-31T08:00:00Z", "2026-10-31T20:00:00Z", "completed")
        .rating("rr1", "tr1", "b8", "s-rev", "negative", "2026-11-01T10:00:00Z", false, 1)
        .trade("tr3", "b8", "s-rev", "x", "2026-10-31T09:00:00Z", "2026-10-31T21:00:00Z", "completed")
        .rating("rr3", "tr3", "b8", "s-rev", "positive", "2026-11-01T12:00:00Z", false, 5)
        .revision("v1", "rr1", "b8", "positive", "2026-11-02T10:00:00Z", 4)
        .trade("tr2", "b9", "s-rev", "y", "2026-11-01T08:00:00Z", "2026-11-01T20:00:00Z", "completed")
        .rating("rr2", "tr2", "b9", "s-rev", "neutral", "2026-11-03T08:00:00Z", false, 3)
        .revision("v2", "rr2", "b9", "positive", "2026-11-03T12:00:00Z", null)
        .trade("tr4", "b10", "s-rev", "z", "2026-10-31T08:00:00Z", "2026-10-31T20:00:00Z", "completed")
        .rating("rr4", "tr4", "b10", "s-rev", "negative", "2026-11-01T11:00:00Z", false, 1)
        .revision("v3", "rr4", "b10", "positive", "2026-11-03T09:00:00Z", 5);
    return m;
  }

  @Test
  void knownSellersGetTheirScores() {
    Row good = score(daily, D3, "s-good");
    assertEquals(6L, good.<Long>getAs("credit_points"));
    assertEquals(1, good.<Integer>getAs("credit_level"));
    assertEquals("heart", good.getAs("credit_badge"));
    assertEquals(7L, good.<Long>getAs("positive_ratings"));
    assertEquals(1L, good.<Long>getAs("negative_ratings"));
    assertEquals(2L, good.<Long>getAs("ratings_capped"));
    assertEquals(7.0 / 8, good.<Double>getAs("positive_rate"), 1e-9);
    // DSR covers visible ratings of real trades, capped ones included: 8 x 5, 4, 1.
    assertEquals(10L, good.<Long>getAs("dsr_service_count"));
    assertEquals((8 * 5 + 4 + 1) / 10.0, good.<Double>getAs("dsr_service"), 1e-9);
    assertEquals(6.0, good.<Double>getAs("robust_credit_points"), 1e-9);
    assertEquals(0.0, good.<Double>getAs("credit_gap"), 1e-9);

    Row dup = score(daily, D3, "s-dup");
    assertEquals(1L, dup.<Long>getAs("credit_points"));
    assertEquals(0, dup.<Integer>getAs("credit_level"));
    assertEquals("none", dup.getAs("credit_badge"));
    assertEquals(2L, dup.<Long>getAs("ratings_deduplicated"));
    assertEquals(1L, dup.<Long>getAs("hidden_ratings"));
    assertEquals(1L, dup.<Long>getAs("hidden_negative"));
    assertEquals(0L, dup.<Long>getAs("dsr_service_count"));

    Row late = score(daily, D3, "s-late");
    assertEquals(0L, late.<Long>getAs("credit_points"));
    assertEquals(1L, late.<Long>getAs("ratings_late"));
    assertEquals(1L, late.<Long>getAs("ratings_unmatched"));
    assertTrue(late.isNullAt(late.fieldIndex("positive_rate")));
    assertEquals(0.05, late.<Double>getAs("positive_rate_lower_bound"), 1e-9);

    assertEquals(4, table(daily, ScoreTables.SELLER_SCORES, D3).count(), "seller_to_buyer ratings make no seller row");
    JsonNode entry = new RunSummaries(SparkWarehouse.open(spark, daily).warehouse()).read(D3).path("jobs").path("seller_scores");
    assertEquals("succeeded", entry.path("status").asText());
    assertEquals("incremental", entry.path("mode").asText());
    assertEquals(4, entry.path("outputs").path("seller_scores").asLong());
  }

  /** By hand from the rules (docs/seller-scores.md, revisions): see {@link #marketplace()}, s-rev. */
  @Test
  void revisionsMoveCreditAndDsrByTheRules() {
    Row onDay2 = score(daily, D2, "s-rev");
    // b8: rr1 -1 revised into the open positive window on x: 0 (+1); rr3 +1. b10: rr4 -1.
    assertEquals(0L, onDay2.<Long>getAs("credit_points"));
    assertEquals(1L, onDay2.<Long>getAs("ratings_deduplicated"));
    assertEquals(1L, onDay2.<Long>getAs("negative_ratings"));
    assertEquals(1L, onDay2.<Long>getAs("revised_ratings"));

    Row onDay3 = score(daily, D3, "s-rev");
    // + b9: rr2 0 -> +1; b10: rr4 -1 -> +1.
    assertEquals(3L, onDay3.<Long>getAs("credit_points"));
    assertEquals(3L, onDay3.<Long>getAs("positive_ratings"));
    assertEquals(0L, onDay3.<Long>getAs("neutral_ratings"));
    assertEquals(0L, onDay3.<Long>getAs("negative_ratings"));
    assertEquals(3L, onDay3.<Long>getAs("revised_ratings"));
    assertEquals(1.0, onDay3.<Double>getAs("positive_rate"), 1e-9);
    // DSR at the revised values, unchanged where the revision gives none: rr1 4, rr3 5, rr2 3, rr4 5.
    assertEquals(4L, onDay3.<Long>getAs("dsr_service_count"));
    assertEquals((4 + 5 + 3 + 5) / 4.0, onDay3.<Double>getAs("dsr_service"), 1e-9);
    assertEquals(3.0, onDay3.<Double>getAs("robust_credit_points"), 1e-9);

    // The ledger keeps each rating's own row and records each change on its revision's day.
    Dataset<Row> ledger = SparkWarehouse.open(spark, daily).read(ScoreTables.CREDIT_LEDGER, null, D3)
        .where(col("seller_id").equalTo("s-rev"));
    assertEquals(List.of("rr1 -1 counted -1 2026-11-01", "rr1 v1 0 duplicate_14d +1 2026-11-02",
            "rr2 0 counted +0 2026-11-03", "rr2 v2 1 counted +1 2026-11-03", "rr3 1 counted +1 2026-11-01",
            "rr4 -1 counted -1 2026-11-01", "rr4 v3 1 counted +2 2026-11-03"),
        ledger.collectAsList().stream().map(r -> r.getAs("rating_id")
            + (r.getAs("revision_id") == null ? "" : " " + r.getAs("revision_id")) + " " + r.getAs("credit_points")
            + " " + r.getAs("outcome") + " " + String.format("%+d", r.<Integer>getAs("credit_change")) + " "
            + r.getAs("ds")).sorted().toList());
  }

  @Test
  void aFullRecomputeGivesExactlyTheDailyRunsTables() {
    String recomputed = temp.resolve("recomputed").toString();
    marketplace().writeTo(spark, recomputed);
    JOB.run(spark, SellerScoresJob.Options.of(JobOptions.of(recomputed, D3), SellerScoresJob.Mode.RECOMPUTE));
    for (TableSchema table : List.of(ScoreTables.SELLER_SCORES, ScoreTables.CREDIT_MONTH_STATE, ScoreTables.CREDIT_ITEM_WINDOWS)) {
      assertSameRows(table(daily, table, D3), table(recomputed, table, D3), table.name());
    }
    assertSameRows(SparkWarehouse.open(spark, daily).read(ScoreTables.CREDIT_LEDGER, null, D3),
        SparkWarehouse.open(spark, recomputed).read(ScoreTables.CREDIT_LEDGER, null, D3), "credit_ledger");
  }

  @Test
  void flaggedRatingsAndRaterWeightsShapeTheRobustFigures() {
    String robust = temp.resolve("robust").toString();
    marketplace().writeTo(spark, robust);
    SparkWarehouse warehouse = SparkWarehouse.open(spark, robust);
    warehouse.writeDay(RatingTables.RATING_FLAGS, D2, RatingInputs.flag(spark, "rg0"));
    warehouse.writeDay(RatingTables.RATER_SCORES, D2, RatingInputs.rater(spark, "b2", 0.5));
    JOB.run(spark, SellerScoresJob.Options.of(JobOptions.of(robust, D3), SellerScoresJob.Mode.RECOMPUTE));
    Row good = score(robust, D3, "s-good");
    // b1: 6 counted, 1 flagged -> 5; b2: 0.5; b3: -1.
    assertEquals(4.5, good.<Double>getAs("robust_credit_points"), 1e-9);
    assertEquals(1L, good.<Long>getAs("flagged_ratings"));
    assertEquals(1.5, good.<Double>getAs("credit_gap"), 1e-9);
    assertEquals(5.5 / 6.5, good.<Double>getAs("robust_positive_rate"), 1e-6);
    assertEquals(6L, good.<Long>getAs("credit_points"), "shopper-facing credit ignores the detectors");
  }

  @Test
  void aBoughtRevisionCountsInTheRobustFiguresAsFirstGiven() {
    String robust = temp.resolve("bought").toString();
    marketplace().writeTo(spark, robust);
    SparkWarehouse.open(spark, robust).writeDay(RatingTables.RATING_FLAGS, D3, RatingInputs.flag(spark, "rr4", "bought_revision"));
    JOB.run(spark, SellerScoresJob.Options.of(JobOptions.of(robust, D3), SellerScoresJob.Mode.RECOMPUTE));
    Row rev = score(robust, D3, "s-rev");
    assertEquals(3L, rev.<Long>getAs("credit_points"), "shopper-facing credit follows the revision");
    // rr4 counts its first -1 and as a negative: rr3 +1, rr2 +1, rr4 -1.
    assertEquals(1.0, rev.<Double>getAs("robust_credit_points"), 1e-9);
    assertEquals(2.0 / 3, rev.<Double>getAs("robust_positive_rate"), 1e-6);
    assertEquals(2.0, rev.<Double>getAs("credit_gap"), 1e-9);
    assertEquals(1L, rev.<Long>getAs("flagged_ratings"));
  }

  @Test
  void aRunKilledMidWriteLeavesThePreviousPartitionsIntact() {
    String killed = temp.resolve("killed").toString();
    marketplace().writeTo(spark, killed);
    SellerScoresJob.Options options = SellerScoresJob.Options.of(JobOptions.of(killed, D1), SellerScoresJob.Mode.AUTO);
    JOB.run(spark, options);
    List<Row> before = table(killed, ScoreTables.CREDIT_LEDGER, D1).collectAsList();
    // A rating without a ratee slips into the day's input: the ledger write hits the null and dies.
    StructType ratings = SparkSchemas.of(org.chengxin.core.schema.EventTables.RATINGS);
    Row broken = RowFactory.create("rx", "tg0", "b1", null, "buyer_to_seller", "positive", null, null, null,
        java.sql.Timestamp.from(java.time.Instant.parse("2026-11-01T23:00:00Z")), false, true, "fixture", 1L);
    spark.createDataFrame(List.of(broken), nullableRatee(ratings))
        .write().mode("append").parquet(killed + "/ratings/ds=" + D1);
    assertThrows(Exception.class, () -> JOB.run(spark, options));
    assertSameRows(spark.createDataFrame(before, table(killed, ScoreTables.CREDIT_LEDGER, D1).schema()),
        table(killed, ScoreTables.CREDIT_LEDGER, D1), "credit_ledger after the failed run");
    assertEquals(4, table(killed, ScoreTables.SELLER_SCORES, D1).count());
    JsonNode entry = new RunSummaries(SparkWarehouse.open(spark, killed).warehouse()).read(D1).path("jobs").path("seller_scores");
    assertEquals("failed", entry.path("status").asText());
  }

  @Test
  void sparkLevelsAgreeWithTheRulesAtEveryBoundary() {
    List<Row> points = new ArrayList<>();
    for (int level = 1; level <= CreditLevels.TOP_LEVEL; level++) {
      points.add(RowFactory.create(CreditLevels.minimumPoints(level)));
      points.add(RowFactory.create(CreditLevels.minimumPoints(level) - 1));
    }
    StructType schema = new StructType().add("points", DataTypes.LongType);
    List<Row> levels = spark.createDataFrame(points, schema)
        .select(col("points"), SellerScores.levelOf(col("points")).as("level")).collectAsList();
    for (Row row : levels) {
      assertEquals(CreditLevels.levelOf(row.getLong(0)), row.getInt(1), "level at " + row.getLong(0));
    }
  }

  private static StructType nullableRatee(StructType ratings) {
    StructType out = new StructType();
    for (var field : ratings.fields()) {
      out = out.add(field.name(), field.dataType(), field.nullable() || field.name().equals("ratee_id"));
    }
    return out;
  }

  private static Dataset<Row> rows(TableSchema table, Row... rows) {
    return spark.createDataFrame(List.of(rows), SparkSchemas.of(table));
  }

  private static Dataset<Row> table(String root, TableSchema table, LocalDate day) {
    return SparkWarehouse.open(spark, root).read(table, day, day);
  }

  private static Row score(String root, LocalDate day, String seller) {
    List<Row> rows = table(root, ScoreTables.SELLER_SCORES, day).where(col("seller_id").equalTo(seller)).collectAsList();
    assertEquals(1, rows.size(), "one row for " + seller);
    return rows.get(0);
  }

  private static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String what) {
    assertEquals(0, expected.exceptAll(actual).count(), what + ": rows missing");
    assertEquals(0, actual.exceptAll(expected).count(), what + ": rows extra");
    assertEquals(expected.count(), actual.count(), what);
  }
}
