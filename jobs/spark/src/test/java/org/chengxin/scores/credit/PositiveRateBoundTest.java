package org.chengxin.scores.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PositiveRateBoundTest {

  @Test
  void fewPerfectRatingsDoNotBeatManyNearlyPerfectOnes() {
    double threeForThree = PositiveRateBound.lowerBound(3, 3);
    double manyNearlyPerfect = PositiveRateBound.lowerBound(9_990, 10_000);
    assertTrue(threeForThree < manyNearlyPerfect, threeForThree + " vs " + manyNearlyPerfect);
    assertTrue(manyNearlyPerfect > 0.99 && manyNearlyPerfect < 0.999, "bound " + manyNearlyPerfect);
  }

  @Test
  void matchesTheClosedFormOfBetaFourOne() {
    // Beta(4, 1) has CDF x^4, so its 5th percentile is 0.05^(1/4).
    assertEquals(Math.pow(0.05, 0.25), PositiveRateBound.lowerBound(3, 3), 1e-9);
    // With no ratings the uniform prior's 5th percentile.
    assertEquals(0.05, PositiveRateBound.lowerBound(0, 0), 1e-9);
  }

  @Test
  void growsWithPositivesAndTakesWeightedCounts() {
    assertTrue(PositiveRateBound.lowerBound(8, 10) > PositiveRateBound.lowerBound(7, 10));
    assertTrue(PositiveRateBound.lowerBound(2.5, 3.5) > PositiveRateBound.lowerBound(2.5, 4.5));
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThrows(IllegalArgumentException.class, () -> PositiveRateBound.lowerBound(4, 3));
    assertThrows(IllegalArgumentException.class, () -> PositiveRateBound.lowerBound(-1, 3));
    assertThrows(IllegalArgumentException.class, () -> PositiveRateBound.lowerBound(Double.NaN, 3));
  }
}
