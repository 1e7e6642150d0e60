package org.chengxin.graph.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.chengxin.graph.kernels.DenseBlockPeeling.Peel;
import org.junit.jupiter.api.Test;

/** The peeling kernel against brute force on tiny graphs, and on planted blocks, without Spark. */
class DenseBlockPeelingTest {

  private static final double FRAUDAR_OFFSET = 5.0;

  /** Edges under construction, each {row, column, weight}: rows and columns numbered apart, as the kernel takes them. */
  private static final class Edges {
    final List<double[]> list = new ArrayList<>();

    Edges add(int row, int column, double weight) {
      list.add(new double[] {row, column, weight});
      return this;
    }

    Edges complete(int firstRow, int rows, int firstColumn, int columns) {
      for (int r = firstRow; r < firstRow + rows; r++) {
        for (int c = firstColumn; c < firstColumn + columns; c++) {
          add(r, c, 1.0);
        }
      }
      return this;
    }

    BipartiteAdjacency graph(int rows, int columns) {
      return BipartiteAdjacency.of(rows, columns, list.stream().mapToInt(e -> (int) e[0]).toArray(),
          list.stream().mapToInt(e -> (int) e[1]).toArray(), list.stream().mapToDouble(e -> e[2]).toArray());
    }
  }

  private static int[] range(int from, int to) {
    return IntStream.range(from, to).toArray();
  }

  /**
   * The greedy peel written the slow obvious way: every step recomputes all degrees among the nodes
   * left and removes the lightest (smaller node number on ties), keeping the first densest set.
   */
  private static boolean[] referencePeel(BipartiteAdjacency graph) {
    int n = graph.nodeCount();
    boolean[] alive = new boolean[n];
    for (int v = 0; v < n; v++) {
      alive[v] = degreeAmong(graph, v, alive(n)) > 0;
    }
    boolean[] best = alive.clone();
    double bestDensity = density(graph, alive);
    while (true) {
      int lightest = -1;
      for (int v = 0; v < n; v++) {
        if (alive[v] && (lightest < 0 || degreeAmong(graph, v, alive) < degreeAmong(graph, lightest, alive))) {
          lightest = v;
        }
      }
      if (lightest < 0) {
        return best;
      }
      alive[lightest] = false;
      if (density(graph, alive) > bestDensity) {
        bestDensity = density(graph, alive);
        best = alive.clone();
      }
    }
  }

  private static boolean[] alive(int n) {
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    return all;
  }

