package org.chengxin.detectors.ratings;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The ratings one account gave, in time order, with what the per-rater patterns
 * ({@link ExtortionPattern}, {@link SerialNegativePattern}) read about each: its ratee, its value,
 * and when the rater's own complaints against that ratee were rejected. One rater is one run of
 * {@link #add} calls (then {@link #clear}), so the same patterns serve a graph in memory and a Spark
 * task walking a partition sorted by rater and time.
 */
public final class GivenRatings {
  private static final long[] NONE = new long[0];

  private String[] ratee = new String[8];
  private long[] epochSecond = new long[8];
  private double[] value = new double[8];
  private long[][] rejections = new long[8][];
  private int size;
  private int negatives;
  private final Set<String> negativeRatees = new HashSet<>();

  /**
   * The rater's next rating, no earlier than the one before.
   *
   * @param rejectedAt when the rater's complaints against this ratee were rejected (epoch seconds,
   *     any order; empty for none)
   */
  public void add(String rateeId, long epochSecond, double value, long[] rejectedAt) {
    if (size > 0 && epochSecond < this.epochSecond[size - 1]) {
      throw new IllegalArgumentException("ratings must come in time order: " + epochSecond + " after "
          + this.epochSecond[size - 1]);
    }
    if (size == ratee.length) {
      int grown = size * 2;
      ratee = Arrays.copyOf(ratee, grown);
      this.epochSecond = Arrays.copyOf(this.epochSecond, grown);
      this.value = Arrays.copyOf(this.value, grown);
      rejections = Arrays.copyOf(rejections, grown);
    }
    long[] sorted = rejectedAt.length == 0 ? NONE : rejectedAt.clone();
    Arrays.sort(sorted);
    ratee[size] = rateeId;
    this.epochSecond[size] = epochSecond;
    this.value[size] = value;
    rejections[size] = sorted;
    size++;
    if (value < 0) {
      negatives++;
      negativeRatees.add(rateeId);
    }
  }

  /** Forgets the rater's ratings, keeping the arrays for the next rater. */
  public void clear() {
    Arrays.fill(ratee, 0, size, null);
    Arrays.fill(rejections, 0, size, null);
    size = 0;
    negatives = 0;
    negativeRatees.clear();
  }

  /** Ratings given. */
  public int size() {
    return size;
  }

  public int negatives() {
    return negatives;
  }

  /** Distinct accounts the rater rated negative. */
  public int negativeRatees() {
    return negativeRatees.size();
  }

  public long epochSecond(int i) {
    return epochSecond[i];
  }

  public boolean isNegative(int i) {
    return value[i] < 0;
  }

  /** The latest rejection of the rater's complaint against rating i's ratee at or before it; -1 if none. */
  int latestRejectionIndex(int i) {
    long[] times = rejections[i];
    int at = Arrays.binarySearch(times, epochSecond[i]);
    if (at >= 0) {
      while (at + 1 < times.length && times[at + 1] == epochSecond[i]) {
        at++;
      }
      return at;
    }
    return -at - 2;
  }

  /** The rejection time at {@code index} of rating i's pair (from {@link #latestRejectionIndex}). */
  long rejection(int i, int index) {
    return rejections[i][index];
  }
}
