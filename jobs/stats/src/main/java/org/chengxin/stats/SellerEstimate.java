package org.chengxin.stats;

import java.io.Serializable;

/**
 * Empirical-Bayes estimate of one seller's rate under a fitted prior.
 *
 * @param shrunkRate posterior mean; rank sellers by this, not by the raw rate
 * @param interval equal-tailed posterior (credible) interval
 * @param probabilityBelowTarget posterior probability that the rate is below the target
 */
public record SellerEstimate(double shrunkRate, Interval interval, double probabilityBelowTarget)
    implements Serializable {}
