package org.chengxin.detectors.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** History, negative share and rating skew on hand-built raters. */
class RaterSignalsTest {
  private static final long DAY = 86_400;
  private static final long T0 = 1_790_000_000L;

  @Test
  void historyCountsDaysAndTenureOfGivenRatingsOnly() {
    RatingGraph graph = RatingGraph.builder()
        .add("u", "a", 1, T0).add("u", "b", 1, T0 + 60).add("u", "c", -1, T0 + 9 * DAY)
        .add("x", "u", -1, T0 + 20 * DAY)
        .build();
    RaterHistory h = RaterHistory.of(graph);
    int u = graph.indexOf("u").orElseThrow();
    assertEquals(3, h.ratingsGiven()[u]);
    assertEquals(2, h.activeDays()[u]);
    assertEquals(10.0, h.tenureDays()[u], 1e-9);
    assertEquals(30.0 / 40, h.thinHistory(30)[u], 1e-12);
    assertEquals(1.0, h.thinHistory(30)[graph.indexOf("a").orElseThrow()]);
  }

  @Test
  void oneUnluckyNegativeBarelyMovesTheNegativeShare() {
    // market 6 % negative; one negative out of one rating with 10 pseudo-ratings
    double unlucky = NegativeShare.signal(1, 1, 0.06, 10);
    double serial = NegativeShare.signal(20, 20, 0.06, 10);
    assertTrue(unlucky < 0.1, "unlucky " + unlucky);
    assertTrue(serial > 0.6, "serial " + serial);
    assertEquals(0.0, NegativeShare.signal(0, 5, 0.06, 10));
  }

  @Test
  void negativeShareUsesTheGraphMarket() {
    RatingGraph.Builder b = RatingGraph.builder();
    for (int i = 0; i < 18; i++) {
      b.add("buyer" + i, "seller", 1, T0 + i);
    }
    b.add("grump", "seller", -1, T0).add("grump", "other", -1, T0 + 1);
    RatingGraph graph = b.build();
    double[] signal = NegativeShare.signal(graph, 10);
    double market = 0.1;
    assertEquals(NegativeShare.signal(2, 2, market, 10), signal[graph.indexOf("grump").orElseThrow()], 1e-12);
    assertEquals(0.0, signal[graph.indexOf("buyer0").orElseThrow()]);
  }

  @Test
  void skewFlagsAllNegativeMinuteBurstsButNotAMarketLikeRater() {
    RatingGraph.Builder b = RatingGraph.builder();
    for (int i = 0; i < 40; i++) {
      b.add("typical" + (i % 4), "s" + i, i % 10 == 0 ? -0.5 : 1, T0 + i * 3 * DAY);
    }
    for (int i = 0; i < 15; i++) {
      b.add("bot", "s" + i, -1, T0 + i * 30);
    }
    RatingGraph graph = b.build();
    double[] skew = RatingSkew.signal(graph, 10);
    double bot = skew[graph.indexOf("bot").orElseThrow()];
    double typical = skew[graph.indexOf("typical0").orElseThrow()];
    assertTrue(bot > 0.5 && typical < 0.2, "bot " + bot + ", typical " + typical);
  }

  @Test
  void skewOfARaterWithOneRatingStaysSmall() {
    RatingGraph.Builder b = RatingGraph.builder();
    for (int i = 0; i < 30; i++) {
      b.add("r" + (i % 3), "s" + i, 1, T0 + i * DAY);
    }
    b.add("once", "s0", -1, T0);
    RatingGraph graph = b.build();
    assertTrue(RatingSkew.signal(graph, 10)[graph.indexOf("once").orElseThrow()] < 0.3);
  }

  @Test
  void binsCoverTheirRanges() {
    assertEquals(0, RatingSkew.scoreBin(-1));
    assertEquals(2, RatingSkew.scoreBin(0));
    assertEquals(RatingSkew.SCORE_BINS - 1, RatingSkew.scoreBin(1));
    assertEquals(0, RatingSkew.gapBin(0));
    assertEquals(2, RatingSkew.gapBin(DAY));
    assertEquals(RatingSkew.GAP_BINS - 1, RatingSkew.gapBin(365 * DAY));
  }
}
