package org.chengxin.stats;

import java.io.Serializable;

/**
 * Partial pooling of a flagged kind's prior toward the platform's: the kind's prior is the marginal
 * posterior mode under a hyperprior centred on the platform, so with few flagged sellers it leans on
 * the platform and with many their own likelihood outweighs the hyperprior and it stands on its own.
 *
 * <p>The hyperprior has two parts, both Gaussian in (ln alpha, ln beta):
 *
 * <ul>
 *   <li>the kind's mean, on the logit scale (ln alpha - ln beta), normal around the platform prior's
 *       mean with standard deviation {@code meanSpread}. A kind with next to no evidence keeps near the
 *       ordinary rate, while a handful of counterfeit suspects with several complaints on a few hundred
 *       trades (rates a thousand times the platform's, 7 logits away) move it as far as their
 *       complaints say. The spread is wide because a narrow one costs where it matters: pulling the
 *       counterfeit suspects' mean toward the platform's by a fraction of a logit shrinks each of them
 *       toward too low a rate (spread 5 instead of 10 raised their error on all four tuning markets);
 *   <li>the kind's spread, as for every fit ({@link SpreadHyperprior}): the shape alpha (at these rates
 *       the inverse square of the rates' coefficient of variation, the relative spread, which unlike
 *       the concentration carries over between populations whose means differ a thousandfold) around
 *       1. It is centred on that fixed reference rather than on the platform's fitted shape, which a
 *       small market learns from a handful of upheld complaints (3 on a 300,000-trade fortnight gave
 *       alpha = 0.013): pooling toward it would import the very instability pooling is for.
 * </ul>
 *
 * <p>Together they keep a kind's prior from collapsing to a point mass that pulls every flagged seller
 * onto one rate, or from running off to a U-shaped prior (three flagged sellers with one complaint,
 * fitted alone, give a mean of several percent). The spread was chosen on simulated few-seller kinds
 * and on generated markets of seeds 7, 8 and 9, never on the seeds the sweep reports
 * (docs/dissatisfaction.md).
 *
 * @param meanSpread standard deviation of the kind's logit mean around the platform's, > 0
 */
public record PartialPooling(double meanSpread) implements Serializable {
  /** The kind's logit mean within 10 of the platform's. */
  public static final PartialPooling DEFAULT = new PartialPooling(10);

  public PartialPooling {
    if (!(meanSpread > 0)) {
      throw new IllegalArgumentException("the mean's spread must be > 0, got " + meanSpread);
    }
  }

  /** Fits the prior of the flagged sellers in {@code kind}, pooled toward {@code platform}. */
  public PriorFit fit(CountHistogram kind, BetaPrior platform) {
    return BetaBinomialFit.fit(kind, around(platform));
  }

  /** The hyperprior centred on {@code platform}'s mean, on top of {@link SpreadHyperprior}. */
  Hyperprior around(BetaPrior platform) {
    double centre = Math.log(platform.alpha()) - Math.log(platform.beta());
    double weight = 1 / (meanSpread * meanSpread);
    return new Hyperprior() {
      @Override
      public double logDensity(double s, double t) {
        double mean = s - t - centre;
        return SpreadHyperprior.WEAK.logDensity(s, t) - 0.5 * weight * mean * mean;
      }

      @Override
      public void addDerivatives(double s, double t, double[] g, double[][] h) {
        SpreadHyperprior.WEAK.addDerivatives(s, t, g, h);
        double mean = s - t - centre;
        g[0] -= weight * mean;
        g[1] += weight * mean;
        h[0][0] -= weight;
        h[1][1] -= weight;
        h[0][1] += weight;
        h[1][0] += weight;
      }
    };
  }
}
