package org.chengxin.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.ConfirmedCase.Step;
import org.chengxin.review.PublicRecord.SellerRecord;
import org.chengxin.review.PublicViolation.AppealOutcome;
import org.chengxin.review.PublicViolation.State;
import org.junit.jupiter.api.Test;

/** The public record's rules without a database: which cases show, and each penalty's end as of a day. */
class PublicRecordTest {
  private static final LocalDate DECIDED = LocalDate.of(2026, 11, 2);
  private static final LocalDate SEVENTH_DAY = DECIDED.plusDays(6);
  private static final Evidence RING = new Evidence(List.of("R-12"), List.of("r0000000042"), List.of(), List.of());
  private static final Evidence FAKES = new Evidence(List.of(), List.of(), List.of("c000000001"), List.of("castellane"));

  @Test
  void aSevenDayClosureEndsOnItsSeventhDay() {
    ConfirmedCase closure = confirmed(1, "s1", RecommendedAction.SEVEN_DAY_CLOSURE, RING);
    assertEquals(Optional.empty(), PublicRecord.violation(closure, DECIDED.minusDays(1)), "not public before its decision");

    PublicViolation first = PublicRecord.violation(closure, DECIDED).orElseThrow();
    assertEquals(DECIDED, first.decidedOn());
    assertEquals(DECIDED, first.penaltyStart());
    assertEquals(SEVENTH_DAY, first.penaltyEnd());
    assertEquals(State.ACTIVE, first.penaltyState());
    assertEquals(State.ACTIVE, PublicRecord.violation(closure, SEVENTH_DAY).orElseThrow().penaltyState());
    PublicViolation after = PublicRecord.violation(closure, SEVENTH_DAY.plusDays(1)).orElseThrow();
    assertEquals(State.ENDED, after.penaltyState());
    assertEquals(SEVENTH_DAY, after.penaltyEnd());
    assertNull(after.appeal());

    SellerRecord onSeventh = PublicRecord.sellers(List.of(closure), SEVENTH_DAY).get(0);
    assertTrue(onSeventh.currentlyPenalised());
    assertEquals(SEVENTH_DAY, onSeventh.closedUntil());
    SellerRecord onEighth = PublicRecord.sellers(List.of(closure), SEVENTH_DAY.plusDays(1)).get(0);
    assertFalse(onEighth.currentlyPenalised());
    assertNull(onEighth.closedUntil());
  }

  @Test
  void aCertificateDemandIsOpenEndedUntilItsCertificatesAreReceivedAndAccepted() {
    List<Step> steps = new ArrayList<>();
    ConfirmedCase demand = confirmed(2, "s2", RecommendedAction.DEMAND_CERTIFICATES, FAKES, steps);
    PublicViolation open = PublicRecord.violation(demand, DECIDED.plusYears(1)).orElseThrow();
    assertNull(open.penaltyEnd());
    assertEquals(State.ACTIVE, open.penaltyState());
    assertEquals("counterfeit goods", open.kind());

    steps.add(step(10, PenaltyEventKind.CERTIFICATES_RECEIVED, null, DECIDED.plusDays(1)));
    steps.add(step(11, PenaltyEventKind.CERTIFICATES_REJECTED, null, DECIDED.plusDays(2)));
    steps.add(step(12, PenaltyEventKind.CERTIFICATES_RECEIVED, null, DECIDED.plusDays(3)));
    steps.add(step(13, PenaltyEventKind.CERTIFICATES_ACCEPTED, null, DECIDED.plusDays(4)));
    demand = confirmed(2, "s2", RecommendedAction.DEMAND_CERTIFICATES, FAKES, steps);
    PublicViolation received = PublicRecord.violation(demand, DECIDED.plusDays(3)).orElseThrow();
    assertNull(received.penaltyEnd(), "received, rejected, received again: still open until checked and accepted");
    assertEquals(State.ACTIVE, received.penaltyState());
    PublicViolation accepted = PublicRecord.violation(demand, DECIDED.plusDays(4)).orElseThrow();
    assertEquals(State.ENDED, accepted.penaltyState());
    assertEquals(DECIDED.plusDays(3), accepted.penaltyEnd(), "the day of the check is the first without the demand");
    SellerRecord record = PublicRecord.sellers(List.of(demand), DECIDED.plusDays(2)).get(0);
    assertTrue(record.currentlyPenalised());
    assertNull(record.closedUntil(), "a certificate demand closes no shop");
  }

  @Test
  void aLiftedPenaltyEndsTheDayBeforeTheLiftAndSaysSo() {
    ConfirmedCase lifted = confirmed(3, "s3", RecommendedAction.SEVEN_DAY_CLOSURE, RING,
        List.of(step(20, PenaltyEventKind.LIFTED, null, DECIDED.plusDays(2))));
    PublicViolation before = PublicRecord.violation(lifted, DECIDED.plusDays(1)).orElseThrow();
    assertEquals(State.ACTIVE, before.penaltyState());
    assertEquals(SEVENTH_DAY, before.penaltyEnd(), "as of a day before the lift, the term holds");
    PublicViolation after = PublicRecord.violation(lifted, DECIDED.plusDays(2)).orElseThrow();
    assertEquals(State.LIFTED, after.penaltyState());
    assertEquals(DECIDED.plusDays(1), after.penaltyEnd());
    ConfirmedCase liftedAtOnce = confirmed(4, "s3", RecommendedAction.SEVEN_DAY_CLOSURE, RING,
        List.of(step(21, PenaltyEventKind.LIFTED, null, DECIDED)));
    assertEquals(DECIDED, PublicRecord.violation(liftedAtOnce, DECIDED).orElseThrow().penaltyEnd(), "never before its start");
  }

