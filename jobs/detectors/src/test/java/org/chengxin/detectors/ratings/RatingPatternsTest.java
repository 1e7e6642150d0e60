package org.chengxin.detectors.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chengxin.core.event.ComplaintOutcome;
import org.junit.jupiter.api.Test;

/** Extortion and competitor attack on hand-built cases. */
class RatingPatternsTest {
  private static final long HOUR = 3_600;
  private static final long DAY = 24 * HOUR;
  private static final long T0 = 1_790_000_000L;
  private static final ExtortionPattern EXTORTION = ExtortionPattern.defaults();
  private static final CompetitorAttackPattern ATTACK = CompetitorAttackPattern.defaults();
  private static final double PRIOR = 10;

  private static ComplaintResolution complaint(RatingGraph g, ComplaintOutcome outcome, long resolvedAt) {
    return new ComplaintResolution(g.indexOf("buyer").orElseThrow(), g.indexOf("seller").orElseThrow(), resolvedAt, outcome);
  }

  @Test
  void negativeRightAfterARejectedComplaintIsExtortion() {
    RatingGraph g = RatingGraph.builder().add("buyer", "seller", -1, T0 + 6 * HOUR).build();
    List<RatingFlag> flags = EXTORTION.flags(g, List.of(complaint(g, ComplaintOutcome.REJECTED, T0)));
    assertEquals(1, flags.size());
    assertEquals(RatingPattern.EXTORTION, flags.get(0).pattern());
    assertEquals(6.0, flags.get(0).evidence().get("hours_after_rejection"));
    assertEquals(1 - 6.0 / 96, flags.get(0).score(), 1e-12);
  }

  @Test
  void fairNegativesAreNotExtortion() {
    RatingGraph g = RatingGraph.builder()
        .add("buyer", "seller", -1, T0 - HOUR)
        .add("buyer", "seller2", -1, T0 + HOUR)
        .add("buyer", "seller", 1, T0 + HOUR)
        .add("buyer", "seller", -1, T0 + 5 * DAY)
        .build();
    assertTrue(EXTORTION.flags(g, List.of(complaint(g, ComplaintOutcome.REJECTED, T0))).isEmpty(),
        "before rejection, other seller, positive, or days later");
    RatingGraph upheld = RatingGraph.builder().add("buyer", "seller", -1, T0 + HOUR).build();
    assertTrue(EXTORTION.flags(upheld, List.of(complaint(upheld, ComplaintOutcome.UPHELD, T0))).isEmpty());
  }

  @Test
  void aRetaliatorsOtherNegativesAreItsHabit() {
    RatingGraph g = RatingGraph.builder()
        .add("buyer", "seller", -1, T0 + HOUR)
        .add("buyer", "other", -1, T0 + 2 * DAY)
        .add("buyer", "third", -1, T0 + 3 * DAY)
        .add("buyer", "fourth", 1, T0 + 4 * DAY)
        .add("calm", "other", -1, T0 + DAY)
        .build();
    List<RatingFlag> flags = EXTORTION.flags(g, List.of(complaint(g, ComplaintOutcome.REJECTED, T0)));
    assertEquals(List.of(RatingPattern.EXTORTION, RatingPattern.EXTORTION_REPEAT, RatingPattern.EXTORTION_REPEAT),
        flags.stream().map(RatingFlag::pattern).toList());
    for (RatingFlag f : flags.subList(1, 3)) {
      assertEquals("buyer", g.account(g.rater(f.rating())));
      assertEquals(0.5, f.score(), 1e-12);
      assertEquals(1.0, f.evidence().get("extortion_flags"));
    }
  }

