package org.chengxin.jobs.review;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.ReviewTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.jobs.SparkTestSession;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.chengxin.models.LabelledSeller;
import org.chengxin.models.RiskFeatures;
import org.chengxin.models.RiskModelStore;
import org.chengxin.models.RiskModelTrainer;
import org.chengxin.review.FlaggedSeller;
import org.chengxin.review.RecommendedAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * counterfeit_signals, seller_risk and review_queue on a hand-built market of one luxury brand:
 * two certified honest sellers at the usual price, one uncertified seller at the usual price, and
 * one uncertified seller at 6% of it with upheld counterfeit complaints.
 */
class ReviewJobsTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-07");
  private static final String BRAND = "castellane";
  private static final String HONEST_A = "s000001";
  private static final String HONEST_B = "s000002";
  private static final String UNCERTIFIED = "s000003";
  private static final String FAKES = "s000009";
  private static final String VERSION = "risk-20261101-000000";

  @TempDir static Path temp;
  private static SparkSession spark;
  private static String warehouse;
  private static Map<String, Row> signals;
  private static Map<String, Row> risk;
  private static List<Row> queue;

  @BeforeAll
  static void runTheReviewJobs() throws IOException {
    spark = SparkTestSession.start();
    warehouse = temp.resolve("warehouse").toString();
    writeMarket();
    Path models = temp.resolve("models");
    RiskModelTrainer.Settings settings = new RiskModelTrainer.Settings(10, 3, 0.5f, 5L, 0.3);
    new RiskModelStore(models).save(VERSION, new RiskModelTrainer(settings).train(trainingSellers(), "test"), settings, "test");

    JobOptions job = JobOptions.of(warehouse, DAY);
    new CounterfeitSignalsJob().run(spark, job);
    new SellerRiskJob().run(spark, new SellerRiskJob.Options(job, models));
    new ReviewQueueJob().run(spark, new ReviewQueueJob.Options(job, 0.5));
    SparkWarehouse tables = SparkWarehouse.open(spark, warehouse);
    signals = bySeller(tables.read(ReviewTables.COUNTERFEIT_SIGNALS, DAY, DAY).collectAsList());
    risk = bySeller(tables.read(ReviewTables.SELLER_RISK, DAY, DAY).collectAsList());
    queue = tables.read(ReviewTables.REVIEW_QUEUE, DAY, DAY).collectAsList();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void uncertifiedCheapLuxurySalesWithUpheldComplaintsMakeACounterfeitSuspect() {
    Row fakes = signals.get(FAKES);
    assertEquals(6L, fakes.<Long>getAs("luxury_trades"));
    assertEquals(6L, fakes.<Long>getAs("uncertified_trades"));
    assertEquals(6L, fakes.<Long>getAs("underpriced_trades"));
    assertEquals(3L, fakes.<Long>getAs("counterfeit_complaints"));
    assertEquals(2L, fakes.<Long>getAs("upheld_counterfeit_complaints"));
    assertEquals(List.of(BRAND), fakes.getList(fakes.fieldIndex("certificate_gaps")));
    assertEquals(List.of("c000000001", "c000000002"), fakes.getList(fakes.fieldIndex("complaint_ids")));
    assertTrue(fakes.<Boolean>getAs("suspected"));
  }

  @Test
  void aVerifiedCertificateCoversTheBrandAndAnUncertifiedFullPriceSellerIsOnlyASignal() {
    Row honest = signals.get(HONEST_A);
    assertEquals(0L, honest.<Long>getAs("uncertified_trades"));
    assertEquals(0L, honest.<Long>getAs("underpriced_trades"));
    assertFalse(honest.<Boolean>getAs("suspected"));
    // HONEST_B's latest certificate is verified after an earlier rejection.
    assertEquals(0L, signals.get(HONEST_B).<Long>getAs("uncertified_trades"));
    Row uncertified = signals.get(UNCERTIFIED);
    assertEquals(1.0, uncertified.<Double>getAs("uncertified_share"));
    assertEquals(0L, uncertified.<Long>getAs("underpriced_trades"));
    assertFalse(uncertified.<Boolean>getAs("suspected"));
  }

  @Test
  void everySellerIsScoredByTheLatestModelWhichTheRunSummaryRecords() {
    assertEquals(4, risk.size());
    risk.values().forEach(r -> assertEquals(VERSION, r.getAs("model_version")));
    assertTrue(risk.get(FAKES).<Double>getAs("risk") > 0.5, "fakes: " + risk.get(FAKES));
    assertTrue(risk.get(HONEST_A).<Double>getAs("risk") < 0.5, "honest: " + risk.get(HONEST_A));
    assertEquals(VERSION, new RunSummaries(SparkWarehouse.open(spark, warehouse).warehouse()).read(DAY)
        .path("jobs").path(SellerRiskJob.NAME).path("model_version").asText());
  }

  @Test
  void theQueueHoldsTheSuspectWithReasonsEvidenceAndTheCertificateDemand() {
    assertEquals(List.of(FAKES), queue.stream().map(r -> r.<String>getAs("seller_id")).toList());
    List<FlaggedSeller> flagged = ReviewQueueSync.flaggedSellers(queue);
    FlaggedSeller fakes = flagged.get(0);
    assertEquals(RecommendedAction.DEMAND_CERTIFICATES, fakes.recommendedAction());
    assertEquals(List.of(BRAND), fakes.evidence().certificateGaps());
    assertEquals(List.of("c000000001", "c000000002"), fakes.evidence().complaintIds());
    assertEquals(DAY, fakes.firstFlagged());
    assertEquals(DAY, fakes.lastFlagged());
    assertEquals("bags_accessories", fakes.category(), "the category of the seller's trades, carried to the case");
    assertEquals("100% of 6 luxury sales without a verified certificate (brands: castellane)", fakes.reasons().get(0));
    Row row = queue.get(0);
    assertEquals(row.<Double>getAs("risk") * row.<Double>getAs("exposure"), fakes.priority(), 1e-9);
    assertEquals(6L, row.<Long>getAs("trades"));
    assertEquals(2L, row.<Long>getAs("complaints"));
  }

  /** Fraud shows in uncertified, underpriced luxury sales. */
  private static List<LabelledSeller> trainingSellers() {
    List<LabelledSeller> sellers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double[] f = new double[RiskFeatures.NAMES.size()];
      boolean fraud = i % 10 == 0;
      f[RiskFeatures.index("uncertified_share")] = fraud ? 1.0 : (i % 10 == 1 ? 1.0 : 0.0);
      f[RiskFeatures.index("underpriced_share")] = fraud ? 0.8 + 0.002 * i : 0.0;
      f[RiskFeatures.index("trades")] = 5 + i % 7;
      sellers.add(new LabelledSeller(String.format("t%04d", i), f, fraud));
    }
    return sellers;
  }

  private static void writeMarket() {
    List<Row> trades = new ArrayList<>();
    int[] id = {0};
    Function<String, String> next = prefix -> String.format("%s%010d", prefix, ++id[0]);
    for (int i = 0; i < 10; i++) {
      trades.add(trade(next.apply("t"), HONEST_A, 2_400_000L + 10_000L * i, "2026-11-0" + (1 + i % 6) + "T10:00:00Z"));
      trades.add(trade(next.apply("t"), HONEST_B, 2_450_000L + 10_000L * i, "2026-11-0" + (1 + i % 6) + "T11:00:00Z"));
    }
    for (int i = 0; i < 4; i++) {
      trades.add(trade(next.apply("t"), UNCERTIFIED, 2_420_000L + 20_000L * i, "2026-11-05T09:00:00Z"));
    }
    List<String> fakeTrades = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String tradeId = next.apply("t");
      fakeTrades.add(tradeId);
      trades.add(trade(tradeId, FAKES, 150_000L, "2026-11-0" + (1 + i) + "T12:00:00Z"));
    }
    write(EventTables.TRADES, trades);
    write(EventTables.CERTIFICATES, List.of(
        certificate("cert0000001", HONEST_A, "verified", "2026-10-20T08:00:00Z"),
        certificate("cert0000002", HONEST_B, "rejected", "2026-10-21T08:00:00Z"),
        certificate("cert0000003", HONEST_B, "verified", "2026-10-25T08:00:00Z"),
        certificate("cert0000004", FAKES, "missing", "2026-10-22T08:00:00Z")));
    write(EventTables.COMPLAINTS, List.of(
        complaint("c000000001", fakeTrades.get(0), "upheld", "2026-11-04T08:00:00Z"),
        complaint("c000000002", fakeTrades.get(1), "upheld", "2026-11-05T08:00:00Z"),
        complaint("c000000003", fakeTrades.get(2), "rejected", "2026-11-06T08:00:00Z")));
  }

  private static Row trade(String tradeId, String seller, long price, String created) {
    Timestamp at = ts(created);
    return RowFactory.create(tradeId, "b" + tradeId.substring(5), seller, "i" + seller.substring(1) + "-1", "bags_accessories",
        BRAND, price, "CNY", 1, at, at, at, Timestamp.from(at.toInstant().plusSeconds(86_400)), "completed",
        "dev", "ip", "addr", "fixture", 1L);
  }

  private static Row certificate(String id, String seller, String status, String recorded) {
    return RowFactory.create(id, seller, BRAND, status, ts(recorded), "fixture", 1L);
  }

  private static Row complaint(String id, String tradeId, String outcome, String filed) {
    return RowFactory.create(id, tradeId, "b" + tradeId.substring(5), FAKES, "counterfeit", "high", ts(filed),
        ts(filed), outcome, 0L, "CNY", true, "fixture", 1L);
  }

  /** Writes rows into the partition of their event day (the table's time column). */
  private static void write(TableSchema table, List<Row> rows) {
    SparkWarehouse tables = SparkWarehouse.open(spark, warehouse);
    int timeAt = table.indexOf(switch (table.name()) {
      case "trades" -> "created_at";
      case "certificates" -> "recorded_at";
      default -> "filed_at";
    });
    Map<LocalDate, List<Row>> byDay = rows.stream().collect(Collectors.groupingBy(
        r -> LocalDate.ofInstant(r.getTimestamp(timeAt).toInstant(), java.time.ZoneOffset.UTC)));
    byDay.forEach((day, ofDay) -> tables.writeDay(table, day, spark.createDataFrame(ofDay, SparkSchemas.of(table))));
  }

  private static Map<String, Row> bySeller(List<Row> rows) {
    return rows.stream().collect(Collectors.toMap(r -> r.getAs("seller_id"), r -> r));
  }

  private static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }
}
