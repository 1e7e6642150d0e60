package org.chengxin.core.graph;

import java.util.Arrays;

/**
 * The local account index of a block of graph edges: the distinct global ids its edges touch,
 * ascending, so a position in that list is the local id. A task is handed the states of those
 * accounts only, which is what keeps a block from needing the whole graph.
 */
public final class LocalIndex {
  private LocalIndex() {}

  /** Distinct ids among the first {@code size} of each endpoint array, ascending. */
  public static int[] of(int[] first, int[] second, int size) {
    int[] all = Arrays.copyOf(first, 2 * size);
    System.arraycopy(second, 0, all, size, size);
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    return Arrays.copyOf(all, distinct);
  }

  /** The local ids of the first {@code size} global ids, which must all be in {@code index}. */
  public static int[] localize(int[] index, int[] global, int size) {
    int[] local = new int[size];
    for (int e = 0; e < size; e++) {
      local[e] = Arrays.binarySearch(index, global[e]);
    }
    return local;
  }
}
