package org.chengxin.graph.rings;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CopyCatch-style lockstep (Beutel et al., WWW 2013): two accounts are in lockstep when they act on
 * (trade with or rate) at least {@code minSellers} common sellers within the same short window
 * each time. Windows come in two grids offset by half a window, so a burst straddling a boundary
 * still shares a window. A seller window with more than {@code maxWindowBuyers} of the accounts is a
 * sale or a popular shop, not collusion, and is skipped (it would also create quadratically many
 * pairs). Plain Java, over one ring's buyers inside one task.
 */
final class Lockstep implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One trade or rating: the seller acted on and when, in epoch seconds. */
  record Action(String sellerId, long atSeconds) {}

  private record Cell(String sellerId, char grid, long window) {}

  private record Pair(String first, String second) {}

  private final long windowSeconds;
  private final int minSellers;
  private final int maxWindowBuyers;

  Lockstep(RingOptions options) {
    this.windowSeconds = options.lockstepWindow().toSeconds();
    this.minSellers = options.lockstepMinSellers();
    this.maxWindowBuyers = options.lockstepMaxWindowBuyers();
  }

  /** The accounts in lockstep with at least one other of the given accounts. */
  Set<String> accountsInLockstep(Map<String, List<Action>> actions) {
    Map<Cell, Set<String>> cells = new HashMap<>();
    actions.forEach((account, acts) -> {
      for (Action act : acts) {
        cells.computeIfAbsent(new Cell(act.sellerId(), 'a', Math.floorDiv(act.atSeconds(), windowSeconds)),
            c -> new TreeSet<>()).add(account);
        cells.computeIfAbsent(new Cell(act.sellerId(), 'b',
            Math.floorDiv(act.atSeconds() + windowSeconds / 2, windowSeconds)), c -> new TreeSet<>()).add(account);
      }
    });
    Map<Pair, Set<String>> sharedSellers = new HashMap<>();
    cells.forEach((cell, accounts) -> {
      if (accounts.size() < 2 || accounts.size() > maxWindowBuyers) {
        return;
      }
      String[] sorted = accounts.toArray(new String[0]);
      for (int i = 0; i < sorted.length; i++) {
        for (int j = i + 1; j < sorted.length; j++) {
          sharedSellers.computeIfAbsent(new Pair(sorted[i], sorted[j]), p -> new HashSet<>()).add(cell.sellerId());
        }
      }
    });
    Set<String> inLockstep = new HashSet<>();
    sharedSellers.forEach((pair, sellers) -> {
      if (sellers.size() >= minSellers) {
        inLockstep.add(pair.first());
        inLockstep.add(pair.second());
      }
    });
    return inLockstep;
  }
}
