package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoverageStudyTest {
  @Test
  void clopperPearsonIsConservativeInEveryScenario() {
    for (CoverageStudy.Scenario scenario : CoverageStudy.SCENARIOS) {
      double exact = CoverageStudy.exactCoverage(scenario, (x, n) -> BinomialIntervals.clopperPearson(x, n, 0.95));
      assertTrue(exact >= 0.95, scenario + " covers " + exact);
    }
  }

  @Test
  void exactCoverageOfTheWholeUnitIntervalIsOne() {
    assertEquals(1, CoverageStudy.exactCoverage(new CoverageStudy.Scenario(1e-5, 1_000_000), (x, n) -> Interval.UNIT), 1e-12);
  }

  @Test
  void optionsHaveDefaultsAndRejectBadValues() {
    assertEquals(
        new CoverageStudyOptions(CoverageStudyOptions.DEFAULT_DRAWS, 7, CoverageStudyOptions.DEFAULT_LEVEL),
        CoverageStudyOptions.parse("--seed", "7"));
    assertNull(CoverageStudyOptions.parse("--help"));
    assertThrows(IllegalArgumentException.class, () -> CoverageStudyOptions.parse("--draws", "0"));
    assertThrows(IllegalArgumentException.class, () -> CoverageStudyOptions.parse("--draws", "many"));
    assertThrows(IllegalArgumentException.class, () -> CoverageStudyOptions.parse("--colour", "red"));
    assertThrows(IllegalArgumentException.class, () -> CoverageStudyOptions.parse("--seed"));
  }
}
