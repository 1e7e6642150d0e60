package org.chengxin.detectors.ratings;

/**
 * A rater's share of negative ratings against the market's. The rater's share is shrunk toward the
 * market share p with {@code priorRatings} pseudo-ratings, so one unlucky negative barely moves it:
 *
 * <pre>
 *   shrunk(u) = (negatives(u) + priorRatings * p) / (given(u) + priorRatings)
 *   signal(u) = max(0, (shrunk(u) - p) / (1 - p))      in [0, 1]
 * </pre>
 *
 * 0 means "no more negative than the market", 1 "only negatives with overwhelming evidence".
 */
public final class NegativeShare {
  private NegativeShare() {}

  /** Per account signal; {@code priorRatings} >= 0. */
  public static double[] signal(RatingGraph graph, double priorRatings) {
    RaterReliabilityOptions.requireNonNegative("priorRatings", priorRatings);
    RaterActivity[] activity = RaterActivity.of(graph);
    double market = marketShare(graph);
    double[] signal = new double[activity.length];
    for (int u = 0; u < signal.length; u++) {
      signal[u] = signal(activity[u].negatives(), activity[u].given(), market, priorRatings);
    }
    return signal;
  }

  /** The share of negatives among all ratings of the graph; 0 without ratings. */
  public static double marketShare(RatingGraph graph) {
    long negatives = 0;
    for (int e = 0; e < graph.ratingCount(); e++) {
      negatives += graph.isNegative(e) ? 1 : 0;
    }
    return graph.ratingCount() == 0 ? 0 : (double) negatives / graph.ratingCount();
  }

  public static double signal(long negatives, long given, double marketShare, double priorRatings) {
    if (given == 0 || marketShare >= 1) {
      return 0;
    }
    double shrunk = (negatives + priorRatings * marketShare) / (given + priorRatings);
    return Math.max(0, (shrunk - marketShare) / (1 - marketShare));
  }
}
