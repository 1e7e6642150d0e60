package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateSummaryTest {
  @Test
  void platformDayAtOnePer50000() {
    RateSummary s = RateSummary.of(200, 10_000_000, 0.95, TargetCheck.PROMISE);
    assertEquals(2e-5, s.rate(), 1e-18);
    assertTrue(s.clopperPearson().contains(2e-5) && s.jeffreys().contains(2e-5));
    assertFalse(s.targetMet());
    assertTrue(s.cleanTradesNeeded() > 10_000_000);
    assertTrue(s.probabilityBelowTarget() < 1e-9);
  }

  @Test
  void cleanSellerGetsJeffreysProbabilityBelowTarget() {
    RateSummary s = RateSummary.of(0, 10_000, 0.95, TargetCheck.PROMISE);
    // P(Beta(0.5, 10000.5) < 1e-5), from scipy.stats.beta.cdf
    assertEquals(0.3452839970439822, s.probabilityBelowTarget(), 1e-9);
    assertEquals(0, s.rate());
    assertEquals(289_572, s.cleanTradesNeeded());
  }

  @Test
  void noTrades() {
    RateSummary s = RateSummary.of(0, 0, 0.95, TargetCheck.PROMISE);
    assertTrue(Double.isNaN(s.rate()));
    assertEquals(Interval.UNIT, s.clopperPearson());
    assertEquals(299_572, s.cleanTradesNeeded());
  }
}
