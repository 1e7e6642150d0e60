package org.chengxin.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Held-out figures of a scored set of sellers: ROC-AUC, average precision and a calibration table.
 * Ties in the score are handled as groups, so a constant score gets AUC 0.5 and AP = the base rate.
 */
public final class RankingMetrics {

  /** One calibration bin: predicted risks in [lower, upper), how many, their mean and the observed fraud rate. */
  public record CalibrationBin(double lower, double upper, int sellers, double meanPredicted, double observedRate) {}

  private RankingMetrics() {}

  /** Probability that a random fraudulent seller scores above a random honest one (ties count half). */
  public static double rocAuc(double[] scores, boolean[] fraudulent) {
    Integer[] order = ascending(scores);
    long positives = count(fraudulent);
    long negatives = fraudulent.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    // Mann-Whitney U from mid-ranks.
    double rankSum = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (fraudulent[order[k]]) {
          rankSum += midRank;
        }
      }
      i = j + 1;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Average precision: the mean, over fraudulent sellers, of precision at their score (tied groups together). */
  public static double averagePrecision(double[] scores, boolean[] fraudulent) {
    Integer[] order = ascending(scores);
    long positives = count(fraudulent);
    if (positives == 0) {
      return Double.NaN;
    }
    double ap = 0;
    long seen = 0;
    long seenPositive = 0;
    int i = order.length - 1;
    while (i >= 0) {
      int j = i;
      while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
        j--;
      }
      int groupPositive = 0;
      for (int k = j; k <= i; k++) {
        groupPositive += fraudulent[order[k]] ? 1 : 0;
      }
      seen += i - j + 1;
      seenPositive += groupPositive;
      ap += groupPositive * ((double) seenPositive / seen);
      i = j - 1;
    }
    return ap / positives;
  }

  /** Equal-width bins over [0, 1]; empty bins are left out. */
  public static List<CalibrationBin> calibration(double[] risks, boolean[] fraudulent, int bins) {
    List<CalibrationBin> table = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      double lower = (double) b / bins;
      double upper = (double) (b + 1) / bins;
      int n = 0;
      double predicted = 0;
      int observed = 0;
      for (int i = 0; i < risks.length; i++) {
        boolean in = risks[i] >= lower && (risks[i] < upper || (b == bins - 1 && risks[i] <= upper));
        if (in) {
          n++;
          predicted += risks[i];
          observed += fraudulent[i] ? 1 : 0;
        }
      }
      if (n > 0) {
        table.add(new CalibrationBin(lower, upper, n, predicted / n, (double) observed / n));
      }
    }
    return table;
  }

  private static Integer[] ascending(double[] scores) {
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    return order;
  }

  private static long count(boolean[] values) {
    long n = 0;
    for (boolean v : values) {
      n += v ? 1 : 0;
    }
    return n;
  }
}
