package org.chengxin.detectors.ratings;

/**
 * How established each rater is, from the ratings it gave only: count, distinct UTC days and
 * tenure (days from its first to its last given rating, counting both, so one day is 1).
 *
 * <p>{@link #thinHistory(double)} turns tenure into a cold-start signal in (0, 1]:
 * {@code halfLifeDays / (tenureDays + halfLifeDays)}, 1/2 at a tenure of {@code halfLifeDays}.
 * Accounts that never rated have no tenure and score 1.
 */
public record RaterHistory(int[] ratingsGiven, int[] activeDays, double[] tenureDays) {
  public static RaterHistory of(RatingGraph graph) {
    RaterActivity[] activity = RaterActivity.of(graph);
    int n = activity.length;
    int[] given = new int[n];
    int[] days = new int[n];
    double[] tenure = new double[n];
    for (int u = 0; u < n; u++) {
      given[u] = activity[u].given();
      days[u] = activity[u].activeDays();
      tenure[u] = activity[u].tenureDays();
    }
    return new RaterHistory(given, days, tenure);
  }

  /** Per account, how little track record it has: near 1 for new raters, near 0 for long-standing ones. */
  public double[] thinHistory(double halfLifeDays) {
    double[] thin = new double[tenureDays.length];
    for (int u = 0; u < thin.length; u++) {
      thin[u] = thinHistory(tenureDays[u], halfLifeDays);
    }
    return thin;
  }

  public static double thinHistory(double tenureDays, double halfLifeDays) {
    if (!(halfLifeDays > 0)) {
      throw new IllegalArgumentException("halfLifeDays must be > 0, got " + halfLifeDays);
    }
    return halfLifeDays / (tenureDays + halfLifeDays);
  }
}
