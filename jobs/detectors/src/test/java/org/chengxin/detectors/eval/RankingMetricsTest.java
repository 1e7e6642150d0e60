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
    // ranking pos, neg, pos, neg: the second positive loses to one negative of two -> 3 / 4
    assertEquals(0.75, RankingMetrics.rocAuc(new double[] {0.9, 0.8, 0.7, 0.1}, LABELS), 1e-12);
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
  void aPerfectRankingHasAucAndApOne() {
    double[] scores = {0.9, 0.8, 0.2, 0.1};
    boolean[] fraud = {true, true, false, false};
    assertEquals(1.0, RankingMetrics.rocAuc(scores, fraud), 1e-12);
    assertEquals(1.0, RankingMetrics.averagePrecision(scores, fraud), 1e-12);
  }

  @Test
  void aConstantScoreIsNoBetterThanChance() {
    double[] scores = {0.5, 0.5, 0.5, 0.5, 0.5};
    boolean[] fraud = {true, false, false, true, false};
    assertEquals(0.5, RankingMetrics.rocAuc(scores, fraud), 1e-12);
    assertEquals(0.4, RankingMetrics.averagePrecision(scores, fraud), 1e-12, "AP is the base rate");
  }

  @Test
  void averagePrecisionNeedsOnlyAPositive() {
    assertEquals(1.0, RankingMetrics.averagePrecision(new double[] {0.3, 0.1}, new boolean[] {true, true}));
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.averagePrecision(new double[] {1, 2}, new boolean[] {false, false}));
  }

  @Test
  void rejectsOneClassOrMismatchedInput() {
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.rocAuc(new double[] {1, 2}, new boolean[] {true, true}));
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.rocAuc(new double[] {1, 2}, new boolean[] {false, false}));
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.averagePrecision(new double[] {1}, LABELS));
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.rocAuc(new double[] {Double.NaN, 1, 2, 3}, LABELS));
  }
}
