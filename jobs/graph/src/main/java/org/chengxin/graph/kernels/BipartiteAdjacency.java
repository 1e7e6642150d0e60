package org.chengxin.graph.kernels;

import java.util.Arrays;

/**
 * A weighted bipartite graph (rows x columns, e.g. raters x ratees or buyers x sellers) as
 * compressed adjacency over dense int ids, both directions in one array: nodes 0..rows-1 are the
 * rows, rows..rows+columns-1 the columns. Every node's neighbours are listed in increasing order, so
 * sums over a node's edges are taken in one fixed order whatever order the edges arrived in.
 */
public final class BipartiteAdjacency {

  private final int rows;
  private final int columns;
  private final int[] offsets;
  private final int[] neighbours;
  private final double[] weights;

  private BipartiteAdjacency(int rows, int columns, int[] offsets, int[] neighbours, double[] weights) {
    this.rows = rows;
    this.columns = columns;
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.weights = weights;
  }

  /**
   * @param row each edge's row, 0..rows-1
   * @param column each edge's column, 0..columns-1 (numbered apart from the rows)
   * @param weight each edge's weight, positive and finite; a pair given twice keeps the sum
   */
  public static BipartiteAdjacency of(int rows, int columns, int[] row, int[] column, double[] weight) {
    int edges = row.length;
    if (column.length != edges || weight.length != edges) {
      throw new IllegalArgumentException("row, column and weight arrays differ in length");
    }
    for (int e = 0; e < edges; e++) {
      if (row[e] < 0 || row[e] >= rows || column[e] < 0 || column[e] >= columns) {
        throw new IllegalArgumentException("edge " + e + " names a node outside " + rows + " x " + columns);
      }
      if (!(weight[e] > 0) || Double.isInfinite(weight[e])) {
        throw new IllegalArgumentException("edge weight must be positive and finite: " + weight[e]);
      }
    }
    // Two stable counting sorts (by row, then by column) put the edges in (column, row) order, so
    // duplicates are adjacent and each side's neighbour lists come out sorted.
    int[] byRow = countingSort(row, rows, identity(edges));
    int[] byColumnThenRow = countingSort(column, columns, byRow);
    int[] pairRow = new int[edges];
    int[] pairColumn = new int[edges];
    double[] pairWeight = new double[edges];
    int pairs = 0;
    for (int e : byColumnThenRow) {
      if (pairs > 0 && pairRow[pairs - 1] == row[e] && pairColumn[pairs - 1] == column[e]) {
        pairWeight[pairs - 1] += weight[e];
      } else {
        pairRow[pairs] = row[e];
        pairColumn[pairs] = column[e];
        pairWeight[pairs++] = weight[e];
      }
    }
    int nodes = rows + columns;
    int[] offsets = new int[nodes + 1];
    for (int p = 0; p < pairs; p++) {
      offsets[pairRow[p] + 1]++;
      offsets[rows + pairColumn[p] + 1]++;
    }
    for (int n = 0; n < nodes; n++) {
      offsets[n + 1] += offsets[n];
    }
    int[] fill = Arrays.copyOf(offsets, nodes);
    int[] neighbours = new int[2 * pairs];
    double[] weights = new double[2 * pairs];
    for (int p = 0; p < pairs; p++) {
      int r = pairRow[p];
      int c = rows + pairColumn[p];
      neighbours[fill[r]] = c;
      weights[fill[r]++] = pairWeight[p];
      neighbours[fill[c]] = r;
      weights[fill[c]++] = pairWeight[p];
    }
    return new BipartiteAdjacency(rows, columns, offsets, neighbours, weights);
  }

  /**
   * FRAUDAR's column weighting: every edge times {@code 1 / ln(column sum + offset)}, the column sum
   * being the column's total edge weight (its distinct rows when every pair weighs 1). An edge into a
   * popular column counts little, so camouflage on popular targets does not hide a dense block.
   */
  public BipartiteAdjacency logColumnWeighted(double offset) {
    if (!(offset > 1) || Double.isInfinite(offset)) {
      throw new IllegalArgumentException("offset must be > 1 so the weight stays finite: " + offset);
    }
    double[] factor = new double[columns];
    for (int c = 0; c < columns; c++) {
      factor[c] = 1.0 / Math.log(weightedDegree(rows + c) + offset);
    }
    double[] weighted = new double[weights.length];
    for (int n = 0; n < rows + columns; n++) {
      for (int e = offsets[n]; e < offsets[n + 1]; e++) {
        int column = isRow(n) ? neighbours[e] - rows : n - rows;
        weighted[e] = weights[e] * factor[column];
      }
    }
    return new BipartiteAdjacency(rows, columns, offsets, neighbours, weighted);
  }

  public int rowCount() {
    return rows;
  }

  public int columnCount() {
    return columns;
  }

  public int nodeCount() {
    return rows + columns;
  }

  /** Distinct (row, column) pairs. */
  public int edgeCount() {
    return neighbours.length / 2;
  }

  public boolean isRow(int node) {
    return node < rows;
  }

  public int firstEdge(int node) {
    return offsets[node];
  }

  public int endEdge(int node) {
    return offsets[node + 1];
  }

  public int neighbour(int edge) {
    return neighbours[edge];
  }

  public double weight(int edge) {
    return weights[edge];
  }

  public double weightedDegree(int node) {
    double sum = 0;
    for (int e = offsets[node]; e < offsets[node + 1]; e++) {
      sum += weights[e];
    }
    return sum;
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** {@code order} stably re-sorted by {@code key[order[i]]}, keys in 0..range-1. */
  private static int[] countingSort(int[] key, int range, int[] order) {
    int[] start = new int[range + 1];
    for (int i : order) {
      start[key[i] + 1]++;
    }
    for (int k = 0; k < range; k++) {
      start[k + 1] += start[k];
    }
    int[] sorted = new int[order.length];
    for (int i : order) {
      sorted[start[key[i]]++] = i;
    }
    return sorted;
  }
}
