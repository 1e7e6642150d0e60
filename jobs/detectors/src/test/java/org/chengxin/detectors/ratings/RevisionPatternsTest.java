package org.chengxin.detectors.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Paid-off extortion and bought revisions on hand-built cases and a simulated seller population. */
class RevisionPatternsTest {
  private static final long HOUR = 3_600;
  private static final long DAY = 24 * HOUR;
  private static final long T0 = 1_790_000_000L;
  private static final PaidOffExtortionPattern PAID_OFF = PaidOffExtortionPattern.defaults();
  private static final RevisionBurstPattern BURST = RevisionBurstPattern.defaults();

  /** Negative at T0 + offset, complaint filed after it, resolved, revised some hours after the resolution. */
  private static RevisedRating paidOff(long offset, double hoursAfterResolution) {
    long rated = T0 + offset;
    long resolved = rated + 2 * DAY;
    return new RevisedRating(rated, resolved + Math.round(hoursAfterResolution * HOUR), rated + 5 * HOUR, resolved);
  }

  @Test
  void aRevisionAnsweringACompensationIsPaidOffWhenTheRaterHasExtortedElsewhere() {
    List<RatingFlag> flags = PAID_OFF.flags(List.of(paidOff(0, 6)), 1);
    assertEquals(1, flags.size());
    RatingFlag f = flags.get(0);
    assertEquals(RatingPattern.PAID_OFF_EXTORTION, f.pattern());
    assertEquals(6.0, f.evidence().get("hours_after_resolution"), 1e-9);
    assertEquals(1.0, f.evidence().get("paid_off_revisions"));
    assertEquals(2.0 / 3, f.score(), 1e-12);
  }

  @Test
  void twoPaidOffRevisionsCorroborateEachOtherAndMoreHistoryRaisesTheScore() {
    List<RatingFlag> two = PAID_OFF.flags(List.of(paidOff(0, 3), paidOff(5 * DAY, 20)), 0);
    assertEquals(List.of(0, 1), two.stream().map(RatingFlag::rating).toList());
    assertEquals(2.0 / 3, two.get(0).score(), 1e-12);
    List<RatingFlag> more = PAID_OFF.flags(List.of(paidOff(0, 3), paidOff(5 * DAY, 20)), 3);
    assertEquals(1 - 1.0 / 6, more.get(0).score(), 1e-12);
  }

  @Test
  void aSettledHonestDisputeIsNotPaidOffExtortion() {
    // Alone: one complaint after the rating and a revision after the payment, no other sign.
    assertTrue(PAID_OFF.flags(List.of(paidOff(0, 6)), 0).isEmpty());
    long rated = T0;
    // The buyer complained first, then rated, then revised once compensated: the ordinary order.
    RevisedRating complainedFirst = new RevisedRating(rated, rated + 3 * DAY, rated - DAY, rated + 2 * DAY);
    // Revised weeks after the payment: the parcel arrived, not the money.
    RevisedRating late = paidOff(0, 10 * 24);
    // No complaint at all (the parcel arrived), or one resolved after the revision.
    RevisedRating arrived = RevisedRating.unlinked(rated, rated + 9 * DAY);
    RevisedRating resolvedAfter = new RevisedRating(rated, rated + DAY, rated + HOUR, rated + 2 * DAY);
    assertTrue(PAID_OFF.flags(List.of(complainedFirst, late, arrived, resolvedAfter), 5).isEmpty());
  }

  /** Revisable ratings spread evenly: one every {@code every} seconds over [from, to). */
  private static long[] spread(long from, long to, long every) {
    return java.util.stream.LongStream.iterate(from, t -> t < to, t -> t + every).toArray();
  }

  @Test
  void expectedRevisionsFollowTheSellersRevisableRatingsInTheirThirtyDayWindows() {
    long[] one = {T0};
    assertEquals(1.0, RevisionBurstPattern.exposure(one, T0 - DAY, T0 + 40 * DAY), 1e-12);
    assertEquals(0.1, RevisionBurstPattern.exposure(one, T0 + 27 * DAY, T0 + 40 * DAY), 1e-12);
    assertEquals(0.0, RevisionBurstPattern.exposure(one, T0 + 31 * DAY, T0 + 40 * DAY), 1e-12);
  }

