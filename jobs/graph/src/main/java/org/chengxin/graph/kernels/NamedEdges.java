package org.chengxin.graph.kernels;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects edges between named vertices and dictionary-encodes the names to dense ints once, in
 * name order (so the encoding does not depend on the order edges arrive in). In a bipartite graph
 * the two sides are separate vertex sets (an account can be both a buyer and a seller): the first
 * side is numbered 0..n1-1, the second n1..n1+n2-1.
 */
public final class NamedEdges {

  private final boolean bipartite;
  private final Map<String, Integer> firstIds = new HashMap<>();
  private final Map<String, Integer> secondIds;
  private int[] src = new int[1024];
  private int[] dst = new int[1024];
  private double[] weight = new double[1024];
  private int edges;

  public NamedEdges(boolean bipartite) {
    this.bipartite = bipartite;
    this.secondIds = bipartite ? new HashMap<>() : firstIds;
  }

  public void add(String from, String to, double w) {
    if (edges == src.length) {
      int grown = 2 * edges;
      src = Arrays.copyOf(src, grown);
      dst = Arrays.copyOf(dst, grown);
      weight = Arrays.copyOf(weight, grown);
    }
    src[edges] = firstIds.computeIfAbsent(from, name -> firstIds.size());
    dst[edges] = secondIds.computeIfAbsent(to, name -> secondIds.size());
    weight[edges++] = w;
  }

  /** The encoded graph: {@code names[id]} is the name of global id {@code id}. */
  public record Encoded(String[] names, EdgeBlock edges) {}

  public Encoded encode() {
    String[] firstNames = sortedNames(firstIds);
    int[] firstRank = ranks(firstIds, firstNames, 0);
    String[] names = firstNames;
    int[] secondRank = firstRank;
    if (bipartite) {
      String[] secondNames = sortedNames(secondIds);
      secondRank = ranks(secondIds, secondNames, firstNames.length);
      names = Arrays.copyOf(firstNames, firstNames.length + secondNames.length);
      System.arraycopy(secondNames, 0, names, firstNames.length, secondNames.length);
    }
    int[] from = new int[edges];
    int[] to = new int[edges];
    for (int e = 0; e < edges; e++) {
      from[e] = firstRank[src[e]];
      to[e] = secondRank[dst[e]];
    }
    return new Encoded(names, EdgeBlock.of(from, to, Arrays.copyOf(weight, edges)));
  }

  private static String[] sortedNames(Map<String, Integer> ids) {
    String[] names = ids.keySet().toArray(new String[0]);
    Arrays.sort(names);
    return names;
  }

  /** Provisional id (arrival order) to final id (name order, plus offset). */
  private static int[] ranks(Map<String, Integer> ids, String[] sortedNames, int offset) {
    int[] rank = new int[sortedNames.length];
    for (int r = 0; r < sortedNames.length; r++) {
      rank[ids.get(sortedNames[r])] = offset + r;
    }
    return rank;
  }
}
