package org.chengxin.graph.fraudar;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.chengxin.graph.kernels.BipartiteAdjacency;

/**
 * An immutable weighted buyer–seller graph: the buyers' and sellers' ids over a
 * {@link BipartiteAdjacency} (buyers are its rows, sellers its columns), each side numbered in id
 * order, so peeling is deterministic whatever order the edges arrived in (on an executor they
 * arrive in shuffle order).
 */
public final class BipartiteGraph {

  private final String[] ids;
  private final BipartiteAdjacency adjacency;

  private BipartiteGraph(String[] ids, BipartiteAdjacency adjacency) {
    this.ids = ids;
    this.adjacency = adjacency;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int nodeCount() {
    return ids.length;
  }

  public int buyerCount() {
    return adjacency.rowCount();
  }

  public boolean isBuyer(int node) {
    return adjacency.isRow(node);
  }

  public String id(int node) {
    return ids[node];
  }

  BipartiteAdjacency adjacency() {
    return adjacency;
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

      int pairs = bySeller.values().stream().mapToInt(Map::size).sum();
      int[] buyer = new int[pairs];
      int[] seller = new int[pairs];
      double[] weight = new double[pairs];
      int p = 0;
      for (int s = 0; s < sellers.length; s++) {
        for (Map.Entry<String, Double> e : bySeller.get(sellers[s]).entrySet()) {
          buyer[p] = buyerIndex.get(e.getKey());
          seller[p] = s;
          weight[p++] = e.getValue();
        }
      }
      return new BipartiteGraph(ids, BipartiteAdjacency.of(nb, sellers.length, buyer, seller, weight));
    }
  }
}
