package org.chengxin.stats;

import java.io.Serializable;

/**
 * Everything the dissatisfaction table reports for one scope and window from its two counts; one call
 * per row.
 *
 * @param upheld upheld complaints on trades completed in the window
 * @param trades completed trades in the window
 * @param rate upheld / trades; NaN when there are no trades (write null)
 * @param clopperPearson two-sided exact interval at the summary's level
 * @param jeffreys two-sided Jeffreys interval at the summary's level
 * @param oneSidedUpper one-sided exact upper bound at the target check's confidence
 * @param probabilityBelowTarget posterior probability that the rate is below the target, Jeffreys prior
 * @param targetPValue exact one-sided p-value of "rate >= target"
 * @param targetMet whether the target is met with the check's confidence ({@code oneSidedUpper < target})
 * @param cleanTradesNeeded further zero-complaint trades needed to meet the target, 0 when met
 */
public record RateSummary(
    long upheld,
    long trades,
    double rate,
    Interval clopperPearson,
    Interval jeffreys,
    double oneSidedUpper,
    double probabilityBelowTarget,
    double targetPValue,
    boolean targetMet,
    long cleanTradesNeeded)
    implements Serializable {

  /** Summarises {@code upheld} out of {@code trades} with two-sided intervals at {@code level}. */
  public static RateSummary of(long upheld, long trades, double level, TargetCheck check) {
    Counts.check(upheld, trades);
    return new RateSummary(
        upheld,
        trades,
        trades == 0 ? Double.NaN : (double) upheld / trades,
        BinomialIntervals.clopperPearson(upheld, trades, level),
        BinomialIntervals.jeffreys(upheld, trades, level),
        BinomialIntervals.clopperPearsonUpper(upheld, trades, check.confidence()),
        BetaPrior.JEFFREYS.probabilityBelow(upheld, trades, check.target()),
        check.pValue(upheld, trades),
        check.met(upheld, trades),
        check.cleanTradesNeeded(upheld, trades));
  }
}
