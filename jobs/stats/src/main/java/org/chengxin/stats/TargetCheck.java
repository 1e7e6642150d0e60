package org.chengxin.stats;

import java.io.Serializable;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * "Is the rate below the target with the given confidence, and if not, how many more clean trades would
 * show it?"
 *
 * <p>Convention: the target is met when the exact one-sided binomial test rejects "rate >= target", i.e.
 * {@code P(X <= upheld | trades, target) < 1 - confidence}; equivalently the one-sided Clopper-Pearson
 * upper bound at {@code confidence} is below the target. A claim "below the target" is one-sided, so
 * the one-sided bound is the right one: with zero complaints it needs ln(0.05)/ln(1-1e-5) = 299,572, so
 * about 300,000 trades at 95%. (The two-sided 95% interval's upper bound, reported beside it, is
 * ln(40)/n for zero complaints: 3.69e-4 after 10,000 clean trades, 37 times the target.)
 *
 * @param target the promised rate, e.g. 1e-5 (one upheld complaint per 100,000 trades)
 * @param confidence e.g. 0.95
 */
public record TargetCheck(double target, double confidence) implements Serializable {
  /** The platform's promise: one upheld complaint per 100,000 trades, shown with 95% confidence. */
  public static final TargetCheck PROMISE = new TargetCheck(1e-5, 0.95);

  public TargetCheck {
    Counts.checkProbability("target", target);
    Counts.checkProbability("confidence", confidence);
  }

  /** Exact one-sided p-value of "rate >= target": P(Binomial(trades, target) <= upheld). */
  public double pValue(long upheld, long trades) {
    Counts.check(upheld, trades);
    if (upheld == trades) {
      return 1;
    }
    // P(Bin(n, t) <= x) = P(Beta(x+1, n-x) > t): accurate for tiny t, unlike 1 - I_{1-t}(...).
    return BetaDistribution.of(upheld + 1, trades - upheld).survivalProbability(target);
  }

  /** Whether the rate is shown below the target with {@link #confidence}. */
  public boolean met(long upheld, long trades) {
    return pValue(upheld, trades) < 1 - confidence;
  }

  /**
   * The smallest number of further trades without an upheld complaint after which the target is met
   * (0 when it already is). Zero complaints has a closed form; otherwise a Poisson guess is refined by
   * bisection on the exact test, about 20 beta evaluations.
   */
  public long cleanTradesNeeded(long upheld, long trades) {
    Counts.check(upheld, trades);
    if (met(upheld, trades)) {
      return 0;
    }
    long guess;
    if (upheld == 0) {
      // (1-t)^N < alpha  <=>  N > ln(alpha) / ln(1-t)
      guess = (long) Math.floor(Math.log(1 - confidence) / Math.log1p(-target)) + 1;
    } else {
      // P(Poisson(N t) <= x) = P(Gamma(x+1) > N t); binomial and Poisson differ by O(t) here.
      double lambda = GammaDistribution.of(upheld + 1, 1).inverseSurvivalProbability(1 - confidence);
      guess = (long) Math.ceil(lambda / target);
    }
    guess = Math.max(guess, trades + 1);
    // Bracket: hi met, lo not met (trades itself is not met), then bisect. met() is monotone in trades.
    long step = Math.max(2, guess / 1000);
    long hi = guess;
    while (!met(upheld, hi)) {
      hi = Math.addExact(hi, step);
      step *= 2;
    }
    long lo = Math.max(trades, hi - Math.max(2, guess / 1000));
    if (met(upheld, lo)) {
      lo = trades;
    }
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (met(upheld, mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi - trades;
  }
}
