package org.chengxin.graph.fraudar;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable weighted buyer–seller graph in compressed adjacency form. Nodes are numbered buyers
 * first, then sellers, each side in id order, so peeling is deterministic whatever order the edges
 * arrived in (on an executor they arrive in shuffle order).
 */
public final class BipartiteGraph {

  private final String[] ids;
  private final int buyerCount;
  private final int[] offsets;
  private final int[] neighbours;
  private final double[] weights;

  private BipartiteGraph(String[] ids, int buyerCount, int[] offsets, int[] neighbours, double[] weights) {
    this.ids = ids;
    this.buyerCount = buyerCount;
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.weights = weights;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int nodeCount() {
    return ids.length;
  }

  public int buyerCount() {
    return buyerCount;
  }

  public boolean isBuyer(int node) {
    return node < buyerCount;
  }

  public String id(int node) {
    return ids[node];
  }

  int firstEdge(int node) {
    return offsets[node];
  }

  int endEdge(int node) {
    return offsets[node + 1];
  }

  int neighbour(int edge) {
    return neighbours[edge];
  }

  double weight(int edge) {
    return weights[edge];
  }

  /** Collects edges; a pair added twice keeps the sum of its weights. */
  public static final class Builder {
    private final Map<String, Map<String, Double>> bySeller = new HashMap<>();

    public Builder add(String buyer, String seller, double weight) {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("edge weight must be positive and finite: " + weight);
      }
      bySeller.computeIfAbsent(seller, s -> new HashMap<>()).merge(buyer, weight, Double::sum);
      return this;
    }

    public BipartiteGraph build() {
      TreeMap<String, Integer> buyerIndex = new TreeMap<>();
      bySeller.values().forEach(m -> m.keySet().forEach(b -> buyerIndex.put(b, 0)));
      String[] sellers = bySeller.keySet().stream().sorted().toArray(String[]::new);
      int nb = buyerIndex.size();
      String[] ids = new String[nb + sellers.length];
      int i = 0;
      for (Map.Entry<String, Integer> e : buyerIndex.entrySet()) {
        e.setValue(i);
        ids[i++] = e.getKey();
      }
      System.arraycopy(sellers, 0, ids, nb, sellers.length);

      // Edge list first, then counting sort into compressed adjacency (both directions).
      int pairs = bySeller.values().stream().mapToInt(Map::size).sum();
      int[] from = new int[pairs];
      int[] to = new int[pairs];
      double[] pairWeights = new double[pairs];
      int p = 0;
      for (int s = 0; s < sellers.length; s++) {
        for (Map.Entry<String, Double> e : new TreeMap<>(bySeller.get(sellers[s])).entrySet()) {
          from[p] = buyerIndex.get(e.getKey());
          to[p] = nb + s;
          pairWeights[p++] = e.getValue();
        }
      }
      int[] offsets = new int[ids.length + 1];
      for (int e = 0; e < pairs; e++) {
        offsets[from[e] + 1]++;
        offsets[to[e] + 1]++;
      }
      for (int n = 0; n < ids.length; n++) {
        offsets[n + 1] += offsets[n];
      }
      int[] fill = Arrays.copyOf(offsets, ids.length);
      int[] neighbours = new int[2 * pairs];
      double[] weights = new double[2 * pairs];
      for (int e = 0; e < pairs; e++) {
        neighbours[fill[from[e]]] = to[e];
        weights[fill[from[e]]++] = pairWeights[e];
        neighbours[fill[to[e]]] = from[e];
        weights[fill[to[e]]++] = pairWeights[e];
      }
      return new BipartiteGraph(ids, nb, offsets, neighbours, weights);
    }
  }
}