  private static double degreeAmong(BipartiteAdjacency graph, int v, boolean[] members) {
    double degree = 0;
    for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
      if (members[graph.neighbour(e)]) {
        degree += graph.weight(e);
      }
    }
    return degree;
  }

  /** Total edge weight inside {@code members} over their number (0 for none). */
  private static double density(BipartiteAdjacency graph, boolean[] members) {
    double rowSide = 0;
    int size = 0;
    for (int v = 0; v < graph.nodeCount(); v++) {
      if (members[v]) {
        size++;
        if (graph.isRow(v)) {
          rowSide += degreeAmong(graph, v, members);
        }
      }
    }
    return size == 0 ? 0 : rowSide / size;
  }

  /** The densest subgraph by trying every node subset. */
  private static double optimum(BipartiteAdjacency graph) {
    int n = graph.nodeCount();
    double best = 0;
    for (int subset = 1; subset < 1 << n; subset++) {
      boolean[] members = new boolean[n];
      for (int v = 0; v < n; v++) {
        members[v] = (subset >> v & 1) == 1;
      }
      best = Math.max(best, density(graph, members));
    }
    return best;
  }

  private static boolean[] members(BipartiteAdjacency graph, Peel peel) {
    boolean[] members = new boolean[graph.nodeCount()];
    for (int r : peel.rows()) {
      members[r] = true;
    }
    for (int c : peel.columns()) {
      members[graph.rowCount() + c] = true;
    }
    return members;
  }

  private static BipartiteAdjacency randomTinyGraph(SplittableRandom random) {
    int rows = 1 + random.nextInt(6);
    int columns = 1 + random.nextInt(6);
    Edges edges = new Edges();
    int count = 1 + random.nextInt(rows * columns + 3);
    for (int e = 0; e < count; e++) {
      // Quarters add up exactly in doubles, and few distinct values make equal degrees common.
      edges.add(random.nextInt(rows), random.nextInt(columns), (1 + random.nextInt(4)) / 4.0);
    }
    return edges.graph(rows, columns);
  }

  @Test
  void peelsInTheReferenceOrderAndStaysWithinHalfOfTheOptimum() {
    SplittableRandom random = new SplittableRandom(14);
    for (int trial = 0; trial < 2000; trial++) {
      BipartiteAdjacency graph = randomTinyGraph(random);
      Peel peel = DenseBlockPeeling.densest(graph).orElseThrow();
      boolean[] found = members(graph, peel);
      assertArrayEquals(referencePeel(graph), found, "trial " + trial);
      assertFoundWithinHalfOfTheOptimum(graph, peel, "trial " + trial);
    }
  }

  @Test
  void staysWithinHalfOfTheOptimumUnderTheLogWeighting() {
    // Log weights are not exact in doubles: the kernel's degrees (the sum less each removed edge)
    // and the reference's (summed anew) may differ in the last bit and break a tie the other way,
    // so only the guarantee is checked here.
    SplittableRandom random = new SplittableRandom(15);
    for (int trial = 0; trial < 2000; trial++) {
      BipartiteAdjacency graph = randomTinyGraph(random).logColumnWeighted(FRAUDAR_OFFSET);
      assertFoundWithinHalfOfTheOptimum(graph, DenseBlockPeeling.densest(graph).orElseThrow(), "trial " + trial);
    }
  }

  private static void assertFoundWithinHalfOfTheOptimum(BipartiteAdjacency graph, Peel peel, String trial) {
    assertEquals(density(graph, members(graph, peel)), peel.density(), 1e-12, trial);
    assertEquals(peel.density() * peel.size(), peel.weight(), 1e-12, trial);
    double optimum = optimum(graph);
    assertTrue(peel.density() <= optimum + 1e-12, trial);
    assertTrue(peel.density() >= optimum / 2 - 1e-12, trial + ": greedy below half the optimum");
  }

  @Test
  void findsABlockPlantedInNoiseWithCamouflageOnPopularColumns() {
    SplittableRandom random = new SplittableRandom(3);
    int rows = 2000;
    int columns = 400;
    Edges edges = new Edges();
    for (int e = 0; e < 8000; e++) {
      edges.add(random.nextInt(rows), random.nextInt(columns), 1.0);
    }
    // Columns 0-9 are popular: 150 more raters each.
    for (int c = 0; c < 10; c++) {
      for (int k = 0; k < 150; k++) {
        edges.add(random.nextInt(rows), c, 1.0);
      }
    }
    // The planted block: rows 1900-1929 all rate columns 380-394, and each also rates a popular
    // column to look ordinary. (With three each, a popular column drawn by a dozen of the block's
    // rows joins the block: FRAUDAR's objective then counts it in.)
    edges.complete(1900, 30, 380, 15);
    for (int r = 1900; r < 1930; r++) {
      edges.add(r, random.nextInt(10), 1.0);
    }
    Peel peel = DenseBlockPeeling.densest(edges.graph(rows, columns).logColumnWeighted(FRAUDAR_OFFSET)).orElseThrow();
    assertArrayEquals(range(1900, 1930), peel.rows());
    assertArrayEquals(range(380, 395), peel.columns());
  }

  @Test
  void logColumnWeightingDividesEachEdgeByTheLogOfItsColumnsTotal() {
    // Column 0 has rows 0 and 1 (weights 1 and 2, a pair given twice sums), column 1 has row 1.
    BipartiteAdjacency graph = new Edges().add(0, 0, 1).add(1, 0, 1).add(1, 0, 1).add(1, 1, 1).graph(2, 2);
    assertEquals(3, graph.edgeCount());
    assertArrayEquals(new int[] {1, 3, 5, 6}, new int[] {graph.endEdge(0), graph.endEdge(1), graph.endEdge(2), graph.endEdge(3)});
    BipartiteAdjacency weighted = graph.logColumnWeighted(FRAUDAR_OFFSET);
    double column0 = 1 / Math.log(3 + FRAUDAR_OFFSET);
    double column1 = 1 / Math.log(1 + FRAUDAR_OFFSET);
    assertEquals(column0, weighted.weightedDegree(0), 1e-15);
    assertEquals(2 * column0 + column1, weighted.weightedDegree(1), 1e-15);
    assertEquals(3 * column0, weighted.weightedDegree(2), 1e-15);
    assertEquals(column1, weighted.weightedDegree(3), 1e-15);
    assertEquals(graph.weightedDegree(1), 3.0, "the plain graph keeps its weights");
    assertThrows(IllegalArgumentException.class, () -> graph.logColumnWeighted(1.0));
  }

  @Test
  void popularColumnsStopLookingDenseUnderTheLogWeighting() {
    // Forty rows on the same two columns beside a 3 x 3 block. Plain weights keep the crowd (the
    // whole graph, 89 / 48 per node, beats the block's 9 / 6); the log weighting keeps only the
    // small block (0.72 per node against 0.53 for the whole).
    Edges edges = new Edges().complete(0, 40, 0, 2).complete(40, 3, 2, 3);
    BipartiteAdjacency graph = edges.graph(43, 5);
    Peel plain = DenseBlockPeeling.densest(graph).orElseThrow();
    assertArrayEquals(range(0, 5), plain.columns());
    assertEquals(89.0 / 48, plain.density(), 1e-12);
    Peel weighted = DenseBlockPeeling.densest(graph.logColumnWeighted(FRAUDAR_OFFSET)).orElseThrow();
    assertArrayEquals(range(40, 43), weighted.rows());
    assertArrayEquals(range(2, 5), weighted.columns());
    assertEquals(9 / Math.log(8) / 6, weighted.density(), 1e-12);
  }

  @Test
  void theOrderEdgesArriveInDoesNotMatter() {
    // Unit weights on a sparse random graph: many equal degrees, broken by node number alone.
    SplittableRandom random = new SplittableRandom(8);
    Edges edges = new Edges();
    for (int e = 0; e < 600; e++) {
      edges.add(random.nextInt(200), random.nextInt(60), 1.0);
    }
    Peel first = DenseBlockPeeling.densest(edges.graph(200, 60).logColumnWeighted(FRAUDAR_OFFSET)).orElseThrow();
    for (int shuffle = 0; shuffle < 5; shuffle++) {
      Collections.shuffle(edges.list, new Random(shuffle));
      Peel again = DenseBlockPeeling.densest(edges.graph(200, 60).logColumnWeighted(FRAUDAR_OFFSET)).orElseThrow();
      assertArrayEquals(first.rows(), again.rows());
      assertArrayEquals(first.columns(), again.columns());
      assertEquals(first.density(), again.density());
    }
  }

  @Test
  void excludedNodesAndTheirEdgesAreLeftOut() {
    // A 3 x 3 block and a 1 x 2 star; without row 1 and column 1 the block is 2 x 2 (density 1, the
    // star 2 / 3).
    BipartiteAdjacency graph = new Edges().complete(0, 3, 0, 3).complete(3, 1, 3, 2).graph(4, 5);
    boolean[] excluded = new boolean[9];
    excluded[1] = true;
    excluded[5] = true;
    Peel peel = DenseBlockPeeling.densest(graph, excluded).orElseThrow();
    assertArrayEquals(new int[] {0, 2}, peel.rows());
    assertArrayEquals(new int[] {0, 2}, peel.columns());
    assertEquals(1.0, peel.density(), 1e-12);
    assertTrue(DenseBlockPeeling.densest(new Edges().graph(3, 3)).isEmpty());
  }
}
