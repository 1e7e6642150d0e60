package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetCheckTest {
  private static final TargetCheck PROMISE = TargetCheck.PROMISE;

  @Test
  void zeroComplaintsNeedAbout300000Trades() {
    // ln(0.05) / ln(1 - 1e-5) = 299,571.73
    assertEquals(299_572, PROMISE.cleanTradesNeeded(0, 0));
    assertTrue(PROMISE.met(0, 299_572));
    assertFalse(PROMISE.met(0, 299_571));
  }

  @Test
  void sellerWith10000CleanTradesNeedsTheRest() {
    assertEquals(289_572, PROMISE.cleanTradesNeeded(0, 10_000));
  }

  @Test
  void tradesNeededIsTheSmallestThatMeetsTheTarget() {
    long[][] cases = {{1, 50_000}, {3, 100_000}, {7, 300_000}, {40, 1_000_000}, {3, 3_000_000_000L - 10}};
    for (long[] c : cases) {
      long needed = PROMISE.cleanTradesNeeded(c[0], c[1]);
      assertTrue(PROMISE.met(c[0], c[1] + needed), "met after " + needed);
      if (needed > 0) {
        assertFalse(PROMISE.met(c[0], c[1] + needed - 1), "not met one trade earlier");
      }
    }
  }

  @Test
  void metMeansTheOneSidedUpperBoundIsBelowTheTarget() {
    long[][] cases = {{0, 299_000}, {0, 300_000}, {2, 500_000}, {2, 700_000}, {30, 4_000_000}};
    for (long[] c : cases) {
      boolean below = BinomialIntervals.clopperPearsonUpper(c[0], c[1], 0.95) < 1e-5;
      assertEquals(below, PROMISE.met(c[0], c[1]), c[0] + " of " + c[1]);
    }
  }

  @Test
  void alreadyMetNeedsNothing() {
    assertEquals(0, PROMISE.cleanTradesNeeded(1, 10_000_000));
  }
}
