package org.chengxin.graph.rings;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.graph.fraudar.BipartiteGraph;
import org.chengxin.graph.fraudar.Block;
import org.chengxin.graph.fraudar.GreedyPeeler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RingDetectionTest {

  private static SparkSession spark;
  private static SyntheticMarket market;
  private static RingResult result;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("RingDetectionTest")
        .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
        // Tiny data, many small queries: compiling generated code costs more than it saves.
        .config("spark.sql.codegen.wholeStage", "false").config("spark.sql.adaptive.enabled", "false")
        .getOrCreate();
    market = new SyntheticMarket(42, 8_000, 5);
    result = new RingDetection(RingOptions.defaults(SyntheticMarket.DAY_END))
        .detect(market.trades(spark), market.ratings(spark));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return union.isEmpty() ? 1.0 : (double) both.size() / union.size();
  }

  /** Exact greedy FRAUDAR on the whole graph, and the distributed blocks, of one market. */
  private record Peeled(Block exact, Set<String> distributedTop, double distributedDensity) {}

  private static Peeled peel(SyntheticMarket m) {
    RingOptions options = RingOptions.defaults(SyntheticMarket.DAY_END);
    Dataset<Row> edges = new RingDetection(options).edges(m.trades(spark));
    BipartiteGraph.Builder whole = BipartiteGraph.builder();
    for (Row r : edges.collectAsList()) {
      whole.add(r.getAs("buyer_id"), r.getAs("seller_id"), r.<Double>getAs("weight"));
    }
    Block exact = GreedyPeeler.densest(whole.build()).orElseThrow();
    Map<String, List<Row>> byBlock = new DenseBlocks(options).find(edges).collectAsList().stream()
        .collect(Collectors.groupingBy(r -> r.getAs("block_id")));
    List<Row> top = byBlock.values().stream()
        .max(Comparator.comparingDouble(rows -> rows.get(0).<Double>getAs("block_density"))).orElseThrow();
    Set<String> distributed =
        top.stream().map(r -> r.getAs("role") + ":" + r.getAs("account_id")).collect(Collectors.toSet());
    return new Peeled(exact, distributed, top.get(0).getAs("block_density"));
  }

  @Test
  void distributedTopBlockMatchesExactGreedyOnWholeGraph() {
    // One ring with camouflage and hijacked accounts among honest traffic and popular sellers.
    Peeled peeled = peel(new SyntheticMarket(7, 3_000, 1));
    Set<String> reference = new HashSet<>();
    peeled.exact().buyers().forEach(b -> reference.add("buyer:" + b));
    peeled.exact().sellers().forEach(s -> reference.add("seller:" + s));
    double jaccard = jaccard(peeled.distributedTop(), reference);
    assertTrue(jaccard >= 0.95, "jaccard " + jaccard + " exact " + reference + " distributed " + peeled.distributedTop());
    assertEquals(peeled.exact().density(), peeled.distributedDensity(), 1e-6);
  }

  @Test
  void distributedTopBlockIsNeverSparserThanWholeGraphGreedy() {
    // With several rings, whole-graph greedy can end on two rings glued together (it is a
    // 1/2-approximation); peeling each candidate separately must do at least as well.
    Peeled peeled = peel(market);
    assertTrue(peeled.distributedDensity() >= peeled.exact().density() - 1e-9,
        peeled.distributedDensity() + " < " + peeled.exact().density());
  }

  @Test
  void findsPlantedRingsWithHighPrecisionAndRecall() {
    Set<String> flaggedAccounts = result.members().select("account_id").collectAsList().stream()
        .map(r -> r.getString(0)).collect(Collectors.toSet());
    Set<String> flaggedSellers = result.members().filter(col("role").equalTo("seller")).select("account_id")
        .collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toSet());
    Set<String> truth = new HashSet<>(market.ringBuyers);
    truth.addAll(market.ringSellers);

    Set<String> hits = new HashSet<>(flaggedAccounts);
    hits.retainAll(truth);
    double precision = (double) hits.size() / flaggedAccounts.size();
    double recall = (double) hits.size() / truth.size();
    Set<String> sellerHits = new HashSet<>(flaggedSellers);
    sellerHits.retainAll(market.ringSellers);
    double sellerRecall = (double) sellerHits.size() / market.ringSellers.size();
    System.out.printf("synthetic market: account precision %.3f recall %.3f seller recall %.3f rings %d%n",
        precision, recall, sellerRecall, result.rings().count());

    assertTrue(precision >= 0.95, "precision " + precision);
    assertTrue(recall >= 0.90, "recall " + recall);
    assertTrue(sellerRecall >= 0.95, "seller recall " + sellerRecall);
    for (int s = 0; s < SyntheticMarket.POPULAR_SELLERS; s++) {
      assertFalse(flaggedAccounts.contains("s" + s), "popular honest seller s" + s + " flagged");
    }
  }

  @Test
  void aSmallHonestMarketHasNoRing() {
    // A few thousand trades among a hundred sellers, shared NAT IPs and lockers: dense enough for
    // blocks to pass the density threshold, but nothing in the trades looks like boosting.
    SyntheticMarket honest = new SyntheticMarket(11, 2_000, 0);
    RingResult found = new RingDetection(RingOptions.defaults(SyntheticMarket.DAY_END))
        .detect(honest.trades(spark), honest.ratings(spark));
    assertEquals(0, found.rings().count(), () -> found.rings().collectAsList().toString());
    RingResult ungated = new RingDetection(RingOptions.builder(SyntheticMarket.DAY_END).minBoostingEvidence(0).build())
        .detect(honest.trades(spark), honest.ratings(spark));
    System.out.printf("small honest market: %d blocks pass density and suspiciousness alone%n", ungated.rings().count());
  }

  /**
   * Both Datasets hold the same rows in some order: doubles within 1e-9 (sums in another order
   * differ in the last digit), everything else equal.
   */
  private static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    Map<String, Row> byKey = keyedByExactFields(expected);
    Map<String, Row> other = keyedByExactFields(actual);
    assertEquals(byKey.keySet(), other.keySet());
    byKey.forEach((key, row) -> {
      for (int i = 0; i < row.size(); i++) {
        if (row.get(i) instanceof Double d) {
          assertEquals(d, other.get(key).getDouble(i), 1e-9, key + " field " + row.schema().fields()[i].name());
        }
      }
    });
  }

  private static Map<String, Row> keyedByExactFields(Dataset<Row> rows) {
    return rows.collectAsList().stream().collect(Collectors.toMap(
        r -> java.util.stream.IntStream.range(0, r.size()).filter(i -> !(r.get(i) instanceof Double))
            .mapToObj(i -> String.valueOf(r.get(i))).collect(Collectors.joining("|")),
        r -> r));
  }

  @Test
  void manyBlocksFindTheSameRingsAsOneBlock() {
    // At most 500 edges a block, the batch peeling runs split over a dozen blocks and the
    // components over several: the same members and rings.
    RingResult manyBlocks = new RingDetection(RingOptions.builder(SyntheticMarket.DAY_END).maxEdgesPerBlock(500).build())
        .detect(market.trades(spark), market.ratings(spark));
    assertSameRows(result.members(), manyBlocks.members());
    assertSameRows(result.rings(), manyBlocks.rings());
  }

  @Test
  void ringsCarryEvidenceAndReason() {
    List<Row> rings = result.rings().collectAsList();
    assertFalse(rings.isEmpty());
    for (Row ring : rings) {
      assertTrue(ring.<String>getAs("ring_id").matches("ring-[0-9a-f]{16}"));
      assertTrue(ring.<Double>getAs("five_star_share") > 0.9);
      assertTrue(ring.<Double>getAs("price_to_category_median") < 0.5);
      assertTrue(ring.<String>getAs("reason").contains("five-star"), ring.<String>getAs("reason"));
      assertTrue(ring.<Double>getAs("suspiciousness") >= 0.35);
    }
  }
}
