package org.chengxin.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.chengxin.models.RankingMetrics.CalibrationBin;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  @Test
  void aPerfectRankingHasAucAndApOne() {
    double[] scores = {0.9, 0.8, 0.2, 0.1};
    boolean[] fraud = {true, true, false, false};
    assertEquals(1.0, RankingMetrics.rocAuc(scores, fraud), 1e-12);
    assertEquals(1.0, RankingMetrics.averagePrecision(scores, fraud), 1e-12);
  }

  @Test
  void apAveragesPrecisionAtEachFraudulentSeller() {
    // Ranked: F, H, F, H -> precision 1 at the first, 2/3 at the second.
    double[] scores = {0.9, 0.8, 0.7, 0.1};
    boolean[] fraud = {true, false, true, false};
    assertEquals((1.0 + 2.0 / 3) / 2, RankingMetrics.averagePrecision(scores, fraud), 1e-12);
    assertEquals(0.75, RankingMetrics.rocAuc(scores, fraud), 1e-12);
  }

  @Test
  void aConstantScoreIsNoBetterThanChance() {
    double[] scores = {0.5, 0.5, 0.5, 0.5, 0.5};
    boolean[] fraud = {true, false, false, true, false};
    assertEquals(0.5, RankingMetrics.rocAuc(scores, fraud), 1e-12);
    assertEquals(0.4, RankingMetrics.averagePrecision(scores, fraud), 1e-12);
  }

  @Test
  void calibrationBinsCountPredictedAndObserved() {
    double[] risks = {0.05, 0.15, 0.95, 1.0};
    boolean[] fraud = {false, false, true, false};
    List<CalibrationBin> bins = RankingMetrics.calibration(risks, fraud, 10);
    assertEquals(3, bins.size());
    CalibrationBin top = bins.get(2);
    assertEquals(2, top.sellers());
    assertEquals(0.975, top.meanPredicted(), 1e-12);
    assertEquals(0.5, top.observedRate(), 1e-12);
  }
}
