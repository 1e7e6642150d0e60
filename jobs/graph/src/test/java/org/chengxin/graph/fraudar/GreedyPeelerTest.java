package org.chengxin.graph.fraudar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GreedyPeelerTest {

  private static final double C = Suspiciousness.DEFAULT_OFFSET;

  /** Hand-built trade list: weights are computed from it as the Spark job does. */
  private static final class Trades {
    private final Map<String, Map<String, Integer>> bySeller = new HashMap<>();

    Trades add(String buyer, String seller, int times) {
      bySeller.computeIfAbsent(seller, s -> new HashMap<>()).merge(buyer, times, Integer::sum);
      return this;
    }

    BipartiteGraph graph() {
      BipartiteGraph.Builder builder = BipartiteGraph.builder();
      bySeller.forEach((seller, buyers) -> buyers.forEach((buyer, times) ->
          builder.add(buyer, seller, Suspiciousness.edgeWeight(buyers.size(), times, C))));
      return builder.build();
    }
  }

  /** Sparse honest background: each of 200 buyers buys once from one of 40 sellers. */
  private static Trades background() {
    Trades trades = new Trades();
    for (int b = 0; b < 200; b++) {
      trades.add("h" + b, "shop" + (b * 7 % 40), 1);
    }
    return trades;
  }

  private static Trades plantRing(Trades trades, String prefix, int buyers, int sellers, int times) {
    for (int b = 0; b < buyers; b++) {
      for (int s = 0; s < sellers; s++) {
        trades.add(prefix + "b" + b, prefix + "s" + s, times);
      }
    }
    return trades;
  }

  private static Set<String> ids(String prefix, String kind, int n) {
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      ids.add(prefix + kind + i);
    }
    return ids;
  }

  @Test
  void columnWeightFallsWithSellerPopularityAndRisesWithRepeats() {
    assertEquals(1 / Math.log(15), Suspiciousness.edgeWeight(10, 1, C), 1e-12);
    assertTrue(Suspiciousness.edgeWeight(10_000, 1, C) < Suspiciousness.edgeWeight(10, 1, C) / 3);
    assertEquals((1 + Math.log(3)) / Math.log(15), Suspiciousness.edgeWeight(10, 3, C), 1e-12);
    assertEquals(2.5, Suspiciousness.density(10, 4), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Suspiciousness.edgeWeight(0, 1, C));
    assertThrows(IllegalArgumentException.class, () -> Suspiciousness.edgeWeight(5, 1, 1.0));
  }

  @Test
  void findsPlantedBlockExactly() {
    BipartiteGraph graph = plantRing(background(), "r", 20, 3, 2).graph();
    Block block = GreedyPeeler.densest(graph).orElseThrow();
    assertEquals(ids("r", "b", 20), block.buyers());
    assertEquals(ids("r", "s", 3), block.sellers());
    double expectedWeight = 60 * Suspiciousness.edgeWeight(20, 2, C);
    assertEquals(expectedWeight, block.weight(), 1e-9);
    assertEquals(expectedWeight / 23, block.density(), 1e-9);
  }

  @Test
  void findsBlockHiddenBehindCamouflageToPopularSellers() {
    Trades trades = background();
    // Twenty popular shops with 500 honest buyers each.
    for (int b = 0; b < 10_000; b++) {
      trades.add("crowd" + b, "popular" + (b % 20), 1);
    }
    plantRing(trades, "r", 20, 3, 2);
    // Each ring buyer also buys from two popular shops, as often as from the ring, to look normal.
    for (int b = 0; b < 20; b++) {
      trades.add("rb" + b, "popular" + (b % 20), 2).add("rb" + b, "popular" + ((b * 7 + 3) % 20), 2);
    }
    Block block = GreedyPeeler.densest(trades.graph()).orElseThrow();
    assertEquals(ids("r", "b", 20), block.buyers());
    assertEquals(ids("r", "s", 3), block.sellers(), "popular sellers must stay out of the block");
  }

  @Test
  void popularSellerStarIsNotDense() {
    Trades trades = background();
    for (int b = 0; b < 3000; b++) {
      trades.add("crowd" + b, "popular", 1);
    }
    BipartiteGraph graph = trades.graph();
    Block densest = GreedyPeeler.densest(graph).orElseThrow();
    assertFalse(densest.sellers().contains("popular"));
    assertTrue(Suspiciousness.density(3000 * Suspiciousness.edgeWeight(3000, 1, C), 3001) < 0.2);
    assertTrue(GreedyPeeler.blocks(graph, 0.5, 3, 10).isEmpty());
  }

  @Test
  void findsSeveralBlocksThenStopsAtBackground() {
    Trades trades = background();
    plantRing(trades, "x", 15, 2, 3);
    plantRing(trades, "y", 30, 4, 1);
    List<Block> blocks = GreedyPeeler.blocks(trades.graph(), 0.5, 5, 10);
    assertEquals(2, blocks.size());
    Set<String> sellers = new TreeSet<>();
    blocks.forEach(b -> sellers.addAll(b.sellers()));
    Set<String> expected = new TreeSet<>(ids("x", "s", 2));
    expected.addAll(ids("y", "s", 4));
    assertEquals(expected, sellers);
    assertTrue(blocks.get(0).density() >= blocks.get(1).density());
  }

  @Test
  void denseBlockWithTooFewBuyersIsSkippedNotReturned() {
    Trades trades = background().add("lone", "target", 40);
    plantRing(trades, "r", 10, 2, 2);
    List<Block> blocks = GreedyPeeler.blocks(trades.graph(), 0.5, 3, 10);
    assertEquals(1, blocks.size());
    assertFalse(blocks.get(0).buyers().contains("lone"));
  }

  @Test
  void emptyGraphHasNoBlock() {
    assertTrue(GreedyPeeler.densest(BipartiteGraph.builder().build()).isEmpty());
  }
}
