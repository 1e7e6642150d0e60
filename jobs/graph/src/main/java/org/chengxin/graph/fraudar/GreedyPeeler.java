package org.chengxin.graph.fraudar;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chengxin.graph.kernels.DenseBlockPeeling;
import org.chengxin.graph.kernels.DenseBlockPeeling.Peel;

/**
 * FRAUDAR's exact greedy peeling on a buyer–seller graph with ids: the array kernel
 * {@link DenseBlockPeeling} peels, this class names the block's members. {@link #blocks} finds
 * several blocks: take the densest, remove its nodes, repeat while blocks stay dense.
 */
public final class GreedyPeeler {

  private GreedyPeeler() {}

  /** The densest block of the whole graph, empty when the graph has no edge. */
  public static Optional<Block> densest(BipartiteGraph graph) {
    return DenseBlockPeeling.densest(graph.adjacency()).map(peel -> block(graph, peel));
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
      Optional<Peel> next = DenseBlockPeeling.densest(graph.adjacency(), removed);
      if (next.isEmpty() || next.get().density() < minDensity) {
        break;
      }
      Peel peel = next.get();
      if (peel.rows().length >= minBuyers) {
        found.add(block(graph, peel));
      }
      for (int buyer : peel.rows()) {
        removed[buyer] = true;
      }
      for (int seller : peel.columns()) {
        removed[graph.buyerCount() + seller] = true;
      }
    }
    return found;
  }

  private static Block block(BipartiteGraph graph, Peel peel) {
    Set<String> buyers = new HashSet<>();
    Set<String> sellers = new HashSet<>();
    for (int buyer : peel.rows()) {
      buyers.add(graph.id(buyer));
    }
    for (int seller : peel.columns()) {
      sellers.add(graph.id(graph.buyerCount() + seller));
    }
    return new Block(buyers, sellers, peel.weight(), peel.density());
  }
}
