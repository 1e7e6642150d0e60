package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chengxin.core.cli.UsageException;
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
        CoverageStudyOptions.parse("--seed", "7").orElseThrow());
    assertTrue(CoverageStudyOptions.parse("--help").isEmpty());
    assertThrows(UsageException.class, () -> CoverageStudyOptions.parse("--draws", "0"));
    assertThrows(UsageException.class, () -> CoverageStudyOptions.parse("--draws", "many"));
    assertThrows(UsageException.class, () -> CoverageStudyOptions.parse("--colour", "red"));
    assertThrows(UsageException.class, () -> CoverageStudyOptions.parse("--seed"));
    assertThrows(UsageException.class, () -> CoverageStudyOptions.parse("--level", "1"));
  }
}