  @Test
  void aWarningIsOnRecordForItsOwnDay() {
    PublicViolation warning = PublicRecord.violation(confirmed(5, "s5", RecommendedAction.WARN, RING), DECIDED).orElseThrow();
    assertEquals(DECIDED, warning.penaltyEnd());
    assertEquals(State.ENDED, warning.penaltyState());
    assertFalse(PublicRecord.sellers(List.of(confirmed(5, "s5", RecommendedAction.WARN, RING)), DECIDED).get(0).currentlyPenalised());
  }

  @Test
  void aRejectedAppealIsShownAndAnUpheldOneTakesTheViolationOffTheRecord() {
    Step filed = step(30, PenaltyEventKind.APPEAL_FILED, null, DECIDED.plusDays(1));
    ConfirmedCase rejected = confirmed(6, "s6", RecommendedAction.SEVEN_DAY_CLOSURE, RING,
        List.of(filed, step(31, PenaltyEventKind.APPEAL_REJECTED, 30L, DECIDED.plusDays(3))));
    assertNull(PublicRecord.violation(rejected, DECIDED).orElseThrow().appeal());
    assertEquals(AppealOutcome.PENDING, PublicRecord.violation(rejected, DECIDED.plusDays(2)).orElseThrow().appeal());
    PublicViolation afterRejection = PublicRecord.violation(rejected, DECIDED.plusDays(3)).orElseThrow();
    assertEquals(AppealOutcome.REJECTED, afterRejection.appeal());
    assertEquals(State.ACTIVE, afterRejection.penaltyState(), "a rejected appeal changes nothing but the record");

    ConfirmedCase upheld = confirmed(7, "s7", RecommendedAction.SEVEN_DAY_CLOSURE, RING,
        List.of(filed, step(31, PenaltyEventKind.APPEAL_UPHELD, 30L, DECIDED.plusDays(3))));
    assertEquals(AppealOutcome.PENDING, PublicRecord.violation(upheld, DECIDED.plusDays(2)).orElseThrow().appeal());
    assertEquals(Optional.empty(), PublicRecord.violation(upheld, DECIDED.plusDays(3)));
    assertEquals(Optional.empty(), PublicRecord.violation(upheld, DECIDED.plusDays(30)));
    assertEquals(List.of(), PublicRecord.sellers(List.of(upheld), DECIDED.plusDays(3)), "no violation left: no record");
  }

  @Test
  void aSellersViolationsAreListedOldestFirstWithTheLatestClosure() {
    ConfirmedCase older = confirmed(8, "s8", RecommendedAction.WARN, FAKES);
    ConfirmedCase newer = new ConfirmedCase(9, "s8", List.of("in rating ring R-3 found by ring detection"), Evidence.NONE,
        at(DECIDED.plusDays(3)), penalty(9, "s8", RecommendedAction.SEVEN_DAY_CLOSURE, DECIDED.plusDays(3)), List.of());
    List<SellerRecord> records = PublicRecord.sellers(List.of(newer, older, confirmed(1, "s1", RecommendedAction.WARN, RING)),
        DECIDED.plusDays(4));
    assertEquals(List.of("s1", "s8"), records.stream().map(SellerRecord::sellerId).toList());
    SellerRecord s8 = records.get(1);
    assertEquals(List.of(DECIDED, DECIDED.plusDays(3)), s8.violations().stream().map(PublicViolation::decidedOn).toList());
    assertEquals(DECIDED.plusDays(9), s8.closedUntil());
    assertTrue(s8.currentlyPenalised());
  }

  @Test
  void theKindIsInFixedWordsWithoutTheIdsOfTheEvidence() {
    String kind = PublicRecord.kind(List.of("in rating ring R-12 found by ring detection", "3 ratings received flagged as manipulated",
        "90% of its confirmed trades were confirmed within 3 hours of the order (honest buyers take days)",
        "2 upheld complaints in the last 30 days, all types", "risk model risk-1 puts the chance of fraud at 0.97"), RING);
    assertEquals("credit boosting ring, rating manipulation, fake sales, upheld buyer complaints", kind);
    assertEquals("bought rating revisions", PublicRecord.kind(List.of("bought revisions: 15 of its buyers' ratings turned "
        + "positive in a burst from 2026-11-22 to 2026-11-24"), Evidence.NONE));
    assertEquals("other misconduct", PublicRecord.kind(List.of("risk model risk-1 puts the chance of fraud at 0.97"), Evidence.NONE));
  }

  private static ConfirmedCase confirmed(long caseId, String seller, RecommendedAction action, Evidence evidence) {
    return confirmed(caseId, seller, action, evidence, List.of());
  }

  private static ConfirmedCase confirmed(long caseId, String seller, RecommendedAction action, Evidence evidence, List<Step> steps) {
    return new ConfirmedCase(caseId, seller, List.of("flagged"), evidence, at(DECIDED), penalty(caseId, seller, action, DECIDED), steps);
  }

  private static Penalty penalty(long caseId, String seller, RecommendedAction action, LocalDate start) {
    return new Penalty(caseId, seller, caseId, action, start, action.penaltyEnd(start).orElse(null));
  }

  private static Step step(long id, PenaltyEventKind kind, Long appeal, LocalDate day) {
    return new Step(id, kind, appeal, at(day));
  }

  private static Instant at(LocalDate day) {
    return day.atTime(15, 30).toInstant(ZoneOffset.UTC);
  }
}
