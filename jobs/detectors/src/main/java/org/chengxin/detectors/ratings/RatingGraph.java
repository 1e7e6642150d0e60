package org.chengxin.detectors.ratings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rating graph as flat arrays: account i is a dense index, rating e goes from {@link #rater(int)}
 * to {@link #ratee(int)} with a {@link #score(int)} in [-1, 1] (below 0 is negative) at
 * {@link #epochSecond(int)}. Every detector is a set of per-rating and per-account update rules over
 * these arrays, which is what a Spark port turns into joins and aggregations.
 *
 * <p>Indices follow first appearance in the builder, so equal input gives equal output.
 */
public final class RatingGraph {
  private static final long SECONDS_PER_DAY = 86_400L;

  private final List<String> accounts;
  private final Map<String, Integer> index;
  private final int[] rater;
  private final int[] ratee;
  private final double[] score;
  private final long[] epochSecond;

  private RatingGraph(
      List<String> accounts, Map<String, Integer> index, int[] rater, int[] ratee, double[] score, long[] epochSecond) {
    this.accounts = accounts;
    this.index = index;
    this.rater = rater;
    this.ratee = ratee;
    this.score = score;
    this.epochSecond = epochSecond;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int accountCount() {
    return accounts.size();
  }

  public int ratingCount() {
    return rater.length;
  }

  public String account(int account) {
    return accounts.get(account);
  }

  public Optional<Integer> indexOf(String account) {
    return Optional.ofNullable(index.get(account));
  }

  public int rater(int rating) {
    return rater[rating];
  }

  public int ratee(int rating) {
    return ratee[rating];
  }

  public double score(int rating) {
    return score[rating];
  }

  public boolean isNegative(int rating) {
    return score[rating] < 0;
  }

  public long epochSecond(int rating) {
    return epochSecond[rating];
  }

  /** UTC day number of a rating, the unit of "one occasion" for evidence and bursts. */
  public long epochDay(int rating) {
    return dayOf(epochSecond[rating]);
  }

  /** UTC day number of an epoch second. */
  public static long dayOf(long epochSecond) {
    return Math.floorDiv(epochSecond, SECONDS_PER_DAY);
  }

  /** Number of ratings each account gave. */
  public int[] ratingsGiven() {
    int[] given = new int[accountCount()];
    for (int e = 0; e < ratingCount(); e++) {
      given[rater[e]]++;
    }
    return given;
  }

  /** Per account, the indices of the ratings it gave, ordered by time and then by index. */
  public int[][] ratingsGivenByTime() {
    return groupByTime(rater);
  }

  /** Per account, the indices of the ratings it received, ordered by time and then by index. */
  public int[][] ratingsReceivedByTime() {
    return groupByTime(ratee);
  }

  private int[][] groupByTime(int[] endpoint) {
    int[] size = new int[accountCount()];
    for (int u : endpoint) {
      size[u]++;
    }
    int[][] groups = new int[accountCount()][];
    for (int u = 0; u < groups.length; u++) {
      groups[u] = new int[size[u]];
    }
    int[] filled = new int[accountCount()];
    for (int e = 0; e < endpoint.length; e++) {
      groups[endpoint[e]][filled[endpoint[e]]++] = e;
    }
    for (int[] group : groups) {
      sortByTime(group, new int[group.length], 0, group.length);
    }
    return groups;
  }

  /** Stable merge sort of rating indices by time; groups start in index order, so ties keep it. */
  private void sortByTime(int[] ratings, int[] buffer, int from, int to) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    sortByTime(ratings, buffer, from, mid);
    sortByTime(ratings, buffer, mid, to);
    int left = from;
    int right = mid;
    for (int k = from; k < to; k++) {
      if (right >= to || (left < mid && epochSecond[ratings[left]] <= epochSecond[ratings[right]])) {
        buffer[k] = ratings[left++];
      } else {
        buffer[k] = ratings[right++];
      }
    }
    System.arraycopy(buffer, from, ratings, from, to - from);
  }

  /**
   * The same accounts (same indices) without the ratings {@code account} received: what the
   * account may be judged on when its received ratings carry its label.
   */
  public RatingGraph withoutRatingsReceivedBy(int account) {
    int kept = 0;
    for (int e = 0; e < ratingCount(); e++) {
      if (ratee[e] != account) {
        kept++;
      }
    }
    int[] r = new int[kept];
    int[] t = new int[kept];
    double[] s = new double[kept];
    long[] time = new long[kept];
    int k = 0;
    for (int e = 0; e < ratingCount(); e++) {
      if (ratee[e] != account) {
        r[k] = rater[e];
        t[k] = ratee[e];
        s[k] = score[e];
        time[k] = epochSecond[e];
        k++;
      }
    }
    return new RatingGraph(accounts, index, r, t, s, time);
  }

  /** Collects ratings; accounts get indices in order of first appearance. */
  public static final class Builder {
    private final List<String> accounts = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private int[] rater = new int[16];
    private int[] ratee = new int[16];
    private double[] score = new double[16];
    private long[] epochSecond = new long[16];
    private int size;

    private Builder() {}

    /** Registers an account that may have no ratings yet and returns its index. */
    public int account(String id) {
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("account id must be non-empty");
      }
      return index.computeIfAbsent(id, k -> {
        accounts.add(k);
        return accounts.size() - 1;
      });
    }

    /** Adds one rating; {@code value} must lie in [-1, 1] and a rater cannot rate itself. */
    public Builder add(String raterId, String rateeId, double value, long epochSeconds) {
      if (!(value >= -1 && value <= 1)) {
        throw new IllegalArgumentException("rating score must lie in [-1, 1], got " + value);
      }
      if (raterId != null && raterId.equals(rateeId)) {
        throw new IllegalArgumentException("an account cannot rate itself");
      }
      if (size == rater.length) {
        int capacity = size * 2;
        rater = Arrays.copyOf(rater, capacity);
        ratee = Arrays.copyOf(ratee, capacity);
        score = Arrays.copyOf(score, capacity);
        epochSecond = Arrays.copyOf(epochSecond, capacity);
      }
      rater[size] = account(raterId);
      ratee[size] = account(rateeId);
      score[size] = value;
      epochSecond[size] = epochSeconds;
      size++;
      return this;
    }

    public RatingGraph build() {
      return new RatingGraph(
          List.copyOf(accounts),
          Map.copyOf(index),
          Arrays.copyOf(rater, size),
          Arrays.copyOf(ratee, size),
          Arrays.copyOf(score, size),
          Arrays.copyOf(epochSecond, size));
    }
  }
}
