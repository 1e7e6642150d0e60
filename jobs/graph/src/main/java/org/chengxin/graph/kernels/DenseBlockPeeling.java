package org.chengxin.graph.kernels;

import java.util.Arrays;
import java.util.Optional;

/**
 * FRAUDAR's greedy peeling (Hooi et al., KDD 2016) over a {@link BipartiteAdjacency}: repeatedly
 * remove the node (row or column) of smallest weighted degree among the nodes left, and return the
 * intermediate node set of highest density, total edge weight / (rows + columns). Its density is at
 * least half the densest subgraph's. An indexed min-heap with decrease-key makes it O(E log V);
 * equal degrees go to the smaller node number (rows before columns, then by id), so the result
 * does not depend on the machine or the order edges arrived in; on equal densities the larger
 * (earlier) set wins.
 */
public final class DenseBlockPeeling {

  /**
   * The densest intermediate set: its rows and columns (each side's own numbers, ascending), its
   * total edge weight and its density.
   */
  public record Peel(int[] rows, int[] columns, double weight, double density) {
    public int size() {
      return rows.length + columns.length;
    }
  }

  private DenseBlockPeeling() {}

  /** The densest block of the whole graph; empty when the graph has no edge. */
  public static Optional<Peel> densest(BipartiteAdjacency graph) {
    return densest(graph, new boolean[graph.nodeCount()]);
  }

  /**
   * The densest block of what is left with the {@code excluded} nodes (and their edges) taken out;
   * empty when no edge is left.
   */
  public static Optional<Peel> densest(BipartiteAdjacency graph, boolean[] excluded) {
    int n = graph.nodeCount();
    if (excluded.length != n) {
      throw new IllegalArgumentException("excluded has " + excluded.length + " entries for " + n + " nodes");
    }
    double[] degree = new double[n];
    boolean[] present = new boolean[n];
    double total = 0;
    int alive = 0;
    for (int v = 0; v < n; v++) {
      if (excluded[v]) {
        continue;
      }
      for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
        if (!excluded[graph.neighbour(e)]) {
          degree[v] += graph.weight(e);
        }
      }
      // A node without an edge left is never part of a dense block: it stays out of the count.
      if (degree[v] > 0) {
        present[v] = true;
        total += degree[v];
        alive++;
      }
    }
    if (alive == 0) {
      return Optional.empty();
    }
    total /= 2; // every edge was counted from both ends
    DegreeHeap heap = new DegreeHeap(degree, present);
    int[] order = new int[alive];
    int removed = 0;
    int bestStep = 0;
    double best = total / alive;
    double bestWeight = total;
    while (!heap.isEmpty()) {
      int v = heap.poll();
      order[removed++] = v;
      total -= degree[v];
      for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
        int u = graph.neighbour(e);
        if (heap.contains(u)) {
          heap.decrease(u, graph.weight(e));
        }
      }
      int left = alive - removed;
      double density = left == 0 ? 0.0 : total / left;
      if (density > best) {
        best = density;
        bestWeight = total;
        bestStep = removed;
      }
    }
    return Optional.of(block(graph, order, bestStep, bestWeight, best));
  }

  private static Peel block(BipartiteAdjacency graph, int[] order, int firstKept, double weight, double density) {
    int rowCount = 0;
    for (int i = firstKept; i < order.length; i++) {
      if (graph.isRow(order[i])) {
        rowCount++;
      }
    }
    int[] rows = new int[rowCount];
    int[] columns = new int[order.length - firstKept - rowCount];
    int r = 0;
    int c = 0;
    for (int i = firstKept; i < order.length; i++) {
      int v = order[i];
      if (graph.isRow(v)) {
        rows[r++] = v;
      } else {
        columns[c++] = v - graph.rowCount();
      }
    }
    Arrays.sort(rows);
    Arrays.sort(columns);
    return new Peel(rows, columns, weight, density);
  }
}
