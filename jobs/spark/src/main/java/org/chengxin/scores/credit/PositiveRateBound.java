package org.chengxin.scores.credit;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * A Bayesian lower bound on a seller's positive rate, so few ratings cannot outrank many: with a
 * uniform Beta(1, 1) prior and (possibly reliability-weighted) counts, the posterior is
 * Beta(1 + positive, 1 + total - positive) and the bound is its 5th percentile. 3 positives out of 3
 * give about 0.47; 9,990 out of 10,000 about 0.998. Weighted counts need not be whole, which is
 * why this uses the Beta posterior rather than a Wilson interval.
 */
public final class PositiveRateBound {

  /** The posterior quantile reported. */
  public static final double QUANTILE = 0.05;

  private PositiveRateBound() {}

  /**
   * @param positive (weighted) positive ratings
   * @param total (weighted) ratings, positive included
   */
  public static double lowerBound(double positive, double total) {
    if (!(positive >= 0 && total >= positive)) {
      throw new IllegalArgumentException("need 0 <= positive <= total, got " + positive + " of " + total);
    }
    return BetaDistribution.of(1 + positive, 1 + total - positive).inverseCumulativeProbability(QUANTILE);
  }
}
