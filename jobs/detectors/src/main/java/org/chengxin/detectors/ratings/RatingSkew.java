package org.chengxin.detectors.ratings;

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
  public static final int SCORE_BINS = 5;
  private static final long[] GAP_LIMITS_SECONDS = {60, 3_600, 86_400, 7 * 86_400, 30 * 86_400};
  public static final int GAP_BINS = GAP_LIMITS_SECONDS.length + 1;

  private RatingSkew() {}

  public static double[] signal(RatingGraph graph, double priorRatings) {
    RaterReliabilityOptions.requireNonNegative("priorRatings", priorRatings);
    RaterActivity[] activity = RaterActivity.of(graph);
    long[] scoreTotals = new long[SCORE_BINS];
    long[] gapTotals = new long[GAP_BINS];
    for (RaterActivity a : activity) {
      addTo(scoreTotals, a.scoreCounts());
      addTo(gapTotals, a.gapCounts());
    }
    double[] scoreMarket = market(scoreTotals);
    double[] gapMarket = market(gapTotals);
    double[] signal = new double[activity.length];
    for (int u = 0; u < activity.length; u++) {
      signal[u] = signal(activity[u], scoreMarket, gapMarket, priorRatings);
    }
    return signal;
  }

  /** One rater's signal against the market's histograms ({@link #market}). */
  public static double signal(RaterActivity activity, double[] scoreMarket, double[] gapMarket, double priorRatings) {
    double divergence = divergence(activity.scoreCounts(), scoreMarket, priorRatings)
        + divergence(activity.gapCounts(), gapMarket, priorRatings);
    return 1 - Math.exp(-divergence);
  }

  /** Adds {@code counts} into {@code totals} bin by bin. */
  public static void addTo(long[] totals, long[] counts) {
    for (int b = 0; b < totals.length; b++) {
      totals[b] += counts[b];
    }
  }

  public static int scoreBin(double score) {
    return Math.min(SCORE_BINS - 1, (int) Math.floor((score + 1) / 2 * SCORE_BINS));
  }

  public static int gapBin(long gapSeconds) {
    for (int b = 0; b < GAP_LIMITS_SECONDS.length; b++) {
      if (gapSeconds <= GAP_LIMITS_SECONDS[b]) {
        return b;
      }
    }
    return GAP_LIMITS_SECONDS.length;
  }

  /** KL divergence of the smoothed histogram of {@code counts} from {@code market}. */
  static double divergence(long[] counts, double[] market, double priorRatings) {
    double total = 0;
    for (long c : counts) {
      total += c;
    }
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

  /** The market's histogram from every rater's counts, with one pseudo-count per bin, normalised. */
  public static double[] market(long[] totals) {
    double[] market = new double[totals.length];
    double sum = 0;
    for (int b = 0; b < totals.length; b++) {
      market[b] = 1 + totals[b];
      sum += market[b];
    }
    for (int b = 0; b < market.length; b++) {
      market[b] /= sum;
    }
    return market;
  }
}
