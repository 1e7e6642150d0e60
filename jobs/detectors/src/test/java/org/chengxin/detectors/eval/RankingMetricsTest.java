package org.chengxin.detectors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final boolean[] LABELS = {true, false, true, false};

  @Test
  void aucCountsOrderedPairsAndHalvesTies() {
    assertEquals(1.0, RankingMetrics.rocAuc(new double[] {0.9, 0.1, 0.8, 0.2}, LABELS));
    assertEquals(0.0, RankingMetrics.rocAuc(new double[] {0.1, 0.9, 0.2, 0.8}, LABELS));
    assertEquals(0.5, RankingMetrics.rocAuc(new double[] {1, 1, 1, 1}, LABELS));
    // pairs (pos, neg): (0.9 > 0.5), (0.9 > 0.2), (0.5 = 0.5), (0.5 > 0.2)  -> 3.5 / 4
    assertEquals(0.875, RankingMetrics.rocAuc(new double[] {0.9, 0.5, 0.5, 0.2}, LABELS));
  }

  @Test
  void averagePrecisionStepsPerThreshold() {
    assertEquals(1.0, RankingMetrics.averagePrecision(new double[] {0.9, 0.1, 0.8, 0.2}, LABELS));
    // ranking pos, neg, pos, neg: (1/2) * 1 + (1/2) * (2/3)
    assertEquals(0.5 + 1.0 / 3, RankingMetrics.averagePrecision(new double[] {0.9, 0.8, 0.7, 0.1}, LABELS), 1e-12);
    // all tied: one threshold with precision 1/2
    assertEquals(0.5, RankingMetrics.averagePrecision(new double[] {1, 1, 1, 1}, LABELS));
  }

  @Test
  void rejectsOneClassOrMismatchedInput() {
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.rocAuc(new double[] {1, 2}, new boolean[] {true, true}));
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.averagePrecision(new double[] {1}, LABELS));
  }
}
