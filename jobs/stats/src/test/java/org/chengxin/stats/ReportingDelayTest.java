package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReportingDelayTest {
  /** Delays 0..6 days with these probabilities; the true share filed by age k is their running sum. */
  private static final double[] DELAY = {0.0, 0.1, 0.3, 0.25, 0.15, 0.1, 0.1};

  @Test
  void recoversAKnownDelayFromARightTruncatedHistory() {
    // 20 trade days, 2,000 complaints each eventually; only those filed by the run are seen.
    SplittableRandom random = new SplittableRandom(5);
    long[][] seen = new long[20][DELAY.length];
    for (int age = 0; age < 20; age++) {
      for (int i = 0; i < 2_000; i++) {
        int delay = draw(random);
        if (delay <= age) {
          seen[age][delay]++;
        }
      }
    }
    List<ReportingDelay.Cell> cells = new ArrayList<>();
    for (int age = 0; age < 20; age++) {
      for (int delay = 0; delay <= Math.min(age, DELAY.length - 1); delay++) {
        cells.add(new ReportingDelay.Cell(age, delay, seen[age][delay]));
      }
    }
    ReportingDelay fitted = ReportingDelay.fit(cells);
    assertEquals(6, fitted.longestDelayDays());
    double cumulative = 0;
    for (int age = 0; age < DELAY.length; age++) {
      cumulative += DELAY[age];
      assertEquals(cumulative, fitted.reportedShare(age), 0.02, "age " + age);
    }
    assertEquals(1, fitted.reportedShare(30));
  }

  @Test
  void chainLadderByHand() {
    // Age 2: delays 0 and 1 seen once each; age 1: one at delay 1; age 0: none yet.
    // g1 = (ages >= 2 within 1) / (ages >= 2 within 2) = 2 / 2; g0 = (ages >= 1 within 0) / (within 1) = 1 / 3.
    ReportingDelay fitted = ReportingDelay.fit(List.of(
        new ReportingDelay.Cell(2, 0, 1), new ReportingDelay.Cell(2, 1, 1), new ReportingDelay.Cell(1, 1, 1),
        new ReportingDelay.Cell(0, 0, 0)));
    assertEquals(1, fitted.longestDelayDays());
    assertEquals(1.0 / 3, fitted.reportedShare(0), 1e-15);
    assertEquals(1, fitted.reportedShare(1));
  }

  @Test
  void noComplaintsMeansNoCorrection() {
    assertEquals(ReportingDelay.NONE, ReportingDelay.fit(List.of(new ReportingDelay.Cell(3, 1, 0))));
    assertEquals(1, ReportingDelay.NONE.reportedShare(0));
  }

  @Test
  void aComplaintCannotBeFiledAfterTheRun() {
    assertThrows(IllegalArgumentException.class, () -> new ReportingDelay.Cell(2, 3, 1));
  }

  private static int draw(SplittableRandom random) {
    double u = random.nextDouble();
    for (int k = 0; k < DELAY.length; k++) {
      u -= DELAY[k];
      if (u < 0) {
        return k;
      }
    }
    return DELAY.length - 1;
  }
}
