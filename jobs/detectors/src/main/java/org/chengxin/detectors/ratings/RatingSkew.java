package org.chengxin.detectors.ratings;

import java.util.Arrays;

/**
 * BIRDNEST-style (Hooi et al., SDM 2016) divergence of a rater's behaviour from the market: the
 * histogram of the scores it gave and of the gaps between its consecutive ratings, each smoothed
 * with {@code priorRatings} pseudo-ratings drawn from the market histogram (so a rater with a
 * handful of ratings looks like the market), compared with the market by Kullback-Leibler
 * divergence:
 *
 * <pre>
 *   p_u(bin)  = (count_u(bin) + priorRatings * market(bin)) / (n_u + priorRatings)
 *   signal(u) = 1 - exp(-(KL(p_u^score || market^score) + KL(p_u^gap || market^gap)))
 * </pre>
 *
 * Score bins split [-1, 1] into five equal parts; gap bins are at most a minute, an hour, a day, a
 * week, thirty days, and longer. The market histograms get one pseudo-count per bin so no bin is
 * empty.
 */
public final class RatingSkew {
  static final int SCORE_BINS = 5;
  private static final long[] GAP_LIMITS_SECONDS = {60, 3_600, 86_400, 7 * 86_400, 30 * 86_400};
  static final int GAP_BINS = GAP_LIMITS_SECONDS.length + 1;

  private RatingSkew() {}

  public static double[] signal(RatingGraph graph, double priorRatings) {
    RaterReliabilityOptions.requireNonNegative("priorRatings", priorRatings);
    int n = graph.accountCount();
    double[][] scoreCounts = new double[n][SCORE_BINS];
    double[][] gapCounts = new double[n][GAP_BINS];
    for (int e = 0; e < graph.ratingCount(); e++) {
      scoreCounts[graph.rater(e)][scoreBin(graph.score(e))]++;
    }
    for (int[] given : graph.ratingsGivenByTime()) {
      for (int i = 1; i < given.length; i++) {
        long gap = graph.epochSecond(given[i]) - graph.epochSecond(given[i - 1]);
        gapCounts[graph.rater(given[i])][gapBin(gap)]++;
      }
    }
    double[] scoreMarket = market(scoreCounts, SCORE_BINS);
    double[] gapMarket = market(gapCounts, GAP_BINS);
    double[] signal = new double[n];
    for (int u = 0; u < n; u++) {
      double divergence = divergence(scoreCounts[u], scoreMarket, priorRatings)
          + divergence(gapCounts[u], gapMarket, priorRatings);
      signal[u] = 1 - Math.exp(-divergence);
    }
    return signal;
  }

  static int scoreBin(double score) {
    return Math.min(SCORE_BINS - 1, (int) Math.floor((score + 1) / 2 * SCORE_BINS));
  }

  static int gapBin(long gapSeconds) {
    for (int b = 0; b < GAP_LIMITS_SECONDS.length; b++) {
      if (gapSeconds <= GAP_LIMITS_SECONDS[b]) {
        return b;
      }
    }
    return GAP_LIMITS_SECONDS.length;
  }

  /** KL divergence of the smoothed histogram of {@code counts} from {@code market}. */
  static double divergence(double[] counts, double[] market, double priorRatings) {
    double total = Arrays.stream(counts).sum();
    if (total + priorRatings == 0) {
      return 0;
    }
    double kl = 0;
    for (int b = 0; b < counts.length; b++) {
      double p = (counts[b] + priorRatings * market[b]) / (total + priorRatings);
      if (p > 0) {
        kl += p * Math.log(p / market[b]);
      }
    }
    return kl;
  }

  private static double[] market(double[][] counts, int bins) {
    double[] market = new double[bins];
    Arrays.fill(market, 1);
    for (double[] row : counts) {
      for (int b = 0; b < bins; b++) {
        market[b] += row[b];
      }
    }
    double total = Arrays.stream(market).sum();
    for (int b = 0; b < bins; b++) {
      market[b] /= total;
    }
    return market;
  }
}
