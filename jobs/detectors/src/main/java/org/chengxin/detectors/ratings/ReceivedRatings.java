package org.chengxin.detectors.ratings;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The ratings one account received, in time order, with what the per-ratee patterns
 * ({@link CompetitorAttackPattern}, {@link SharedKeyBoostPattern}) read about each: its rater, its
 * value, how many ratings that rater had given before it, and the rater's rare device, IP and
 * address keys. One ratee is one run of {@link #add} calls (then {@link #clear} for the next), so
 * the same patterns serve a graph in memory and a Spark task walking a partition sorted by ratee and
 * time. Raters get dense local indexes; the arrays are reused from ratee to ratee.
 */
public final class ReceivedRatings {
  private static final double SECONDS_PER_HOUR = 3_600.0;

  private final Map<String, Integer> raterIndex = new HashMap<>();
  private String[][] raterKeys = new String[8][];
  private int[] rater = new int[8];
  private long[] epochSecond = new long[8];
  private double[] value = new double[8];
  private int[] priorRatings = new int[8];
  private int size;
  private boolean anyKeys;

  /**
   * The ratee's next rating, no earlier than the one before.
   *
   * @param raterId the account that gave it
   * @param priorRatings ratings that rater gave strictly earlier (to anyone)
   * @param keys the rater's rare keys (the same for each of its ratings; empty when unknown)
   */
  public void add(String raterId, long epochSecond, double value, int priorRatings, Collection<String> keys) {
    if (size > 0 && epochSecond < this.epochSecond[size - 1]) {
      throw new IllegalArgumentException("ratings must come in time order: " + epochSecond + " after "
          + this.epochSecond[size - 1]);
    }
    if (size == rater.length) {
      int grown = size * 2;
      rater = Arrays.copyOf(rater, grown);
      this.epochSecond = Arrays.copyOf(this.epochSecond, grown);
      this.value = Arrays.copyOf(this.value, grown);
      this.priorRatings = Arrays.copyOf(this.priorRatings, grown);
    }
    Integer index = raterIndex.get(raterId);
    if (index == null) {
      index = raterIndex.size();
      raterIndex.put(raterId, index);
      if (index == raterKeys.length) {
        raterKeys = Arrays.copyOf(raterKeys, index * 2);
      }
      raterKeys[index] = keys.toArray(String[]::new);
      anyKeys |= !keys.isEmpty();
    }
    rater[size] = index;
    this.epochSecond[size] = epochSecond;
    this.value[size] = value;
    this.priorRatings[size] = priorRatings;
    size++;
  }

  /** Forgets the ratee's ratings, keeping the arrays for the next ratee. */
  public void clear() {
    raterIndex.clear();
    Arrays.fill(raterKeys, null);
    size = 0;
    anyKeys = false;
  }

  /** Ratings received. */
  public int size() {
    return size;
  }

  /** Distinct raters. */
  public int raterCount() {
    return raterIndex.size();
  }

  /** The local index of rating i's rater, in [0, raterCount). */
  public int rater(int i) {
    return rater[i];
  }

  public long epochSecond(int i) {
    return epochSecond[i];
  }

  public boolean isNegative(int i) {
    return value[i] < 0;
  }

  public boolean isPositive(int i) {
    return value[i] > 0;
  }

  public int priorRatings(int i) {
    return priorRatings[i];
  }

  /** The UTC hour rating i falls in. */
  long hour(int i) {
    return hourOf(epochSecond[i]);
  }

  static long hourOf(long epochSecond) {
    return (long) Math.floor(epochSecond / SECONDS_PER_HOUR);
  }

  /** Whether any rater came with keys (when none did, nobody is linked). */
  boolean anyKeys() {
    return anyKeys;
  }

  /**
   * Per rater (local index), how many other raters of the set share at least one key with it; 0 for
   * raters outside the set.
   *
   * @param inSet per local rater index, whether it belongs to the set
   */
  int[] linkedRaters(boolean[] inSet) {
    int raters = raterCount();
    int[] linked = new int[raters];
    if (!anyKeys) {
      return linked;
    }
    Map<String, int[]> holders = new HashMap<>();
    Map<String, Integer> holderCounts = new HashMap<>();
    for (int r = 0; r < raters; r++) {
      if (inSet[r]) {
        for (String key : raterKeys[r]) {
          holderCounts.merge(key, 1, Integer::sum);
        }
      }
    }
    for (int r = 0; r < raters; r++) {
      if (inSet[r]) {
        for (String key : raterKeys[r]) {
          if (holderCounts.get(key) > 1) {
            int[] list = holders.computeIfAbsent(key, k -> new int[holderCounts.get(k) + 1]);
            list[1 + list[0]++] = r;
          }
        }
      }
    }
    // A rater linked through two keys to the same other rater counts it once.
    int[] seenBy = new int[raters];
    Arrays.fill(seenBy, -1);
    for (int r = 0; r < raters; r++) {
      if (!inSet[r]) {
        continue;
      }
      for (String key : raterKeys[r]) {
        int[] list = holders.get(key);
        if (list == null) {
          continue;
        }
        for (int j = 1; j <= list[0]; j++) {
          int other = list[j];
          if (other != r && seenBy[other] != r) {
            seenBy[other] = r;
            linked[r]++;
          }
        }
      }
    }
    return linked;
  }

  /**
   * Walks the ratings every account of {@code graph} received, one run per ratee in time order;
   * {@code ratee} gets the graph's rating indexes of the run's positions, and the run.
   */
  static void forEachRatee(RatingGraph graph, int[] priorRatings, BiConsumer<int[], ReceivedRatings> ratee) {
    ReceivedRatings run = new ReceivedRatings();
    for (int[] received : graph.ratingsReceivedByTime()) {
      run.clear();
      for (int e : received) {
        run.add(graph.account(graph.rater(e)), graph.epochSecond(e), graph.score(e), priorRatings[e], List.of());
      }
      ratee.accept(received, run);
    }
  }
}
