package org.chengxin.console;

import java.util.List;

/**
 * One scope's dissatisfaction rate (the platform, or a category) over the nightly runs, for one
 * trailing window: per run day the rate, its two-sided 95% Clopper-Pearson interval, the posterior
 * probability that the rate is below the 1/100,000 target (Jeffreys prior), the trades still
 * needed without an upheld complaint to meet the target, and whether it is met (docs/dissatisfaction.md).
 */
record DissatisfactionSeries(String scope, String scopeId, int windowDays, List<String> days, List<Double> rate, List<Double> lower,
    List<Double> upper, List<Double> probabilityMet, List<Long> tradesNeeded, List<Long> trades, List<Long> upheld, List<Boolean> met) {
  /** The platform's promise: one upheld complaint per 100,000 trades. */
  static final double TARGET = 1e-5;

  int latest() {
    return days.size() - 1;
  }
}
