package org.chengxin.jobs.dissatisfaction;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.schema.DissatisfactionTables;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.jobs.SparkTestSession;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.chengxin.stats.ReportingDelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the dissatisfaction job on a warehouse of a few trades and complaints built in code, with
 * every count known: window boundaries, a complaint upheld on a cancelled trade, a pending one, a
 * rejected one, a complaint on a trade older than every window, and a seller without complaints.
 */
class DissatisfactionJobTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 31);
  private static final double TOLERANCE = 1e-6;

  @TempDir static Path temp;
  private static SparkSession spark;
  private static SparkWarehouse warehouse;
  /** Output rows by "scope/scope_id/window_days". */
  private static final Map<String, Row> ROWS = new HashMap<>();

  private static final List<Row> TRADES = new ArrayList<>();
  private static final List<Row> COMPLAINTS = new ArrayList<>();

  @BeforeAll
  static void runJob() {
    spark = SparkTestSession.start();
    warehouse = SparkWarehouse.open(spark, temp.resolve("warehouse").toString());
    // s-a (books): every window boundary.
    trade("t1", "s-a", "books", 0, "completed").complaint("c1", "t1", 0, "upheld");
    trade("t2", "s-a", "books", 0, "completed");
    trade("t3", "s-a", "books", 6, "completed"); // last day of the 7-day window
    trade("t4", "s-a", "books", 7, "completed").complaint("c4", "t4", 4, "upheld"); // first day outside it
    trade("t7", "s-a", "books", 29, "refunded"); // not completed, no upheld complaint: not a trade
    trade("t5", "s-a", "books", 30, "cancelled").complaint("c5", "t5", 28, "upheld"); // upheld on a cancelled trade
    trade("t8", "s-a", "books", 1, "disputed").complaint("c8", "t8", 0, "pending");
    trade("t6", "s-a", "books", 90, "completed").complaint("c6", "t6", 85, "upheld"); // older than every window
    // s-zero (books): three clean trades and a rejected complaint.
    for (int i = 0; i < 3; i++) {
      trade("z" + i, "s-zero", "books", 2, "completed");
    }
    complaint("cz", "z0", 1, "rejected");
    // s-toy (toys): one upheld of four in the quarter.
    for (int i = 0; i < 4; i++) {
      trade("y" + i, "s-toy", "toys", 40 + i, "completed");
    }
    complaint("cy", "y0", 35, "upheld");
    write(EventTables.TRADES, TRADES, "created_at");
    write(EventTables.COMPLAINTS, COMPLAINTS, "filed_at");

    new DissatisfactionJob().run(spark, DissatisfactionJob.Options.of(JobOptions.of(warehouse.warehouse().root(), DAY)));
    for (Row r : warehouse.read(DissatisfactionTables.DISSATISFACTION, DAY, DAY).collectAsList()) {
      ROWS.put(r.getAs("scope") + "/" + r.getAs("scope_id") + "/" + r.getAs("window_days"), r);
    }
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void everyScopeHasEveryWindow() {
    // platform + books + toys + 3 sellers, 4 windows each
    assertEquals(6 * 4, ROWS.size());
    assertEquals("books", row("seller/s-a/90").getAs("category"));
    assertNull(row("platform/platform/1").getAs("category"));
    assertEquals(java.sql.Date.valueOf("2026-12-25"), row("seller/s-a/7").getAs("window_start"));
  }

  @Test
  void countsFollowTradeTimeAndTheDefinition() {
    assertCounts("seller/s-a/1", 2, 1, 0);
    assertCounts("seller/s-a/7", 3, 1, 1); // pending on the disputed trade, never as upheld or trade
    assertCounts("seller/s-a/30", 4, 2, 1); // the refunded trade without complaint is not counted
    assertCounts("seller/s-a/90", 5, 3, 1); // the cancelled trade with an upheld complaint is; t6 is too old
    assertCounts("seller/s-zero/7", 3, 0, 0); // the rejected complaint counts nowhere
    assertCounts("category/books/90", 8, 3, 1);
    assertCounts("platform/platform/90", 12, 4, 1);
    assertCounts("platform/platform/1", 2, 1, 0);
  }

  @Test
  void intervalsMatchReferenceValues() {
    Row oneOfTwo = row("seller/s-a/1");
    assertEquals(0.5, value(oneOfTwo, "rate"), TOLERANCE);
    // R: binom.test(1, 2)$conf.int
    assertEquals(0.01257912, value(oneOfTwo, "clopper_pearson_lower"), 1e-7);
    assertEquals(0.98742088, value(oneOfTwo, "clopper_pearson_upper"), 1e-7);
    // Jeffreys: qbeta(c(.025, .975), 1.5, 1.5)
    assertEquals(0.06083028, value(oneOfTwo, "jeffreys_lower"), 1e-7);
    assertEquals(0.93916972, value(oneOfTwo, "jeffreys_upper"), 1e-7);

    Row clean = row("seller/s-zero/7");
    assertEquals(0, value(clean, "rate"));
    assertEquals(0, value(clean, "clopper_pearson_lower"));
    assertEquals(1 - Math.pow(0.025, 1.0 / 3), value(clean, "clopper_pearson_upper"), 1e-12);
    assertFalse(clean.<Boolean>getAs("target_met"));
    assertEquals(299_572 - 3, count(clean, "clean_trades_needed"), "zero complaints need 299,572 clean trades in all");
  }

  @Test
  void aWindowWithoutTradesHasNoRateAndTheWholeInterval() {
    Row none = row("seller/s-zero/1");
    assertEquals(0, count(none, "trades"));
    assertNull(none.getAs("rate"));
    assertEquals(0, value(none, "clopper_pearson_lower"));
    assertEquals(1, value(none, "clopper_pearson_upper"));
    assertEquals(299_572, count(none, "clean_trades_needed"));
  }

  @Test
  void sellersAreShrunkAndRankableScopesAreNot() {
    Row clean = row("seller/s-zero/90");
    Row bad = row("seller/s-a/90");
    assertNotNull(clean.getAs("shrunk_rate"));
    assertTrue(value(clean, "shrunk_rate") > 0, "a clean seller's estimate is pulled up toward the prior");
    assertTrue(value(bad, "shrunk_rate") < 3.0 / count(bad, "matured_trades"), "3 of 3 matured is pulled toward the prior");
    assertTrue(value(clean, "shrunk_rate") < value(bad, "shrunk_rate"));
    assertTrue(value(bad, "shrunk_lower") <= value(bad, "shrunk_rate") && value(bad, "shrunk_rate") <= value(bad, "shrunk_upper"));
    assertNotNull(bad.getAs("p_below_target_prior"));
    Row platform = row("platform/platform/90");
    assertNull(platform.getAs("p_below_target_prior"));
    assertNull(platform.getAs("shrunk_rate"));
    assertNotNull(platform.getAs("rate_without_flagged"), "attribution columns are on platform rows");
    assertEquals(0, count(platform, "flagged_trades"), "no detector table exists: nobody is flagged");
    assertEquals(4.0 / 12, value(platform, "rate_without_flagged"), TOLERANCE);
  }

  @Test
  void sellersAreEstimatedOnTheTradesWhoseComplaintsHadTimeToArrive() {
    // Complaint delays seen (trade age, days to filing): (0,0) (1,1) (2,1) (7,3) (30,2) (40,5); the
    // chain ladder gives the share filed by age 0..5 as 0, 1/6, 1/3, 2/3, 2/3, 1.
    assertEquals(1, count(row("seller/s-zero/90"), "matured_trades"), "3 trades aged 2 days count as 1");
    assertEquals(3, count(row("seller/s-a/90"), "matured_trades"), "t1, t2 (age 0) count 0; t3, t4, t5 in full");
    assertEquals(1, count(row("seller/s-a/1"), "matured_trades"), "never below the upheld count");
    assertEquals(5, count(row("seller/s-a/90"), "trades"), "trades and the point rate stay as defined");
    JsonNode entry = new RunSummaries(warehouse.warehouse()).read(DAY).path("jobs").path(DissatisfactionJob.NAME);
    assertTrue(entry.path("reporting_delay").asText().startsWith("complaints filed by age 0..5 days: 0.000 0.167"),
        entry.toString());
  }

  @Test
  void aCounterfeitFlagOutranksBoostingFlagsOfTheSameSeller() {
    StructType flagSchema =
        new StructType().add("seller_id", DataTypes.StringType).add(FlaggedSellers.FLAG_KIND, DataTypes.StringType);
    Dataset<Row> flags = spark.createDataFrame(List.of(
        RowFactory.create("s-both", FlaggedSellers.BOOSTING),
        RowFactory.create("s-both", FlaggedSellers.COUNTERFEIT),
        RowFactory.create("s-both", FlaggedSellers.BOOSTING),
        RowFactory.create("s-ring", FlaggedSellers.BOOSTING),
        RowFactory.create("s-ring", FlaggedSellers.BOOSTING),
        RowFactory.create("s-fake", FlaggedSellers.COUNTERFEIT)), flagSchema);
    java.util.Map<String, String> kinds = FlaggedSellers.oneKindPerSeller(flags).collectAsList().stream()
        .collect(java.util.stream.Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
    assertEquals(java.util.Map.of("s-both", FlaggedSellers.COUNTERFEIT, "s-ring", FlaggedSellers.BOOSTING,
        "s-fake", FlaggedSellers.COUNTERFEIT), kinds);
  }

  @Test
  void flaggedSellersAreSetApart() {
    Dataset<Row> flagged = spark.createDataFrame(List.of(RowFactory.create("s-toy", FlaggedSellers.COUNTERFEIT)),
        new StructType().add("seller_id", DataTypes.StringType).add(FlaggedSellers.FLAG_KIND, DataTypes.StringType));
    Dataset<Row> daily = DissatisfactionCounts.daily(
        warehouse.read(EventTables.TRADES, null, DAY), warehouse.read(EventTables.COMPLAINTS, null, DAY), flagged);
    Dataset<Row> windows = DissatisfactionCounts.withFlagKinds(DissatisfactionCounts.scopeWindows(daily, DAY, ReportingDelay.NONE), flagged);
    assertEquals(List.of(FlaggedSellers.COUNTERFEIT), windows.filter(col("scope_id").equalTo("s-toy"))
        .select(FlaggedSellers.FLAG_KIND).distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertEquals(0, windows.filter(col("scope_id").notEqual("s-toy").and(col(FlaggedSellers.FLAG_KIND).isNotNull())).count());
    Row platform = windows
        .filter(col("scope").equalTo("platform").and(col("window_days").equalTo(90)))
        .mapPartitions(new ScopeStatistics(null), org.apache.spark.sql.Encoders.row(
            SparkSchemas.of(DissatisfactionTables.DISSATISFACTION)))
        .collectAsList().get(0);
    assertEquals(4, count(platform, "flagged_trades"));
    assertEquals(1, count(platform, "flagged_upheld"));
    assertEquals(3.0 / 8, value(platform, "rate_without_flagged"), TOLERANCE); // rate without s-toy
    assertEquals(0.25, value(platform, "flagged_complaint_share"), TOLERANCE); // complaint share
    assertEquals(1 - 4 * 3.0 / 8, value(platform, "excess_complaints"), TOLERANCE); // excess complaints
  }

  @Test
  void trendHasThePlatformAndEveryCategoryAndTheRunIsRecorded() {
    List<Row> trend = warehouse.read(DissatisfactionTables.DISSATISFACTION_TREND, DAY, DAY).collectAsList();
    assertEquals(3, trend.size());
    for (Row r : trend) {
      assertEquals(java.sql.Date.valueOf("2026-12-17"), r.getAs("last_day"), "the newest 14 days are left out");
      double p = value(r, "p_value_falling");
      assertTrue(p >= 0 && p <= 1);
    }
    JsonNode entry = new RunSummaries(warehouse.warehouse()).read(DAY).path("jobs").path(DissatisfactionJob.NAME);
    assertEquals("succeeded", entry.path("status").asText());
    assertEquals(24, entry.path("outputs").path("dissatisfaction").asLong());
    assertEquals("none", entry.path("flag_sources").asText());
  }

  private static void assertCounts(String key, long trades, long upheld, long pending) {
    Row r = row(key);
    assertEquals(trades, count(r, "trades"), key + " trades");
    assertEquals(upheld, count(r, "upheld"), key + " upheld");
    assertEquals(pending, count(r, "pending"), key + " pending");
  }

  private static double value(Row r, String column) {
    return r.<Double>getAs(column);
  }

  private static long count(Row r, String column) {
    return r.<Long>getAs(column);
  }

  private static Row row(String key) {
    Row r = ROWS.get(key);
    assertNotNull(r, "no row " + key);
    return r;
  }

  /** A trade created {@code daysAgo} days before the run day, at noon UTC. */
  private static Fixture trade(String tradeId, String seller, String category, int daysAgo, String status) {
    Timestamp created = noon(daysAgo);
    TRADES.add(RowFactory.create(tradeId, "b-" + tradeId, seller, "i-" + tradeId, category, null, 1_000L, "CNY", 1,
        created, created, created, status.equals("completed") ? created : null, status, "dev", "ip", "addr", "fixture", 1L));
    return new Fixture();
  }

  /** A complaint filed {@code daysAgo} days before the run day. */
  private static void complaint(String complaintId, String tradeId, int daysAgo, String outcome) {
    Timestamp filed = noon(daysAgo);
    COMPLAINTS.add(RowFactory.create(complaintId, tradeId, "b-" + tradeId, "seller", "not_as_described", "medium", filed,
        outcome.equals("pending") ? null : filed, outcome, 0L, "CNY", true, "fixture", 1L));
  }

  /** Lets a complaint follow its trade on one line. */
  private static final class Fixture {
    Fixture complaint(String complaintId, String tradeId, int daysAgo, String outcome) {
      DissatisfactionJobTest.complaint(complaintId, tradeId, daysAgo, outcome);
      return this;
    }
  }

  private static Timestamp noon(int daysAgo) {
    return Timestamp.from(DAY.minusDays(daysAgo).atTime(12, 0).toInstant(ZoneOffset.UTC));
  }

  /** All of a table's day partitions in one Spark job (ds = the event's UTC day, as ingest writes them). */
  private static void write(TableSchema table, List<Row> rows, String timeColumn) {
    warehouse.writeDays(table, DAY, spark.createDataFrame(rows, SparkSchemas.of(table))
        .withColumn(TableSchema.PARTITION_COLUMN, to_date(col(timeColumn))));
  }

}
