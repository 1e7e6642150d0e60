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
  private static final double SECONDS_PER_DAY = 86_400.0;

  public static RaterHistory of(RatingGraph graph) {
    int[][] givenByTime = graph.ratingsGivenByTime();
    int n = graph.accountCount();
    int[] given = new int[n];
    int[] days = new int[n];
    double[] tenure = new double[n];
    for (int u = 0; u < n; u++) {
      int[] ratings = givenByTime[u];
      given[u] = ratings.length;
      for (int i = 0; i < ratings.length; i++) {
        if (i == 0 || graph.epochDay(ratings[i]) != graph.epochDay(ratings[i - 1])) {
          days[u]++;
        }
      }
      if (ratings.length > 0) {
        long span = graph.epochSecond(ratings[ratings.length - 1]) - graph.epochSecond(ratings[0]);
        tenure[u] = span / SECONDS_PER_DAY + 1;
      }
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
