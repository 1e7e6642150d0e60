package org.chengxin.detectors.ratings;

import java.io.Serializable;

/**
 * What the ratings one account gave say about it, accumulated in time order: the counts every
 * per-rater signal reads (thin history, negative share, rating skew). One rater's ratings are one
 * run through {@link #add}, so the same code serves a graph in memory ({@link #of}) and a Spark task
 * walking a partition sorted by rater and time.
 */
public final class RaterActivity implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double SECONDS_PER_DAY = 86_400.0;

  private int given;
  private int negatives;
  private int activeDays;
  private long first;
  private long last;
  private final long[] scoreCounts = new long[RatingSkew.SCORE_BINS];
  private final long[] gapCounts = new long[RatingSkew.GAP_BINS];

  /** The next rating the account gave, no earlier than the one before. */
  public void add(long epochSecond, double score) {
    if (given > 0 && epochSecond < last) {
      throw new IllegalArgumentException("ratings must come in time order: " + epochSecond + " after " + last);
    }
    if (given == 0) {
      first = epochSecond;
      activeDays = 1;
    } else {
      gapCounts[RatingSkew.gapBin(epochSecond - last)]++;
      if (RatingGraph.dayOf(epochSecond) != RatingGraph.dayOf(last)) {
        activeDays++;
      }
    }
    last = epochSecond;
    given++;
    if (score < 0) {
      negatives++;
    }
    scoreCounts[RatingSkew.scoreBin(score)]++;
  }

  /** Per account of the graph, its activity from the ratings it gave. */
  public static RaterActivity[] of(RatingGraph graph) {
    int[][] givenByTime = graph.ratingsGivenByTime();
    RaterActivity[] activity = new RaterActivity[graph.accountCount()];
    for (int u = 0; u < activity.length; u++) {
      activity[u] = new RaterActivity();
      for (int e : givenByTime[u]) {
        activity[u].add(graph.epochSecond(e), graph.score(e));
      }
    }
    return activity;
  }

  public int given() {
    return given;
  }

  public int negatives() {
    return negatives;
  }

  /** Distinct UTC days with a given rating. */
  public int activeDays() {
    return activeDays;
  }

  /** Days from the first to the last given rating, plus one; 0 for an account that gave none. */
  public double tenureDays() {
    return given == 0 ? 0 : (last - first) / SECONDS_PER_DAY + 1;
  }

  /** Given ratings per score bin ({@link RatingSkew#scoreBin}). */
  public long[] scoreCounts() {
    return scoreCounts.clone();
  }

  /** Gaps between consecutive given ratings per gap bin ({@link RatingSkew#gapBin}). */
  public long[] gapCounts() {
    return gapCounts.clone();
  }
}
