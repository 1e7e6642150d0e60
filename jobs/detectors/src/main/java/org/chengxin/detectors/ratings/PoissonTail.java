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
}
