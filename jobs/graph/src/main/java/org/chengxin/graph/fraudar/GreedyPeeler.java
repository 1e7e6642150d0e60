package org.chengxin.graph.fraudar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * FRAUDAR's exact greedy peeling: repeatedly remove the node with the smallest weighted degree
 * (priority queue with lazy deletion), and return the intermediate node set with the highest
 * density. O(E log E). {@link #blocks} finds several blocks: take the densest, remove its nodes,
 * repeat while blocks stay dense.
 */
public final class GreedyPeeler {

  private record Entry(double degree, int node, int version) {}

  private static final Comparator<Entry> LIGHTEST_FIRST =
      Comparator.comparingDouble(Entry::degree).thenComparingInt(Entry::node);

  private GreedyPeeler() {}

  /** The densest block of the whole graph, empty when the graph has no edge. */
  public static Optional<Block> densest(BipartiteGraph graph) {
    return densest(graph, new boolean[graph.nodeCount()]);
  }

  /**
   * Blocks in the order found: each is the densest block of what the earlier ones left. Stops at the
   * first block below {@code minDensity} or after {@code maxBlocks} kept blocks. A dense block with
   * fewer than {@code minBuyers} buyers (one buyer hammering one seller) is removed and not kept.
   */
  public static List<Block> blocks(BipartiteGraph graph, double minDensity, int minBuyers, int maxBlocks) {
    boolean[] removed = new boolean[graph.nodeCount()];
    List<Block> found = new ArrayList<>();
    while (found.size() < maxBlocks) {
      Optional<Block> next = densest(graph, removed);
      if (next.isEmpty() || next.get().density() < minDensity) {
        break;
      }
      Block block = next.get();
      if (block.buyers().size() >= minBuyers) {
        found.add(block);
      }
      for (int n = 0; n < graph.nodeCount(); n++) {
        String id = graph.id(n);
        if (graph.isBuyer(n) ? block.buyers().contains(id) : block.sellers().contains(id)) {
          removed[n] = true;
        }
      }
    }
    return found;
  }

  private static Optional<Block> densest(BipartiteGraph graph, boolean[] removed) {
    int n = graph.nodeCount();
    double[] degree = new double[n];
    int[] version = new int[n];
    boolean[] gone = removed.clone();
    double total = 0;
    int alive = 0;
    PriorityQueue<Entry> queue = new PriorityQueue<>(LIGHTEST_FIRST);
    for (int v = 0; v < n; v++) {
      if (gone[v]) {
        continue;
      }
      for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
        if (!gone[graph.neighbour(e)]) {
          degree[v] += graph.weight(e);
        }
      }
      if (degree[v] > 0) {
        total += degree[v];
        alive++;
        queue.add(new Entry(degree[v], v, 0));
      } else {
        gone[v] = true; // isolated: never part of a dense block
      }
    }
    if (alive == 0) {
      return Optional.empty();
    }
    total /= 2; // every edge was counted from both ends
    int[] order = new int[alive];
    int removedCount = 0;
    int bestStep = 0;
    double best = Suspiciousness.density(total, alive);
    while (!queue.isEmpty()) {
      Entry entry = queue.poll();
      int v = entry.node();
      if (gone[v] || entry.version() != version[v]) {
        continue;
      }
      gone[v] = true;
      order[removedCount++] = v;
      total -= degree[v];
      for (int e = graph.firstEdge(v); e < graph.endEdge(v); e++) {
        int u = graph.neighbour(e);
        if (!gone[u]) {
          degree[u] -= graph.weight(e);
          queue.add(new Entry(degree[u], u, ++version[u]));
        }
      }
      double density = Suspiciousness.density(total, alive - removedCount);
      if (density > best) {
        best = density;
        bestStep = removedCount;
      }
    }
    Set<String> buyers = new HashSet<>();
    Set<String> sellers = new HashSet<>();
    for (int i = bestStep; i < alive; i++) {
      int v = order[i];
      (graph.isBuyer(v) ? buyers : sellers).add(graph.id(v));
    }
    return Optional.of(new Block(buyers, sellers, best * (alive - bestStep), best));
  }
}
