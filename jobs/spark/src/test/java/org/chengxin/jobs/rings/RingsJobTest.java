package org.chengxin.jobs.rings;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.RingTables;
import org.chengxin.core.schema.ScoreTables;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.graph.rings.RingOptions;
import org.chengxin.jobs.SparkTestSession;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.chengxin.jobs.scores.SellerScoresJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rings, then seller_scores, on one day of a small market built in code: a popular honest seller
 * with many one-off buyers, small honest sellers, and one planted ring of two sellers whose buyers
 * order cheap items in hourly bursts, confirm at once, rate five-star, share devices and buy once
 * from the popular seller as camouflage.
 */
class RingsJobTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static final Instant MORNING = Instant.parse("2026-11-01T08:00:00Z");
  private static final String POPULAR = "s-popular";
  private static final int POPULAR_BUYERS = 400;
  private static final int SMALL_SELLERS = 20;
  private static final int SMALL_SELLER_BUYERS = 8;
  private static final List<String> RING_SELLERS = List.of("r-s1", "r-s2");
  private static final int RING_BUYERS = 12;
  private static final int RING_ROUNDS = 4;
  private static final long HONEST_PRICE = 9_900L;
  private static final long RING_PRICE = 2_500L;

  @TempDir static Path temp;
  private static SparkSession spark;
  private static String root;

  @BeforeAll
  static void runRingsThenScores() {
    spark = SparkTestSession.start();
    root = temp.resolve("warehouse").toString();
    new Market().writeTo(spark, root);
    JobOptions job = JobOptions.of(root, DAY);
    new RingsJob().run(spark, RingsJob.Options.of(job));
    new SellerScoresJob().run(spark, SellerScoresJob.Options.of(job, SellerScoresJob.Mode.RECOMPUTE));
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void thePlantedRingIsFoundAndThePopularSellerIsNot() {
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root);
    List<Row> rings = warehouse.read(RingTables.RINGS, DAY, DAY).collectAsList();
    assertEquals(1, rings.size(), "one ring");
    Row ring = rings.get(0);
    assertEquals(RING_SELLERS, ring.getList(ring.fieldIndex("seller_ids")));
    assertEquals(RING_BUYERS, ring.<Long>getAs("buyer_count"));
    assertEquals((long) RING_BUYERS * RING_SELLERS.size() * RING_ROUNDS, ring.<Long>getAs("ring_trades"));
    assertTrue(ring.<Double>getAs("suspiciousness") >= 0.35);

    assertEquals(plantedAccounts(), memberIds(warehouse), "exactly the planted accounts, the popular seller not among them");

    JsonNode entry = new RunSummaries(warehouse.warehouse()).read(DAY).path("jobs").path(RingsJob.NAME);
    assertEquals("succeeded", entry.path("status").asText());
    assertEquals("1", entry.path("rings_found").asText());
    assertEquals(String.valueOf(RING_BUYERS), entry.path("ring_buyers").asText());
    assertEquals(plantedAccounts().size(), entry.path("outputs").path("ring_members").asLong());
  }

  @Test
  void manyBlocksWriteTheSameRingsAsOneBlock() {
    // At most 40 edges a block, the market's 600-odd edges are peeled over 15 blocks.
    String manyRoot = temp.resolve("many-blocks").toString();
    new Market().writeTo(spark, manyRoot);
    new RingsJob().run(spark, new RingsJob.Options(JobOptions.of(manyRoot, DAY), RingsJob.Options.DEFAULT_HISTORY_DAYS, 40,
        RingOptions.DEFAULT_MIN_DENSITY));
    SparkWarehouse oneBlock = SparkWarehouse.open(spark, root);
    SparkWarehouse manyBlocks = SparkWarehouse.open(spark, manyRoot);
    for (var table : List.of(RingTables.RINGS, RingTables.RING_MEMBERS)) {
      assertEquals(rows(oneBlock.read(table, DAY, DAY)), rows(manyBlocks.read(table, DAY, DAY)), table.toString());
    }
    JsonNode entry = new RunSummaries(manyBlocks.warehouse()).read(DAY).path("jobs").path(RingsJob.NAME);
    assertEquals("40", entry.path("ring_max_edges_per_block").asText());
  }

  @Test
  void withoutTradesOrRatingsTheSnapshotsAreEmptyAndSaySo() {
    String nothing = temp.resolve("no-events").toString();
    new RingsJob().run(spark, RingsJob.Options.of(JobOptions.of(nothing, DAY)));
    SparkWarehouse warehouse = SparkWarehouse.open(spark, nothing);
    assertEquals(0, warehouse.read(RingTables.RINGS, DAY, DAY).count());
    assertEquals(0, warehouse.read(RingTables.RING_MEMBERS, DAY, DAY).count());
    JsonNode entry = new RunSummaries(warehouse.warehouse()).read(DAY).path("jobs").path(RingsJob.NAME);
    assertEquals("succeeded", entry.path("status").asText());
    assertEquals("empty: no trades or ratings in the window", entry.path("ring_graph").asText());
    assertEquals("0", entry.path("rings_found").asText());
  }

  @Test
  void withoutTradesTheRingIsFoundFromItsRatings() {
    // An imported rating history: the same market's ratings, every honest trade rated too, no trade.
    String ratingsOnly = temp.resolve("ratings-only").toString();
    new Market().writeRatingsOnly(spark, ratingsOnly, true);
    new RingsJob().run(spark, RingsJob.Options.of(JobOptions.of(ratingsOnly, DAY)));
    SparkWarehouse warehouse = SparkWarehouse.open(spark, ratingsOnly);

    List<Row> rings = warehouse.read(RingTables.RINGS, DAY, DAY).collectAsList();
    assertEquals(1, rings.size(), "one ring");
    assertEquals(RING_SELLERS, rings.get(0).getList(rings.get(0).fieldIndex("seller_ids")));
    assertEquals((long) RING_BUYERS * RING_SELLERS.size() * RING_ROUNDS, rings.get(0).<Long>getAs("ring_trades"), "its ratings");
    assertTrue(rings.get(0).<String>getAs("reason").contains("linked by ratings"), rings.get(0).<String>getAs("reason"));
    assertEquals(plantedAccounts(), memberIds(warehouse), "exactly the planted accounts, the popular seller not among them");
    JsonNode entry = new RunSummaries(warehouse.warehouse()).read(DAY).path("jobs").path(RingsJob.NAME);
    assertEquals("ratings: no trades in the window, ratings stand for them", entry.path("ring_graph").asText());
  }

  @Test
  void ratingsWithoutDetailedScoresCannotShowBoostingAndAreNotSearched() {
    // Imported from another system: the same ratings, no trade, no detailed (five-star) scores.
    String imported = temp.resolve("imported").toString();
    new Market().writeRatingsOnly(spark, imported, false);
    new RingsJob().run(spark, RingsJob.Options.of(JobOptions.of(imported, DAY)));
    SparkWarehouse warehouse = SparkWarehouse.open(spark, imported);
    assertEquals(0, warehouse.read(RingTables.RINGS, DAY, DAY).count());
    JsonNode entry = new RunSummaries(warehouse.warehouse()).read(DAY).path("jobs").path(RingsJob.NAME);
    assertEquals("empty: no trades, and no rating in the window is all five-star", entry.path("ring_graph").asText());
  }

  /** Rows as sorted strings, doubles rounded to 9 places (sums in another order differ in the last digit). */
  private static List<String> rows(org.apache.spark.sql.Dataset<Row> table) {
    return table.collectAsList().stream()
        .map(r -> java.util.stream.IntStream.range(0, r.size())
            .mapToObj(i -> r.get(i) instanceof Double d ? String.format("%.9f", d) : String.valueOf(r.get(i)))
            .collect(java.util.stream.Collectors.joining("|")))
        .sorted().toList();
  }

  @Test
  void robustReputationStopsCountingRatingsInsideTheRing() {
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root);
    for (String seller : RING_SELLERS) {
      Row scores = warehouse.read(ScoreTables.SELLER_SCORES, DAY, DAY).filter(col("seller_id").equalTo(seller)).first();
      assertEquals((long) RING_BUYERS * RING_ROUNDS, scores.<Long>getAs("credit_points"), "shoppers still see the boost");
      assertEquals(0.0, scores.<Double>getAs("robust_credit_points"), 1e-9);
      assertEquals(RING_BUYERS * RING_ROUNDS, scores.<Double>getAs("credit_gap"), 1e-9);
    }
    // Ring buyers' ratings of a seller outside their ring still count.
    Row popular = warehouse.read(ScoreTables.SELLER_SCORES, DAY, DAY).filter(col("seller_id").equalTo(POPULAR)).first();
    assertEquals(RING_BUYERS, popular.<Long>getAs("credit_points"));
    assertEquals(RING_BUYERS, popular.<Double>getAs("robust_credit_points"), 1e-9);
  }

  private static Set<String> plantedAccounts() {
    Set<String> planted = new TreeSet<>(RING_SELLERS);
    for (int b = 0; b < RING_BUYERS; b++) {
      planted.add(ringBuyer(b));
    }
    return planted;
  }

  private static Set<String> memberIds(SparkWarehouse warehouse) {
    Set<String> members = new TreeSet<>();
    warehouse.read(RingTables.RING_MEMBERS, DAY, DAY).collectAsList().forEach(r -> members.add(r.getAs("account_id")));
    return members;
  }

  private static String ringBuyer(int b) {
    return String.format("r-b%02d", b);
  }

  /** The market's trades and buyer_to_seller ratings, all on {@link #DAY}. */
  private static final class Market {
    private final List<Row> trades = new ArrayList<>();
    private final List<Row> ratings = new ArrayList<>();
    /** Ratings of the honest trades, written only by {@link #writeRatingsOnly}: the market's ordinary scores. */
    private final List<Row> honestRatings = new ArrayList<>();

    Market() {
      for (int b = 0; b < POPULAR_BUYERS; b++) {
        honestTrade("h" + b, POPULAR, MORNING.plus(Duration.ofSeconds(37L * b)));
      }
      for (int s = 0; s < SMALL_SELLERS; s++) {
        for (int b = 0; b < SMALL_SELLER_BUYERS; b++) {
          honestTrade("h-" + s + "-" + b, "s-small" + s, MORNING.plus(Duration.ofMinutes(11L * s + b)));
        }
      }
      for (int b = 0; b < RING_BUYERS; b++) {
        String buyer = ringBuyer(b);
        // Two devices for the whole ring; each buyer its own IP and address.
        String device = "ring-device-" + (b % 2);
        for (int round = 0; round < RING_ROUNDS; round++) {
          for (int s = 0; s < RING_SELLERS.size(); s++) {
            Instant at = MORNING.plus(Duration.ofHours(2L * round)).plus(Duration.ofMinutes(2L * b + s));
            String tradeId = trade(buyer, RING_SELLERS.get(s), RING_PRICE, at, Duration.ofMinutes(10), device);
            fiveStar(tradeId, buyer, RING_SELLERS.get(s), at.plus(Duration.ofHours(1)));
          }
        }
        Instant camouflage = MORNING.plus(Duration.ofHours(9)).plus(Duration.ofMinutes(b));
        String tradeId = trade(buyer, POPULAR, HONEST_PRICE, camouflage, Duration.ofMinutes(10), device);
        fiveStar(tradeId, buyer, POPULAR, camouflage.plus(Duration.ofHours(1)));
      }
    }

    private void honestTrade(String buyer, String seller, Instant at) {
      String tradeId = trade(buyer, seller, HONEST_PRICE, at, Duration.ofDays(3), "device-" + buyer);
      int service = trades.size() % 3 == 0 ? 5 : 4;
      honestRatings.add(RowFactory.create("r" + tradeId, tradeId, buyer, seller, "buyer_to_seller", "positive", 5, service, 5,
          Timestamp.from(at.plus(Duration.ofHours(5))), false, true, "fixture", (long) honestRatings.size()));
    }

    private String trade(String buyer, String seller, long price, Instant created, Duration toConfirm, String device) {
      String tradeId = "t" + trades.size();
      Timestamp at = Timestamp.from(created);
      trades.add(RowFactory.create(tradeId, buyer, seller, "item-" + tradeId, "womens_apparel", null, price, "CNY", 1,
          at, at, at, Timestamp.from(created.plus(toConfirm)), "completed", device, "ip-" + buyer, "address-" + buyer,
          "fixture", (long) trades.size()));
      return tradeId;
    }

    private void fiveStar(String tradeId, String buyer, String seller, Instant at) {
      ratings.add(RowFactory.create("r" + tradeId, tradeId, buyer, seller, "buyer_to_seller", "positive", 5, 5, 5,
          Timestamp.from(at), false, true, "fixture", (long) ratings.size()));
    }

    void writeTo(SparkSession spark, String root) {
      SparkWarehouse warehouse = SparkWarehouse.open(spark, root);
      warehouse.writeDay(EventTables.TRADES, DAY, spark.createDataFrame(trades, SparkSchemas.of(EventTables.TRADES)));
      warehouse.writeDay(EventTables.RATINGS, DAY, spark.createDataFrame(ratings, SparkSchemas.of(EventTables.RATINGS)));
    }

    /**
     * Every rating, the honest trades' too, and no trade: a rating history imported from elsewhere,
     * with its detailed scores or (as most imports) without.
     */
    void writeRatingsOnly(SparkSession spark, String root, boolean detailedScores) {
      List<Row> all = new ArrayList<>();
      for (Row rating : java.util.stream.Stream.concat(ratings.stream(), honestRatings.stream()).toList()) {
        Object[] values = new Object[rating.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = !detailedScores && i >= 6 && i <= 8 ? null : rating.get(i);
        }
        all.add(RowFactory.create(values));
      }
      SparkWarehouse.open(spark, root).writeDay(EventTables.RATINGS, DAY, spark.createDataFrame(all, SparkSchemas.of(EventTables.RATINGS)));
    }
  }
}
