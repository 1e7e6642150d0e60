package org.chengxin.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecidedCalibrationTest {
  @Test
  void theWilsonIntervalHoldsAtNoneAllAndHalf() {
    assertArrayEquals(new double[] {0, 0.2775}, DecidedCalibration.wilson(0, 10), 1e-4, "0 of 10 still allows up to 28%");
    assertArrayEquals(new double[] {0.7225, 1}, DecidedCalibration.wilson(10, 10), 1e-4);
    assertArrayEquals(new double[] {0.2366, 0.7634}, DecidedCalibration.wilson(5, 10), 1e-4);
  }

  @Test
  void decidedCasesFallInTenthsOfPredictedRiskWithTheShareConfirmed() {
    List<DecidedCalibration.Scored> decided = new ArrayList<>();
    decided.add(new DecidedCalibration.Scored(0.91, true));
    decided.add(new DecidedCalibration.Scored(0.99, true));
    decided.add(new DecidedCalibration.Scored(1.0, false));
    decided.add(new DecidedCalibration.Scored(0.12, false));
    DecidedCalibration calibration = DecidedCalibration.of(decided, 4);

    assertEquals(List.of(0.1, 0.9), calibration.bins().stream().map(DecidedCalibration.Bin::lower).toList(), "empty bins left out; 1.0 in the top bin");
    DecidedCalibration.Bin top = calibration.bins().get(1);
    assertEquals(3, top.cases());
    assertEquals((0.91 + 0.99 + 1.0) / 3, top.meanPredicted(), 1e-12);
    assertEquals(2 / 3.0, top.confirmedShare(), 1e-12);
    assertArrayEquals(new double[] {0.2077, 0.9385}, new double[] {top.intervalLower(), top.intervalUpper()}, 1e-4);
    assertEquals(List.of("0.9-1.0", "3", "0.967", "0.667", "0.208 to 0.939"), calibration.table().rows().get(1));
    assertEquals(4, calibration.unscored());
  }

  @Test
  void withoutDecisionsItSaysSo() {
    assertEquals("no case decided yet", DecidedCalibration.of(List.of(), 0).absent());
    assertEquals("no decided case's seller has a risk on its flag's day in the warehouse (3 decided)", DecidedCalibration.of(List.of(), 3).absent());
  }
}
