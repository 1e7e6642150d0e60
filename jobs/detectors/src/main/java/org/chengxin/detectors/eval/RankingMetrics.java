package org.chengxin.detectors.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ranking quality of a score against binary labels, higher score = more likely positive. Ties are
 * handled as groups: ROC-AUC counts a tied positive/negative pair as one half (Mann-Whitney), and
 * average precision steps once per distinct score (as scikit-learn's {@code average_precision_score}),
 * so a constant score gets AUC 0.5 and AP = the base rate. The project's one implementation: the
 * detectors' evaluations, {@code scripts/evaluate}, {@code scripts/evaluate-labels} and the risk
 * model's held-out figures (chengxin-models) all use it.
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /** Probability that a random positive outscores a random negative; needs both classes. */
  public static double rocAuc(double[] scores, boolean[] positive) {
    long[][] groups = tieGroups(scores, positive);
    long positives = total(groups, 0);
    long negatives = total(groups, 1);
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("need at least one positive and one negative label");
    }
    double wins = 0;
    long negativesAbove = 0;
    for (long[] g : groups) {
      // Positives in this group beat every negative below it and tie with the group's negatives.
      wins += g[0] * (negatives - negativesAbove - g[1] + 0.5 * g[1]);
      negativesAbove += g[1];
    }
    return wins / ((double) positives * negatives);
  }

  /** Sum over distinct score thresholds of (recall gained) * (precision at that threshold); needs a positive. */
  public static double averagePrecision(double[] scores, boolean[] positive) {
    long[][] groups = tieGroups(scores, positive);
    long positives = total(groups, 0);
    if (positives == 0) {
      throw new IllegalArgumentException("need at least one positive label");
    }
    double ap = 0;
    long truePositives = 0;
    long ranked = 0;
    for (long[] g : groups) {
      truePositives += g[0];
      ranked += g[0] + g[1];
      ap += (double) g[0] / positives * truePositives / ranked;
    }
    return ap;
  }

  /** Distinct scores from highest to lowest, each as {positives, negatives} holding that score. */
  private static long[][] tieGroups(double[] scores, boolean[] positive) {
    Integer[] order = descending(scores, positive);
    List<long[]> groups = new ArrayList<>();
    for (int k = 0; k < order.length; k++) {
      if (k == 0 || scores[order[k]] != scores[order[k - 1]]) {
        groups.add(new long[2]);
      }
      groups.get(groups.size() - 1)[positive[order[k]] ? 0 : 1]++;
    }
    return groups.toArray(long[][]::new);
  }

  private static long total(long[][] groups, int column) {
    long sum = 0;
    for (long[] g : groups) {
      sum += g[column];
    }
    return sum;
  }

  private static Integer[] descending(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException("scores and labels differ in length: " + scores.length + " vs " + positive.length);
    }
    for (double s : scores) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("scores must not be NaN");
      }
    }
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    return order;
  }
}
