package org.chengxin.review;

import static org.chengxin.review.Flags.DAY1;
import static org.chengxin.review.Flags.DAY2;
import static org.chengxin.review.Flags.DAY3;
import static org.chengxin.review.Flags.flag;
import static org.chengxin.review.Flags.rings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.chengxin.review.ConfirmedCase.Step;
import org.chengxin.review.db.ReviewDatabase;
import org.junit.jupiter.api.Test;

/** What the public record reads from PostgreSQL: confirmed cases only, with their penalty and its events. */
class PublicRecordStoreTest {

  @Test
  void onlyConfirmedCasesAreReadWithTheirPenaltyAndItsEvents() throws SQLException {
    ReviewDatabase db = TestPostgres.database("public_record_store_test");
    CaseStore cases = new CaseStore(db, clockOn(DAY1));
    cases.sync(DAY1, List.of(flag("s1", 9, rings("R1"), DAY1), flag("s2", 8, rings("R2"), DAY1), flag("s3", 7, rings("R3"), DAY1),
        flag("s4", 1, rings("R4"), DAY1)));
    List<ReviewCase> taken = new CaseStore(db, clockOn(DAY2)).take("alice", 3);
    TwoReviewers.confirm(new CaseStore(db, clockOn(DAY2)), taken.get(0).caseId(), "alice", "shared devices");
    new CaseStore(db, clockOn(DAY2)).decide(taken.get(1).caseId(), "alice", Outcome.CLEARED, "real buyers");
    // s3 stays in review, s4 open.
    long penalty = new PenaltyStore(db, clockOn(DAY2)).penalties(java.util.Optional.of("s1"), java.util.Optional.empty(), 1).get(0).penaltyId();
    new PenaltyStore(db, clockOn(DAY3)).lift(penalty, "carol", "refunded");

    List<ConfirmedCase> confirmed = new PublicRecordStore(db).confirmedCases();

    assertEquals(List.of("s1"), confirmed.stream().map(ConfirmedCase::sellerId).toList());
    ConfirmedCase s1 = confirmed.get(0);
    assertEquals(DAY2, LocalDate.ofInstant(s1.decidedAt(), ZoneOffset.UTC));
    assertEquals(RecommendedAction.SEVEN_DAY_CLOSURE, s1.penalty().action());
    assertEquals(DAY2.plusDays(7), s1.penalty().endsOn());
    assertEquals(List.of(PenaltyEventKind.LIFTED), s1.steps().stream().map(Step::kind).toList());
    assertEquals(List.of("R1"), s1.evidence().ringIds());
    PublicViolation lifted = PublicRecord.violation(s1, DAY3).orElseThrow();
    assertEquals(PublicViolation.State.LIFTED, lifted.penaltyState());
    assertEquals(DAY2, lifted.penaltyEnd());
    assertEquals("credit boosting ring", lifted.kind());
  }

  private static Clock clockOn(LocalDate day) {
    return Clock.fixed(day.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }
}
