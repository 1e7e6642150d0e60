package org.chengxin.detectors.ratings;

/**
 * Everything {@link RaterScoring} needs, with defaults from {@link #defaults()}.
 *
 * @param reliability the fairness / goodness / reliability fixed point
 * @param thinHistoryHalfLifeDays rating tenure at which the thin-history signal is 1/2
 * @param negativeSharePriorRatings market pseudo-ratings added to each rater's negative share
 * @param skewPriorRatings market pseudo-ratings added to each rater's score and gap histograms
 * @param extortion the extortion pattern
 * @param attack the competitor-attack pattern
 * @param combiner how the signals become one suspicion score
 */
public record RaterScoringOptions(
    RaterReliabilityOptions reliability,
    double thinHistoryHalfLifeDays,
    double negativeSharePriorRatings,
    double skewPriorRatings,
    ExtortionPattern extortion,
    CompetitorAttackPattern attack,
    SuspicionCombiner combiner) {

  public RaterScoringOptions {
    if (reliability == null || extortion == null || attack == null || combiner == null) {
      throw new IllegalArgumentException("rater scoring options need every part");
    }
    if (!(thinHistoryHalfLifeDays > 0 && Double.isFinite(thinHistoryHalfLifeDays))) {
      throw new IllegalArgumentException("thinHistoryHalfLifeDays must be > 0, got " + thinHistoryHalfLifeDays);
    }
    RaterReliabilityOptions.requireNonNegative("negativeSharePriorRatings", negativeSharePriorRatings);
    RaterReliabilityOptions.requireNonNegative("skewPriorRatings", skewPriorRatings);
  }

  /** Thirty days, ten pseudo-ratings each, default patterns, unit weights. */
  public static RaterScoringOptions defaults() {
    return new RaterScoringOptions(
        RaterReliabilityOptions.defaults(), 30, 10, 10, ExtortionPattern.defaults(),
        CompetitorAttackPattern.defaults(), SuspicionCombiner.unitWeights());
  }

  public RaterScoringOptions withReliability(RaterReliabilityOptions value) {
    return new RaterScoringOptions(
        value, thinHistoryHalfLifeDays, negativeSharePriorRatings, skewPriorRatings, extortion, attack, combiner);
  }

  public RaterScoringOptions withThinHistoryHalfLifeDays(double value) {
    return new RaterScoringOptions(
        reliability, value, negativeSharePriorRatings, skewPriorRatings, extortion, attack, combiner);
  }
}
