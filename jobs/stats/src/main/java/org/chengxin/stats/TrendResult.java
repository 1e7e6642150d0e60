package org.chengxin.stats;

/**
 * Whether a scope's daily rate is falling.
 *
 * @param days days with trades that entered the fit
 * @param upheld upheld complaints over those days
 * @param slopePerDay fitted change of the log rate per day (negative: falling); NaN when not estimable
 * @param standardError standard error of the slope, scaled for over-dispersion; NaN when not estimable
 * @param dispersion Pearson chi-square over degrees of freedom, floored at 1 (1 = Poisson)
 * @param pValueFalling one-sided p-value against "the rate is not falling"; small means falling; 1 when
 *     not estimable (fewer than 3 distinct days or no complaints)
 */
public record TrendResult(
    int days, long upheld, double slopePerDay, double standardError, double dispersion, double pValueFalling) {

  /** Fitted rate ratio over 30 days, exp(30 * slope): 0.8 means 20% fewer complaints per trade a month on. */
  public double rateRatioPer30Days() {
    return Math.exp(30 * slopePerDay);
  }

  /** Whether the decline is significant at {@code alpha} (one-sided). */
  public boolean falling(double alpha) {
    return pValueFalling < alpha;
  }
}
