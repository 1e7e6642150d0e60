package org.chengxin.models;

import java.util.ArrayList;
import java.util.List;

/**
 * The risk model's calibration table on its held-out sellers: predicted risk against the observed
 * fraud rate, in equal-width bins. (ROC-AUC and average precision come from
 * {@link org.chengxin.detectors.eval.RankingMetrics}, the project's one implementation.)
 */
public final class Calibration {

  /** One calibration bin: predicted risks in [lower, upper), how many, their mean and the observed fraud rate. */
  public record CalibrationBin(double lower, double upper, int sellers, double meanPredicted, double observedRate) {}

  private Calibration() {}

  /** Equal-width bins over [0, 1]; empty bins are left out. */
  public static List<CalibrationBin> bins(double[] risks, boolean[] fraudulent, int bins) {
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
}
