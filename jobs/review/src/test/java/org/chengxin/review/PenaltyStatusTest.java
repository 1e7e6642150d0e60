package org.chengxin.review;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.chengxin.review.PenaltyStatus.Appeal;
import org.chengxin.review.PenaltyStatus.Certificates;
import org.chengxin.review.PenaltyStatus.EndReason;
import org.junit.jupiter.api.Test;

/** The rules of what may happen to a penalty next, without a database. */
class PenaltyStatusTest {
  private static final LocalDate START = LocalDate.of(2026, 11, 2);
  private static final LocalDate END = START.plusDays(7);

  @Test
  void inForceFromItsStartUntilTheDayBeforeItsExclusiveEnd() {
    PenaltyStatus closure = closure(null, null);
    assertFalse(closure.inForceOn(START.minusDays(1)));
    assertTrue(closure.inForceOn(START) && closure.inForceOn(END.minusDays(1)));
    assertFalse(closure.inForceOn(END));
    assertTrue(demand(null).inForceOn(START.plusYears(5)), "no end: in force until something ends it");
  }

  @Test
  void liftingAndCertificatesNeedAPenaltyInForce() {
    assertDoesNotThrow(() -> closure(null, null).check(PenaltyEventKind.LIFTED, "carol", END.minusDays(1)));
    assertThrows(ReviewException.class, () -> closure(null, null).check(PenaltyEventKind.LIFTED, "carol", END));
    assertThrows(ReviewException.class, () -> closure(null, null).check(PenaltyEventKind.CERTIFICATES_RECEIVED, "bob", START));
    PenaltyStatus accepted = new PenaltyStatus(2, "s1", 2, "alice", RecommendedAction.DEMAND_CERTIFICATES, START, null,
        START.plusDays(3), EndReason.CERTIFICATES_ACCEPTED, Certificates.ACCEPTED, null, null);
    assertThrows(ReviewException.class, () -> accepted.check(PenaltyEventKind.CERTIFICATES_RECEIVED, "bob", START.plusDays(3)));
  }

  @Test
  void certificatesAreReceivedThenCheckedOnce() {
    for (Certificates before : new Certificates[] {null, Certificates.REJECTED}) {
      PenaltyStatus waiting = demand(before);
      assertDoesNotThrow(() -> waiting.check(PenaltyEventKind.CERTIFICATES_RECEIVED, "bob", START));
      assertThrows(ReviewException.class, () -> waiting.check(PenaltyEventKind.CERTIFICATES_ACCEPTED, "bob", START));
      assertThrows(ReviewException.class, () -> waiting.check(PenaltyEventKind.CERTIFICATES_REJECTED, "bob", START));
    }
    PenaltyStatus received = demand(Certificates.RECEIVED);
    assertThrows(ReviewException.class, () -> received.check(PenaltyEventKind.CERTIFICATES_RECEIVED, "bob", START));
    assertDoesNotThrow(() -> received.check(PenaltyEventKind.CERTIFICATES_ACCEPTED, "bob", START));
    assertDoesNotThrow(() -> received.check(PenaltyEventKind.CERTIFICATES_REJECTED, "bob", START));
  }

  @Test
  void oneOpenAppealDecidedByAnotherReviewerThanTheCases() {
    assertDoesNotThrow(() -> closure(null, null).check(PenaltyEventKind.APPEAL_FILED, "sam", END.plusDays(30)));
    assertDoesNotThrow(() -> closure(Appeal.REJECTED, 5L).check(PenaltyEventKind.APPEAL_FILED, "sam", START));
    assertThrows(ReviewException.class, () -> closure(Appeal.OPEN, 5L).check(PenaltyEventKind.APPEAL_FILED, "sam", START));
    assertThrows(ReviewException.class, () -> closure(null, null).check(PenaltyEventKind.APPEAL_UPHELD, "bob", START));
    assertThrows(ReviewException.class, () -> closure(Appeal.OPEN, 5L).check(PenaltyEventKind.APPEAL_REJECTED, "alice", START));
    assertDoesNotThrow(() -> closure(Appeal.OPEN, 5L).check(PenaltyEventKind.APPEAL_UPHELD, "bob", END.plusDays(1)),
        "an ended penalty's appeal is still decided");
  }

  /** A seven-day closure from START decided by alice, with its term as its end. */
  private static PenaltyStatus closure(Appeal appeal, Long appealEventId) {
    return new PenaltyStatus(1, "s1", 1, "alice", RecommendedAction.SEVEN_DAY_CLOSURE, START, END, END, EndReason.TERM, null,
        appeal, appealEventId);
  }

  /** A certificate demand from START decided by alice, not ended, its certificates at {@code step}. */
  private static PenaltyStatus demand(Certificates step) {
    return new PenaltyStatus(2, "s1", 2, "alice", RecommendedAction.DEMAND_CERTIFICATES, START, null, null, null, step, null, null);
  }
}
