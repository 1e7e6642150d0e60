/**
 * Plain-Java statistics behind the dissatisfaction-rate job: upheld complaints per completed trade at
 * rates near 1e-5, where counts are tiny and noise dominates.
 *
 * <p>Per-row functions (apply to every scope/window row, no state): {@link BinomialIntervals},
 * {@link TargetCheck}, {@link RateSummary#of}, {@link BetaPrior#estimate}, {@link Attribution}.
 * Fits over aggregates (run once per night on the driver from small collected aggregates):
 * {@link BetaBinomialFit} over a {@link CountHistogram}, {@link CategoryPriors}, {@link TrendTest}.
 * Everything is deterministic, takes {@code long} counts and starts no engine. How the Spark job wires
 * it is in {@code docs/dissatisfaction.md}.
 */
package org.chengxin.stats;
