package org.chengxin.detectors.ratings;

import java.io.Serializable;
import java.util.Arrays;
import org.chengxin.core.graph.LocalIndex;

/**
 * A block of ratings as primitive arrays over a local account index, the unit one task iterates:
 * {@link #accounts()} lists the global indices of the accounts the block touches (ascending), and
 * each rating refers to its rater and ratee by position in that list. A task is handed the states
 * of those accounts only, so no task needs the whole graph; a
 * graph small enough for one block is one block whose local index is the global one.
 *
 * <p>A block holds every rating of each of its raters (blocks are cut by rater), so a rating's
 * evidence, 1 / (ratings its rater gave that UTC day), is computed inside the block.
 */
public final class RatingBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] accounts;
  private final int[] rater;
  private final int[] ratee;
  private final double[] score;
  private final double[] evidence;

  private RatingBlock(int[] accounts, int[] rater, int[] ratee, double[] score, double[] evidence) {
    this.accounts = accounts;
    this.rater = rater;
    this.ratee = ratee;
    this.score = score;
    this.evidence = evidence;
  }

  /**
   * A block of the first {@code size} ratings, whose raters and ratees are global account indices;
   * the local index keeps only the accounts these ratings touch.
   */
  private static RatingBlock of(int[] rater, int[] ratee, double[] score, double[] evidence, int size) {
    int[] accounts = LocalIndex.of(rater, ratee, size);
    return new RatingBlock(accounts, LocalIndex.localize(accounts, rater, size), LocalIndex.localize(accounts, ratee, size),
        Arrays.copyOf(score, size), Arrays.copyOf(evidence, size));
  }

  /**
   * The first {@code size} ratings as the whole graph, one block over accounts 0..accountCount-1
   * (the local index is the global one, accounts without ratings included).
   */
  private static RatingBlock whole(int[] rater, int[] ratee, double[] score, double[] evidence, int size, int accountCount) {
    int[] accounts = new int[accountCount];
    Arrays.setAll(accounts, a -> a);
    return new RatingBlock(accounts, Arrays.copyOf(rater, size), Arrays.copyOf(ratee, size), Arrays.copyOf(score, size),
        Arrays.copyOf(evidence, size));
  }

  /** Global indices of the accounts the block touches, ascending; position = local index. */
  public int[] accounts() {
    return accounts;
  }

  public int accountCount() {
    return accounts.length;
  }

  public int ratingCount() {
    return rater.length;
  }

  /** Heap the block's arrays take, plus the states and sums a round needs for its accounts. */
  public long bytes() {
    return 24L * rater.length + (4L + 8L * (ReliabilityStates.WIDTH + 2)) * accounts.length;
  }

  /** Per local account, ratings received and evidence of ratings given: two values per account. */
  public double[] totals() {
    double[] totals = new double[2 * accounts.length];
    for (int e = 0; e < rater.length; e++) {
      totals[2 * ratee[e]] += 1;
      totals[2 * rater[e] + 1] += evidence[e];
    }
    return totals;
  }

  /**
   * One pass of round {@code round} over the block's ratings, with the states of its accounts in
   * local order: each rating's reliability of the round (this round's goodness of the ratee, the
   * previous fairness of the rater) goes into its rater's fairness sum (weighted by evidence) and its
   * ratee's goodness sum for the next round (times the score). Round 0 only sums the start
   * reliabilities (1 on a cold start) into goodness. Returns the largest change of a rating's
   * reliability from the round before.
   */
  public double pass(double[] states, int round, boolean coldStart, RaterReliabilityOptions options,
      double[] goodnessSums, double[] fairnessSums) {
    final int w = ReliabilityStates.WIDTH;
    double change = 0;
    for (int e = 0; e < rater.length; e++) {
      int u = rater[e] * w;
      int v = ratee[e] * w;
      double s = score[e];
      double before = coldStart && round <= 1
          ? 1
          : RaterReliability.reliability(
              states[u + ReliabilityStates.F_BEFORE], s, states[v + ReliabilityStates.G], options);
      if (round == 0) {
        goodnessSums[ratee[e]] += before * s;
        continue;
      }
      double now = RaterReliability.reliability(states[u + ReliabilityStates.F], s, states[v + ReliabilityStates.G_NEXT], options);
      change = Math.max(change, Math.abs(now - before));
      fairnessSums[rater[e]] += evidence[e] * now;
      goodnessSums[ratee[e]] += now * s;
    }
    return change;
  }

  /** Per rating, its reliability after the last round (from the shifted states). */
  public double[] reliabilities(double[] states, RaterReliabilityOptions options) {
    final int w = ReliabilityStates.WIDTH;
    double[] reliability = new double[rater.length];
    for (int e = 0; e < rater.length; e++) {
      reliability[e] = RaterReliability.reliability(
          states[rater[e] * w + ReliabilityStates.F_BEFORE], score[e], states[ratee[e] * w + ReliabilityStates.G], options);
    }
    return reliability;
  }

  /**
   * Per rating, 1 / (ratings its rater gave on the same UTC day): each rater-day counts as one
   * occasion, so a burst of ratings on one day earns the trust of one day.
   */
  public static double[] ratingDayEvidence(int[] rater, long[] epochDay, int size) {
    long[] key = new long[size];
    for (int e = 0; e < size; e++) {
      key[e] = ((long) rater[e] << 32) | (epochDay[e] & 0xFFFF_FFFFL);
    }
    long[] sorted = key.clone();
    Arrays.sort(sorted);
    double[] evidence = new double[size];
    for (int e = 0; e < size; e++) {
      evidence[e] = 1.0 / (upperBound(sorted, key[e]) - lowerBound(sorted, key[e]));
    }
    return evidence;
  }

  private static int lowerBound(long[] sorted, long key) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static int upperBound(long[] sorted, long key) {
    return key == Long.MAX_VALUE ? sorted.length : lowerBound(sorted, key + 1);
  }

  /**
   * Collects ratings over global account indices (every rating of each rater it holds), then builds
   * a block of them with each rating's evidence.
   */
  public static final class Builder {
    private int[] rater;
    private int[] ratee;
    private double[] score;
    private long[] epochDay;
    private int size;

    public Builder(int expectedRatings) {
      int capacity = Math.max(16, expectedRatings);
      rater = new int[capacity];
      ratee = new int[capacity];
      score = new double[capacity];
      epochDay = new long[capacity];
    }

    /** One rating; {@code day} is its UTC day number (epoch second floor-divided by 86,400). */
    public Builder add(int raterAccount, int rateeAccount, double value, long day) {
      if (size == rater.length) {
        int capacity = Math.max(size + 1, (int) Math.min(Integer.MAX_VALUE - 8L, size * 2L));
        rater = Arrays.copyOf(rater, capacity);
        ratee = Arrays.copyOf(ratee, capacity);
        score = Arrays.copyOf(score, capacity);
        epochDay = Arrays.copyOf(epochDay, capacity);
      }
      rater[size] = raterAccount;
      ratee[size] = rateeAccount;
      score[size] = value;
      epochDay[size] = day;
      size++;
      return this;
    }

    /** A block over the accounts these ratings touch. */
    public RatingBlock build() {
      return of(rater, ratee, score, ratingDayEvidence(rater, epochDay, size), size);
    }

    /** The whole graph over accounts 0..accountCount-1. */
    public RatingBlock buildWhole(int accountCount) {
      return whole(rater, ratee, score, ratingDayEvidence(rater, epochDay, size), size, accountCount);
    }
  }
}
