package org.chengxin.detectors.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.chengxin.core.event.ComplaintOutcome;
import org.junit.jupiter.api.Test;

class RaterScoringTest {
  private static final long HOUR = 3_600;
  private static final long DAY = 24 * HOUR;
  private static final long T0 = 1_790_000_000L;

  @Test
  void noisyOrCombinesWeightedSignals() {
    SuspicionCombiner combiner = new SuspicionCombiner(Map.of(RaterSignal.UNFAIRNESS, 1.0, RaterSignal.THIN_HISTORY, 0.5));
    double[] values = new double[RaterSignal.values().length];
    values[RaterSignal.UNFAIRNESS.ordinal()] = 0.2;
    values[RaterSignal.THIN_HISTORY.ordinal()] = 0.4;
    values[RaterSignal.RATING_SKEW.ordinal()] = 1.0;
    assertEquals(1 - 0.8 * 0.8, combiner.combine(values), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new SuspicionCombiner(Map.of(RaterSignal.EXTORTION, 1.5)));
  }

  /**
   * A small market over 60 days: long-standing buyers rate sellers positively, with one honest
   * buyer's single unlucky negative; an extortionist and three sock accounts attack one seller.
   */
  @Test
  void patternsAreFlaggedAndTheUnluckyHonestBuyerIsNot() {
    RatingGraph.Builder b = RatingGraph.builder();
    for (int buyer = 0; buyer < 8; buyer++) {
      for (int d = 0; d < 60; d += 6) {
        b.add("buyer" + buyer, "seller" + ((buyer + d) % 5), 1, T0 + (d + buyer) * DAY);
      }
    }
    b.add("unlucky", "seller1", 1, T0 + 2 * DAY).add("unlucky", "seller2", 1, T0 + 30 * DAY)
        .add("unlucky", "seller3", -1, T0 + 58 * DAY);
    b.add("extortionist", "seller0", -1, T0 + 40 * DAY + 2 * HOUR);
    for (int i = 0; i < 3; i++) {
      b.add("sock" + i, "seller4", -1, T0 + 50 * DAY + i * HOUR);
    }
    RatingGraph g = b.build();
    List<ComplaintResolution> complaints = List.of(
        new ComplaintResolution(index(g, "extortionist"), index(g, "seller0"), T0 + 40 * DAY, ComplaintOutcome.REJECTED),
        new ComplaintResolution(index(g, "unlucky"), index(g, "seller3"), T0 + 57 * DAY, ComplaintOutcome.UPHELD));

    RaterScoring.Result r = RaterScoring.score(g, complaints, RaterScoringOptions.defaults());

    assertEquals(4, r.flags().size());
    assertTrue(r.flags().stream().noneMatch(f -> g.account(g.rater(f.rating())).equals("unlucky")));
    assertTrue(r.signal(RaterSignal.EXTORTION)[index(g, "extortionist")] > 0.9);
    assertTrue(r.signal(RaterSignal.COMPETITOR_ATTACK)[index(g, "sock0")] > 0.6);
    double unlucky = r.suspicion()[index(g, "unlucky")];
    for (String bad : new String[] {"extortionist", "sock0", "sock1", "sock2"}) {
      assertTrue(r.suspicion()[index(g, bad)] > unlucky + 0.1, bad + " vs unlucky " + unlucky);
    }
    assertTrue(r.reliability().converged());
  }

  private static int index(RatingGraph g, String account) {
    return g.indexOf(account).orElseThrow();
  }
}
