package org.chengxin.stats;

/**
 * A log-density over the parameters of a Beta(alpha, beta) prior, as a function of
 * (s, t) = (ln alpha, ln beta): what {@link BetaBinomialFit} adds to the beta-binomial log-likelihood
 * before maximising, so a fit on few sellers stays sensible. Given with its gradient and Hessian,
 * because the fit is Newton's method in those coordinates.
 */
interface Hyperprior {
  /** ln p(s, t) up to a constant. */
  double logDensity(double s, double t);

  /** Adds the gradient of {@link #logDensity} to {@code g} and its Hessian to {@code h}. */
  void addDerivatives(double s, double t, double[] g, double[][] h);
}
