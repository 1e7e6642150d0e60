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
        .config("spark.sql.shuffle.partitions", "4").config("spark.ui.enabled", "false").getOrCreate();
    market = new SyntheticMarket(42, 20_000, 8);
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

  @Test
  void distributedTopBlockMatchesExactGreedyOnWholeGraph() {
    RingOptions options = RingOptions.defaults(SyntheticMarket.DAY_END);
    RingDetection detection = new RingDetection(options);
    Dataset<Row> edges = detection.edges(market.trades(spark));
    BipartiteGraph.Builder whole = BipartiteGraph.builder();
    for (Row r : edges.collectAsList()) {
      whole.add(r.getAs("buyer_id"), r.getAs("seller_id"), r.<Double>getAs("weight"));
    }
    Block exact = GreedyPeeler.densest(whole.build()).orElseThrow();

    List<Row> members = new DenseBlocks(options).find(edges).collectAsList();
    Map<String, List<Row>> byBlock = members.stream().collect(Collectors.groupingBy(r -> r.getAs("block_id")));
    List<Row> top = byBlock.values().stream()
        .max(Comparator.comparingDouble(rows -> rows.get(0).<Double>getAs("block_density"))).orElseThrow();
    Set<String> distributed = top.stream().map(r -> r.getAs("role") + ":" + r.getAs("account_id")).collect(Collectors.toSet());
    Set<String> reference = new HashSet<>();
    exact.buyers().forEach(b -> reference.add("buyer:" + b));
    exact.sellers().forEach(s -> reference.add("seller:" + s));

    assertTrue(jaccard(distributed, reference) >= 0.95, "jaccard " + jaccard(distributed, reference));
    assertEquals(exact.density(), top.get(0).<Double>getAs("block_density"), 1e-6);
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
