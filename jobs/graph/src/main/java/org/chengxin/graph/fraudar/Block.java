package org.chengxin.graph.fraudar;

import java.util.Set;

/**
 * One dense block found by peeling: its buyers and sellers, the total edge weight inside it and its
 * density {@code weight / (buyers + sellers)}.
 */
public record Block(Set<String> buyers, Set<String> sellers, double weight, double density) {

  public Block {
    buyers = Set.copyOf(buyers);
    sellers = Set.copyOf(sellers);
  }

  public int size() {
    return buyers.size() + sellers.size();
  }
}
