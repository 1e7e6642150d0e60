package org.chengxin.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Exact (Clopper-Pearson) and Jeffreys intervals for a binomial rate, with {@code long} counts.
 *
 * <p>Commons Statistics' {@code BinomialConfidenceInterval} takes {@code int} counts and platform totals
 * pass 2^31, so the bounds are beta quantiles computed directly:
 *
 * <ul>
 *   <li>Clopper-Pearson: lower = Beta(x, n-x+1) quantile at (1-level)/2, upper = Beta(x+1, n-x) quantile
 *       at 1-(1-level)/2; lower = 0 when x = 0 and upper = 1 when x = n (R's {@code binom.test}).
 *   <li>Jeffreys: both bounds from Beta(x+1/2, n-x+1/2), with lower = 0 when x = 0 and upper = 1 when
 *       x = n (Brown, Cai and DasGupta 2001).
 * </ul>
 *
 * <p>Both are two-sided and equal-tailed. With no trades the interval is [0, 1].
 */
public final class BinomialIntervals {
  private BinomialIntervals() {}

  /** Two-sided exact interval at {@code level} (e.g. 0.95) for {@code upheld} out of {@code trades}. */
  public static Interval clopperPearson(long upheld, long trades, double level) {
    return equalTailed(
        upheld,
        trades,
        level,
        tail -> BetaDistribution.of(upheld, trades - upheld + 1).inverseCumulativeProbability(tail),
        tail -> BetaDistribution.of(upheld + 1, trades - upheld).inverseSurvivalProbability(tail));
  }

  /**
   * One-sided exact upper bound at {@code confidence}: the largest rate not rejected by the exact
   * binomial test of "rate >= bound" at 1-confidence. The target check uses this one-sided bound.
   */
  public static double clopperPearsonUpper(long upheld, long trades, double confidence) {
    Counts.check(upheld, trades);
    Counts.checkProbability("confidence", confidence);
    if (upheld == trades) {
      return 1;
    }
    return BetaDistribution.of(upheld + 1, trades - upheld).inverseSurvivalProbability(1 - confidence);
  }

  /** Two-sided Jeffreys interval at {@code level}: equal-tailed posterior interval under Beta(1/2, 1/2). */
  public static Interval jeffreys(long upheld, long trades, double level) {
    return equalTailed(
        upheld,
        trades,
        level,
        tail -> BetaDistribution.of(upheld + 0.5, trades - upheld + 0.5).inverseCumulativeProbability(tail),
        tail -> BetaDistribution.of(upheld + 0.5, trades - upheld + 0.5).inverseSurvivalProbability(tail));
  }

  /**
   * [lower quantile, upper quantile] at tail (1-level)/2 each, with the boundary conventions: lower 0
   * when nothing was observed, upper 1 when every trade had a complaint, [0, 1] without trades.
   */
  private static Interval equalTailed(
      long upheld, long trades, double level, DoubleUnaryOperator lowerAt, DoubleUnaryOperator upperAt) {
    Counts.check(upheld, trades);
    Counts.checkProbability("level", level);
    if (trades == 0) {
      return Interval.UNIT;
    }
    double tail = (1 - level) / 2;
    double lower = upheld == 0 ? 0 : lowerAt.applyAsDouble(tail);
    double upper = upheld == trades ? 1 : upperAt.applyAsDouble(tail);
    return new Interval(lower, upper);
  }
}