  @Test
  void aRaterWhoRatesManySellersBadlyAgainstTheOddsIsSerial() {
    SerialNegativePattern serial = SerialNegativePattern.defaults();
    GivenRatings hater = new GivenRatings();
    for (int i = 0; i < 8; i++) {
      hater.add("shop" + i, T0 + i * DAY, i == 7 ? 1 : -1, new long[0]);
    }
    List<RatingFlag> flags = serial.flags(hater, 0.02);
    assertEquals(7, flags.size(), "every negative of the rater");
    RatingFlag f = flags.get(0);
    assertEquals((7.0 / 8 - 0.02) / 0.98, f.score(), 1e-12);
    assertEquals(8 * 0.02, f.evidence().get("expected_negatives"), 1e-12);
    assertEquals(7.0, f.evidence().get("rater_negatives"));

    GivenRatings oneGrudge = new GivenRatings();
    for (int i = 0; i < 8; i++) {
      oneGrudge.add("shop", T0 + i * DAY, -1, new long[0]);
    }
    assertTrue(serial.flags(oneGrudge, 0.02).isEmpty(), "one seller rated badly again and again is a grudge, not a habit");
    GivenRatings unlucky = new GivenRatings();
    for (int i = 0; i < 200; i++) {
      unlucky.add("shop" + i, T0 + i * HOUR, i % 40 == 0 ? -1 : 1, new long[0]);
    }
    assertTrue(serial.flags(unlucky, 0.02).isEmpty(), "5 negatives in 200 ratings is ordinary luck at 2%");
  }

  /** A market of 300 ratings with a 1% negative share, so a burst is judged against ordinary luck. */
  private static RatingGraph.Builder honestMarket() {
    RatingGraph.Builder b = RatingGraph.builder();
    for (int i = 0; i < 300; i++) {
      b.add("buyer" + i, "shop" + i % 10, i % 100 == 0 ? -1 : 1, T0 - 40 * DAY + i * HOUR);
    }
    return b;
  }

  @Test
  void burstOfNegativesFromNewAccountsIsAnAttack() {
    RatingGraph.Builder b = honestMarket();
    for (int i = 0; i < 10; i++) {
      b.add("regular" + i, "seller", 1, T0 + i * DAY);
    }
    for (int i = 0; i < 4; i++) {
      b.add("sock" + i, "seller", -1, T0 + 20 * DAY + i * HOUR);
    }
    RatingGraph g = b.build();
    List<RatingFlag> flags = ATTACK.flags(g, PRIOR);
    assertEquals(4, flags.size());
    for (RatingFlag f : flags) {
      assertTrue(g.account(g.rater(f.rating())).startsWith("sock"));
      assertEquals(4.0, f.evidence().get("burst_raters"));
      assertEquals(4.0, f.evidence().get("window_ratings"), "the window holds the four negatives only");
      assertEquals(0.75, f.score(), 1e-12);
    }
    double market = 7.0 / 314;
    assertEquals(4 * market, flags.get(0).evidence().get("expected_negatives"), 1e-12, "floored at the market's share");
  }

  @Test
  void aBurstTheRateeUsuallyGetsIsNoAttack() {
    // A seller whose buyers rate it badly one time in three: four new buyers' negatives in a day are its normal.
    RatingGraph.Builder b = honestMarket();
    for (int i = 0; i < 60; i++) {
      b.add("past" + i, "seller", i % 3 == 0 ? -1 : 1, T0 + i * 12 * HOUR);
    }
    for (int i = 0; i < 12; i++) {
      b.add("today" + i, "seller", i % 3 == 0 ? -1 : 1, T0 + 40 * DAY + i * HOUR);
    }
    assertTrue(ATTACK.flags(b.build(), PRIOR).isEmpty());
  }

  @Test
  void spreadOutOrEstablishedNegativesAreNoAttack() {
    RatingGraph.Builder b = honestMarket();
    for (int i = 0; i < 4; i++) {
      b.add("slow" + i, "seller", -1, T0 + i * 2 * DAY);
    }
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 3; k++) {
        b.add("veteran" + i, "other" + k, 1, T0 - (k + 1) * DAY);
      }
      b.add("veteran" + i, "seller", -1, T0 + 30 * DAY + i * HOUR);
    }
    assertTrue(ATTACK.flags(b.build(), PRIOR).isEmpty());
  }

  @Test
  void priorRatingsCountOnlyStrictlyEarlierOnes() {
    RatingGraph g = RatingGraph.builder()
        .add("u", "a", 1, T0).add("u", "b", 1, T0).add("u", "c", 1, T0 + 1)
        .build();
    assertEquals(List.of(0, 0, 2), java.util.Arrays.stream(CompetitorAttackPattern.ratingsGivenBefore(g)).boxed().toList());
  }
}
