package org.chengxin.detectors.ratings;

import org.apache.commons.statistics.distribution.PoissonDistribution;

/** How surprising a count is against a Poisson expectation: the tests behind the burst and serial rules. */
public final class PoissonTail {
  private PoissonTail() {}

  /** P(X >= k) for X ~ Poisson(mean); 1 when k <= 0, 0 when the mean is 0 and k >= 1. */
  public static double atLeast(double mean, long k) {
    if (k <= 0) {
      return 1;
    }
    if (mean <= 0) {
      return 0;
    }
    return PoissonDistribution.of(mean).survivalProbability((int) Math.min(Integer.MAX_VALUE, k - 1));
  }

  /**
   * ln P(X >= k), finite where {@link #atLeast} underflows to 0, so that far tails still compare:
   * below 1e-250 it is ln P(X = k) - ln(1 - mean / (k + 1)), the geometric bound on the terms after
   * k (exact to well within 1% of the logarithm there, where mean is far below k).
   */
  public static double logAtLeast(double mean, long k) {
    double tail = atLeast(mean, k);
    if (tail > 1e-250 || mean <= 0) {
      return Math.log(tail);
    }
    int at = (int) Math.min(Integer.MAX_VALUE, k);
    return PoissonDistribution.of(mean).logProbability(at) - Math.log1p(-Math.min(mean / (at + 1.0), 0.5));
  }
}
