package org.chengxin.detectors.ratings;

/**
 * Settings of the fairness / goodness / reliability fixed point ({@link RaterReliability}).
 *
 * @param priorFairness fairness of a rater with no track record; 0 means trust is earned
 * @param fairnessSmoothing how many rating-days of evidence the fairness prior is worth (cold start)
 * @param priorGoodness goodness of an account nobody has rated yet (0 = neutral)
 * @param goodnessSmoothing how many ratings the goodness prior is worth
 * @param fairnessWeight weight of the rater's fairness in a rating's reliability
 * @param agreementWeight weight of the rating's agreement with the ratee's goodness in its reliability
 * @param tolerance stop when no fairness, goodness or reliability moves more than this
 * @param maxIterations stop after this many rounds even if not converged
 */
public record RaterReliabilityOptions(
    double priorFairness,
    double fairnessSmoothing,
    double priorGoodness,
    double goodnessSmoothing,
    double fairnessWeight,
    double agreementWeight,
    double tolerance,
    int maxIterations) implements java.io.Serializable {

  public RaterReliabilityOptions {
    requireIn("priorFairness", priorFairness, 0, 1);
    requireIn("priorGoodness", priorGoodness, -1, 1);
    requireNonNegative("fairnessSmoothing", fairnessSmoothing);
    requireNonNegative("goodnessSmoothing", goodnessSmoothing);
    requireNonNegative("fairnessWeight", fairnessWeight);
    requireNonNegative("agreementWeight", agreementWeight);
    if (fairnessWeight + agreementWeight <= 0) {
      throw new IllegalArgumentException("fairnessWeight + agreementWeight must be > 0");
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
  }

  /**
   * Defaults fixed before any evaluation except {@code priorFairness}, lowered from REV2's
   * "start fair" to 0 after the Bitcoin Alpha run (docs/rater-reliability.md).
   */
  public static RaterReliabilityOptions defaults() {
    return new RaterReliabilityOptions(0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1e-6, 100);
  }

  public RaterReliabilityOptions withPriorFairness(double value) {
    return new RaterReliabilityOptions(
        value, fairnessSmoothing, priorGoodness, goodnessSmoothing, fairnessWeight, agreementWeight, tolerance,
        maxIterations);
  }

  public RaterReliabilityOptions withIterationLimits(double newTolerance, int newMaxIterations) {
    return new RaterReliabilityOptions(
        priorFairness, fairnessSmoothing, priorGoodness, goodnessSmoothing, fairnessWeight, agreementWeight,
        newTolerance, newMaxIterations);
  }

  static void requireIn(String name, double value, double low, double high) {
    if (!(value >= low && value <= high)) {
      throw new IllegalArgumentException(name + " must lie in [" + low + ", " + high + "], got " + value);
    }
  }

  static void requireNonNegative(String name, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
    }
  }
}
