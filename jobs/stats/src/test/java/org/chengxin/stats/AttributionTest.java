package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AttributionTest {
  @Test
  void flaggedSellersRemovedFromBothSides() {
    // 1,000,000 trades with 20 complaints; flagged sellers: 50,000 trades with 10 complaints.
    Attribution a = new Attribution(20, 1_000_000, 10, 50_000);
    assertEquals(2e-5, a.rate(), 1e-18);
    assertEquals(10.0 / 950_000, a.rateWithoutFlagged(), 1e-18);
    assertEquals(0.5, a.complaintShare());
    assertEquals(0.05, a.tradeShare());
    assertEquals(10 - 50_000 * 10.0 / 950_000, a.excessComplaints(), 1e-12);
  }

  @Test
  void flaggedCountsMustBePartOfTheScope() {
    assertThrows(IllegalArgumentException.class, () -> new Attribution(5, 100, 6, 50));
    assertThrows(IllegalArgumentException.class, () -> new Attribution(5, 100, 0, 99));
  }
}
