package org.chengxin.stats;

import java.io.Serializable;
import java.util.Objects;

/**
 * The hyperprior of a flagged kind's prior: the kind's prior is the marginal posterior mode under it,
 * so with few flagged sellers the hyperprior decides what their counts cannot, and with many their own
 * likelihood outweighs it and the kind stands on its own.
 *
 * <p>The hyperprior has two parts, both Gaussian in (ln alpha, ln beta), and optionally the
 * concentration factor of {@link SpreadHyperprior#WEAK}:
 *
 * <ul>
 *   <li>the kind's mean, on the logit scale (ln alpha - ln beta), normal with standard deviation
 *       {@code meanSpread} around a {@link Centre}: the platform prior's mean (a kind with next to no
 *       evidence keeps near the ordinary rate) or the kind's own pooled rate, its upheld complaints
 *       over its matured trades (with a handful of sellers the beta-binomial mean is a differently
 *       weighted average of their rates whose weights hang on a spread they cannot pin down; the
 *       pooled rate is the mean's efficient estimate when they share one rate);
 *   <li>the kind's spread, as for every fit ({@link SpreadHyperprior}): the shape alpha (at these rates
 *       the inverse square of the rates' coefficient of variation, the relative spread, which unlike
 *       the concentration carries over between populations whose means differ a thousandfold) around
 *       1. It is centred on that fixed reference rather than on the platform's fitted shape, which a
 *       small market learns from a handful of upheld complaints (3 on a 300,000-trade fortnight gave
 *       alpha = 0.013): pooling toward it would import the very instability pooling is for;
 *   <li>with {@code concentrationFactor}, (alpha + beta)^(-1/2). With the two Gaussian terms the
 *       hyperprior is proper without it; at a shape held near 1 it favours a small beta and so pulls
 *       the kind's mean up.
 * </ul>
 *
 * <p>Together they keep a kind's prior from collapsing to a point mass that pulls every flagged seller
 * onto one rate, or from running off to a U-shaped prior (three flagged sellers with one complaint,
 * fitted alone, give a mean of several percent). Choices are compared on tuning seeds only, never on
 * the seeds the sweep reports (docs/dissatisfaction.md).
 *
 * @param centre what the kind's logit mean is centred on
 * @param meanSpread standard deviation of the kind's logit mean around the centre, > 0
 * @param concentrationFactor whether the hyperprior has the factor (alpha + beta)^(-1/2)
 */
public record PartialPooling(Centre centre, double meanSpread, boolean concentrationFactor) implements Serializable {
  /** What a kind's logit mean is centred on. */
  public enum Centre {
    /** The platform prior's mean. */
    PLATFORM,
    /** The kind's pooled rate, its upheld complaints over its (matured) trades. */
    KIND_POOLED_RATE
  }

  /** The kind's logit mean within 10 of the platform's, with the concentration factor: the job's until 2026-12-04. */
  public static final PartialPooling PLATFORM_CENTRED = new PartialPooling(Centre.PLATFORM, 10, true);

  /** The kind's logit mean within 0.25 of its pooled rate, without the concentration factor. */
  public static final PartialPooling POOLED_RATE_CENTRED = new PartialPooling(Centre.KIND_POOLED_RATE, 0.25, false);

  /**
   * What the job uses: {@link #POOLED_RATE_CENTRED}, chosen on nine tuning markets (docs/dissatisfaction.md:
   * the flagged sellers' mean ratio 0.664 against 0.693 centred on the platform, worst 1.09 against 2.13).
   */
  public static final PartialPooling DEFAULT = POOLED_RATE_CENTRED;

  public PartialPooling {
    Objects.requireNonNull(centre, "centre");
    if (!(meanSpread > 0)) {
      throw new IllegalArgumentException("the mean's spread must be > 0, got " + meanSpread);
    }
  }

  /** Fits the prior of the flagged sellers in {@code kind}, next to the ordinary sellers' {@code platform}. */
  public PriorFit fit(CountHistogram kind, BetaPrior platform) {
    return BetaBinomialFit.fit(kind, around(kind, platform));
  }

  /**
   * The hyperprior for {@code kind}: its mean centred as {@link #centre} says (on the platform's when
   * the kind has no upheld complaint, whose pooled rate is 0), on top of the shape term.
   */
  Hyperprior around(CountHistogram kind, BetaPrior platform) {
    double centreLogit = centre == Centre.KIND_POOLED_RATE && kind.upheld() > 0 && kind.upheld() < kind.trades()
        ? Math.log(kind.upheld()) - Math.log(kind.trades() - kind.upheld())
        : Math.log(platform.alpha()) - Math.log(platform.beta());
    double weight = 1 / (meanSpread * meanSpread);
    SpreadHyperprior spread = concentrationFactor ? SpreadHyperprior.WEAK : SpreadHyperprior.SHAPE_ONLY;
    return new Hyperprior() {
      @Override
      public double logDensity(double s, double t) {
        double mean = s - t - centreLogit;
        return spread.logDensity(s, t) - 0.5 * weight * mean * mean;
      }

      @Override
      public void addDerivatives(double s, double t, double[] g, double[][] h) {
        spread.addDerivatives(s, t, g, h);
        double mean = s - t - centreLogit;
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
