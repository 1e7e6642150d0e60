package org.chengxin.stats;

import java.io.Serializable;

/**
 * Result of a beta-binomial maximum-likelihood fit.
 *
 * @param prior the fitted Beta(alpha, beta)
 * @param logLikelihood maximised log-likelihood (up to the binomial coefficients, which do not depend on
 *     the prior)
 * @param iterations Newton iterations used
 * @param converged whether the gradient vanished inside the parameter box
 * @param atBound whether a parameter ended on its box limit: concentration at the upper limit means no
 *     detectable spread between sellers (the prior is then close to a point mass at the pooled rate);
 *     alpha at the lower limit means almost no complaints to learn from
 * @param sellers sellers in the data
 * @param upheld total upheld complaints in the data
 * @param trades total trades in the data
 */
public record PriorFit(
    BetaPrior prior,
    double logLikelihood,
    int iterations,
    boolean converged,
    boolean atBound,
    long sellers,
    long upheld,
    long trades)
    implements Serializable {}