  @Test
  void aBurstOfRevisionsOfOldAndNewNegativesIsBoughtAndLaterOnesAreNot() {
    // 30 negatives over 25 days; 20 of them revised within a day; two honest revisions a week later.
    long[] revisable = spread(T0, T0 + 25 * DAY, 20 * HOUR);
    long burst = T0 + 26 * DAY;
    List<long[]> rev = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rev.add(new long[] {burst + i * HOUR, revisable[i]});
    }
    rev.add(new long[] {burst + 8 * DAY, revisable[25]});
    rev.add(new long[] {burst + 9 * DAY, revisable[27]});
    long[] revisedAt = rev.stream().mapToLong(r -> r[0]).toArray();
    long[] ratedAt = rev.stream().mapToLong(r -> r[1]).toArray();
    List<RatingFlag> flags = BURST.flags(revisedAt, ratedAt, revisable, 0.1);
    assertEquals(IntStream.range(0, 20).boxed().toList(), flags.stream().map(RatingFlag::rating).toList());
    RatingFlag f = flags.get(0);
    assertEquals(RatingPattern.BOUGHT_REVISION, f.pattern());
    assertEquals(20.0, f.evidence().get("burst_revisions"));
    assertEquals(19.0, f.evidence().get("burst_hours"), 1e-9);
    assertTrue(f.evidence().get("expected_revisions") < 0.2, "a day of 30 negatives' windows at 10%");
    assertTrue(f.score() > 0.99);
  }

  @Test
  void anOrdinaryRevisionADayBeforeABurstIsNotPartOfIt() {
    long[] revisable = spread(T0, T0 + 25 * DAY, 10 * HOUR);
    long burst = T0 + 26 * DAY;
    List<long[]> rev = new ArrayList<>();
    rev.add(new long[] {burst - 20 * HOUR, revisable[3]});
    for (int i = 0; i < 40; i++) {
      rev.add(new long[] {burst + i * 30 * 60, revisable[10 + i]});
    }
    long[] revisedAt = rev.stream().mapToLong(r -> r[0]).toArray();
    long[] ratedAt = rev.stream().mapToLong(r -> r[1]).toArray();
    List<RatingFlag> flags = BURST.flags(revisedAt, ratedAt, revisable, 0.1);
    assertEquals(IntStream.rangeClosed(1, 40).boxed().toList(), flags.stream().map(RatingFlag::rating).toList());
    assertEquals(19.5, flags.get(0).evidence().get("burst_hours"), 1e-9);
  }

  @Test
  void farTailsStillCompare() {
    assertEquals(Math.log(PoissonTail.atLeast(2, 5)), PoissonTail.logAtLeast(2, 5), 1e-12);
    double far = PoissonTail.logAtLeast(1.5, 300);
    double farther = PoissonTail.logAtLeast(1.5, 301);
    assertTrue(Double.isFinite(far) && far < -1000 && farther < far);
    assertEquals(0.0, PoissonTail.atLeast(1.5, 300));
  }

  @Test
  void aBatchOfLateParcelsRevisedTogetherIsNotABurst() {
    // Ten negatives of one day (a late batch), all revised when the parcels arrived three days later.
    long[] revisable = spread(T0, T0 + 10 * HOUR, HOUR);
    long[] revisedAt = spread(T0 + 3 * DAY, T0 + 3 * DAY + 10 * HOUR, HOUR);
    assertTrue(BURST.flags(revisedAt, revisable.clone(), revisable, 0.1).isEmpty());
  }

  @Test
  void aBusySellersOrdinaryRevisionsAreNotABurst() {
    // 600 negatives over 30 days, each revised with probability 0.3 at a uniform time within 30 days.
    SplittableRandom rng = new SplittableRandom(5);
    long[] revisable = spread(T0, T0 + 30 * DAY, 30 * DAY / 600);
    List<long[]> rev = new ArrayList<>();
    for (long t : revisable) {
      if (rng.nextDouble() < 0.3) {
        rev.add(new long[] {t + rng.nextLong(30 * DAY), t});
      }
    }
    rev.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] revisedAt = rev.stream().mapToLong(r -> r[0]).toArray();
    long[] ratedAt = rev.stream().mapToLong(r -> r[1]).toArray();
    assertTrue(revisedAt.length > 150);
    assertTrue(BURST.flags(revisedAt, ratedAt, revisable, 0.3).isEmpty());
  }

  @Test
  void aSmallSellersFewRevisionsNeedFiveToBeABurst() {
    long[] revisable = spread(T0, T0 + 10 * DAY, DAY);
    long[] four = {T0 + 11 * DAY, T0 + 11 * DAY + HOUR, T0 + 11 * DAY + 2 * HOUR, T0 + 11 * DAY + 3 * HOUR};
    long[] rated = {T0, T0 + 3 * DAY, T0 + 6 * DAY, T0 + 9 * DAY};
    assertTrue(BURST.flags(four, rated, revisable, 0.1).isEmpty());
    long[] five = java.util.Arrays.copyOf(four, 5);
    five[4] = T0 + 11 * DAY + 4 * HOUR;
    long[] rated5 = java.util.Arrays.copyOf(rated, 5);
    rated5[4] = T0 + DAY;
    assertEquals(5, BURST.flags(five, rated5, revisable, 0.1).size());
  }
}
