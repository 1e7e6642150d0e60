package org.chengxin.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.chengxin.models.Calibration.CalibrationBin;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void calibrationBinsCountPredictedAndObserved() {
    double[] risks = {0.05, 0.15, 0.95, 1.0};
    boolean[] fraud = {false, false, true, false};
    List<CalibrationBin> bins = Calibration.bins(risks, fraud, 10);
    assertEquals(3, bins.size());
    CalibrationBin top = bins.get(2);
    assertEquals(2, top.sellers());
    assertEquals(0.975, top.meanPredicted(), 1e-12);
    assertEquals(0.5, top.observedRate(), 1e-12);
  }
}
