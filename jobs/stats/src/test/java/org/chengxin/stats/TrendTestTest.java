package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrendTestTest {
  private static final long FIRST_DAY = 20_393; // 2025-11-01
  private static final long TRADES_PER_DAY = 1_000_000;

  /** 90 days at 2e-5 per trade, multiplied by exp(logChangePerDay * day). */
  private static List<DailyCount> days(double logChangePerDay, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<DailyCount> days = new ArrayList<>();
    for (int d = 0; d < 90; d++) {
      double rate = 2e-5 * Math.exp(logChangePerDay * d);
      days.add(new DailyCount(FIRST_DAY + d, BinomialSampler.sample(random, TRADES_PER_DAY, rate), TRADES_PER_DAY));
    }
    return days;
  }

  @Test
  void detectsAPlantedDecline() {
    // The rate falls by a third over 90 days.
    double change = Math.log(2.0 / 3) / 90;
    TrendResult trend = TrendTest.fit(days(change, 1));
    assertTrue(trend.falling(0.01), trend.toString());
    assertEquals(change, trend.slopePerDay(), 3 * trend.standardError());
  }

  @Test
  void flatSeriesIsNotFalling() {
    for (long seed = 1; seed <= 5; seed++) {
      TrendResult trend = TrendTest.fit(days(0, seed));
      assertTrue(trend.pValueFalling() > 0.01, trend.toString());
    }
  }

  @Test
  void risingSeriesIsNotFalling() {
    TrendResult trend = TrendTest.fit(days(Math.log(1.5) / 90, 2));
    assertTrue(trend.pValueFalling() > 0.99, trend.toString());
  }

  @Test
  void noComplaintsIsNoEvidence() {
    TrendResult trend = TrendTest.fit(List.of(new DailyCount(1, 0, 10), new DailyCount(2, 0, 10), new DailyCount(3, 0, 10)));
    assertEquals(1, trend.pValueFalling());
    assertTrue(Double.isNaN(trend.slopePerDay()));
  }
}
