package org.chengxin.stats;

import java.io.Serializable;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * A Beta(alpha, beta) prior for a complaint rate, and what it says about a seller or scope after
 * observing {@code upheld} complaints in {@code trades} trades: the posterior is
 * Beta(alpha + upheld, beta + trades - upheld).
 *
 * <p>{@link #JEFFREYS} is the reference prior behind the Jeffreys interval; fitted priors come from
 * {@link BetaBinomialFit}. Serializable so a Spark job can broadcast it.
 *
 * @param alpha prior "complaints", > 0
 * @param beta prior "clean trades", > 0
 */
public record BetaPrior(double alpha, double beta) implements Serializable {
  /** Beta(1/2, 1/2), Jeffreys' prior for a binomial rate. */
  public static final BetaPrior JEFFREYS = new BetaPrior(0.5, 0.5);

  public BetaPrior {
    if (!(alpha > 0 && beta > 0 && Double.isFinite(alpha) && Double.isFinite(beta))) {
      throw new IllegalArgumentException("beta prior needs finite alpha, beta > 0, got " + alpha + ", " + beta);
    }
  }

  /** Prior mean rate alpha / (alpha + beta). */
  public double mean() {
    return alpha / (alpha + beta);
  }

  /** alpha + beta: how many trades' worth of evidence the prior carries. */
  public double concentration() {
    return alpha + beta;
  }

  /** Posterior mean (upheld + alpha) / (trades + alpha + beta): the shrunk rate. */
  public double posteriorMean(long upheld, long trades) {
    Counts.check(upheld, trades);
    return (upheld + alpha) / (trades + alpha + beta);
  }

  /** Equal-tailed posterior interval at {@code level}. */
  public Interval posteriorInterval(long upheld, long trades, double level) {
    Counts.checkProbability("level", level);
    BetaDistribution posterior = posterior(upheld, trades);
    double tail = (1 - level) / 2;
    return new Interval(posterior.inverseCumulativeProbability(tail), posterior.inverseSurvivalProbability(tail));
  }

  /** Posterior probability that the true rate is below {@code target}. */
  public double probabilityBelow(long upheld, long trades, double target) {
    Counts.checkProbability("target", target);
    return posterior(upheld, trades).cumulativeProbability(target);
  }

  /** The per-seller empirical-Bayes columns in one call. */
  public SellerEstimate estimate(long upheld, long trades, double level, double target) {
    return new SellerEstimate(
        posteriorMean(upheld, trades), posteriorInterval(upheld, trades, level), probabilityBelow(upheld, trades, target));
  }

  private BetaDistribution posterior(long upheld, long trades) {
    Counts.check(upheld, trades);
    return BetaDistribution.of(alpha + upheld, beta + trades - upheld);
  }
}
