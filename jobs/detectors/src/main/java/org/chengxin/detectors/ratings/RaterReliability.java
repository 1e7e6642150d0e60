package org.chengxin.detectors.ratings;

import java.util.Arrays;

/**
 * REV2-style fixed point (Kumar et al., WSDM 2018) over a {@link RatingGraph}: the fairness of
 * raters, the goodness of rated accounts and the reliability of each rating, each defined by the
 * other two. One round applies, in this order and each from the previous values (Jacobi):
 *
 * <pre>
 *   goodness(v)    = (betaG * priorG + sum over ratings e into v of rel(e) * score(e))
 *                    / (betaG + in-count(v))
 *   rel(e = u->v)  = (wF * fairness(u) + wA * (1 - |score(e) - goodness(v)| / 2)) / (wF + wA)
 *   fairness(u)    = (alphaF * priorF + sum over e from u of evidence(e) * rel(e))
 *                    / (alphaF + sum over e from u of evidence(e))
 *   evidence(e)    = 1 / (number of ratings u gave on the UTC day of e)
 * </pre>
 *
 * goodness uses the previous round's reliabilities, reliability this round's goodness and the
 * previous round's fairness, fairness this round's reliabilities; the loop stops when no value moves more than
 * the tolerance or at the iteration cap. Start values are 1 (REV2's). The smoothing terms are the
 * cold start: a rater with little evidence stays near {@code priorFairness}. Counting evidence per
 * rating-day means a burst of ratings on one day earns the trust of one day, not of many ratings.
 */
public final class RaterReliability {
  private RaterReliability() {}

  /** Result of the fixed point; arrays are indexed like the graph's accounts and ratings. */
  public record Scores(double[] fairness, double[] goodness, double[] reliability, int iterations, boolean converged) {}

  public static Scores estimate(RatingGraph graph, RaterReliabilityOptions options) {
    int accounts = graph.accountCount();
    int ratings = graph.ratingCount();
    double[] evidence = ratingDayEvidence(graph);
    double[] inCount = new double[accounts];
    double[] evidenceSum = new double[accounts];
    for (int e = 0; e < ratings; e++) {
      inCount[graph.ratee(e)] += 1;
      evidenceSum[graph.rater(e)] += evidence[e];
    }
    double[] fairness = filled(accounts, 1);
    double[] goodness = filled(accounts, 1);
    double[] reliability = filled(ratings, 1);
    double[] sum = new double[accounts];
    int iteration = 0;
    boolean converged = false;
    while (iteration < options.maxIterations() && !converged) {
      iteration++;
      double change = 0;

      Arrays.fill(sum, 0);
      for (int e = 0; e < ratings; e++) {
        sum[graph.ratee(e)] += reliability[e] * graph.score(e);
      }
      for (int v = 0; v < accounts; v++) {
        double next = goodness(sum[v], inCount[v], options);
        change = Math.max(change, Math.abs(next - goodness[v]));
        goodness[v] = next;
      }

      for (int e = 0; e < ratings; e++) {
        double next = reliability(fairness[graph.rater(e)], graph.score(e), goodness[graph.ratee(e)], options);
        change = Math.max(change, Math.abs(next - reliability[e]));
        reliability[e] = next;
      }

      Arrays.fill(sum, 0);
      for (int e = 0; e < ratings; e++) {
        sum[graph.rater(e)] += evidence[e] * reliability[e];
      }
      for (int u = 0; u < accounts; u++) {
        double next = fairness(sum[u], evidenceSum[u], options);
        change = Math.max(change, Math.abs(next - fairness[u]));
        fairness[u] = next;
      }
      converged = change < options.tolerance();
    }
    return new Scores(fairness, goodness, reliability, iteration, converged);
  }

  /** Goodness of an account from the reliability-weighted scores it received, shrunk to the prior. */
  public static double goodness(double weightedScoreSum, double ratingsReceived, RaterReliabilityOptions o) {
    double denominator = o.goodnessSmoothing() + ratingsReceived;
    return denominator == 0 ? o.priorGoodness() : (o.goodnessSmoothing() * o.priorGoodness() + weightedScoreSum) / denominator;
  }

  /** Reliability of one rating: its rater's fairness and how well it agrees with the ratee's goodness. */
  public static double reliability(double raterFairness, double score, double rateeGoodness, RaterReliabilityOptions o) {
    double agreement = 1 - Math.abs(score - rateeGoodness) / 2;
    return (o.fairnessWeight() * raterFairness + o.agreementWeight() * agreement)
        / (o.fairnessWeight() + o.agreementWeight());
  }

  /** Fairness of a rater from the evidence-weighted reliability of the ratings it gave, shrunk to the prior. */
  public static double fairness(double weightedReliabilitySum, double evidence, RaterReliabilityOptions o) {
    double denominator = o.fairnessSmoothing() + evidence;
    return denominator == 0 ? o.priorFairness() : (o.fairnessSmoothing() * o.priorFairness() + weightedReliabilitySum) / denominator;
  }

  /** Per rating, 1 / (ratings its rater gave that UTC day): each rater-day counts as one occasion. */
  public static double[] ratingDayEvidence(RatingGraph graph) {
    int[] sameDay = graph.sameDayRatingsOfRater();
    double[] evidence = new double[sameDay.length];
    for (int e = 0; e < evidence.length; e++) {
      evidence[e] = 1.0 / sameDay[e];
    }
    return evidence;
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    Arrays.fill(a, value);
    return a;
  }
}
