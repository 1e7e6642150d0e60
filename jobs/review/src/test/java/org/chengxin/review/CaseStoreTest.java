package org.chengxin.review;

import static org.chengxin.review.Flags.DAY1;
import static org.chengxin.review.Flags.DAY2;
import static org.chengxin.review.Flags.DAY3;
import static org.chengxin.review.Flags.flag;
import static org.chengxin.review.Flags.rings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.db.ReviewDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseStoreTest {
  private static final Instant NOON_DAY2 = Instant.parse("2026-11-02T12:00:00Z");
  private static ReviewDatabase db;
  private CaseStore store;

  @BeforeAll
  static void database() throws SQLException {
    db = TestPostgres.database("case_store_test");
  }

  @BeforeEach
  void emptyQueue() throws SQLException {
    TestPostgres.truncate(db);
    store = new CaseStore(db, Clock.fixed(NOON_DAY2, ZoneOffset.UTC));
  }

  @Test
  void newFlaggedSellersBecomeOpenCases() throws SQLException {
    SyncResult result = store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY1), flag("s2", 9, rings("R2"), DAY1)));

    assertEquals(new SyncResult(DAY1, 2, 0, 0, 0), result);
    List<ReviewCase> open = store.list(Optional.of(CaseStatus.OPEN), 10);
    assertEquals(List.of("s2", "s1"), open.stream().map(ReviewCase::sellerId).toList(), "highest priority first");
    ReviewCase s1 = open.get(1);
    assertEquals(rings("R1"), s1.evidence());
    assertEquals(RecommendedAction.SEVEN_DAY_CLOSURE, s1.recommendedAction());
    assertEquals(DAY1, s1.firstFlagged());
    assertNull(s1.assignedReviewer());
  }

  @Test
  void openCaseIsRefreshedNotDuplicated() throws SQLException {
    store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY1)));
    FlaggedSeller again = new FlaggedSeller("s1", 7.5, List.of("in ring R1", "three malicious ratings"),
        new Evidence(List.of("R1"), List.of("r1", "r2", "r3"), List.of(), List.of()), RecommendedAction.WARN, DAY2, DAY2, "fp2");

    assertEquals(new SyncResult(DAY2, 0, 1, 0, 0), store.sync(DAY2, List.of(again)));

    List<ReviewCase> cases = store.casesOf("s1");
    assertEquals(1, cases.size());
    ReviewCase refreshed = cases.get(0);
    assertEquals(7.5, refreshed.priority());
    assertEquals(again.reasons(), refreshed.reasons());
    assertEquals(again.evidence(), refreshed.evidence());
    assertEquals("fp2", refreshed.evidenceFingerprint());
    assertEquals(RecommendedAction.WARN, refreshed.recommendedAction());
    assertEquals(DAY1, refreshed.firstFlagged(), "first flagged stays the earliest day");
    assertEquals(DAY2, refreshed.lastFlagged());
  }

  @Test
  void resyncingTheSameDayChangesNothing() throws SQLException {
    List<FlaggedSeller> day = List.of(flag("s1", 5, rings("R1"), DAY1));
    store.sync(DAY1, day);
    List<ReviewCase> before = store.list(Optional.empty(), 10);
    store.sync(DAY1, day);
    assertEquals(before, store.list(Optional.empty(), 10));
  }

  @Test
  void caseInReviewIsNotDisturbed() throws SQLException {
    store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY1)));
    ReviewCase taken = store.take("alice", 1).get(0);

    SyncResult result = store.sync(DAY2, List.of(flag("s1", 99, rings("R1", "R7"), DAY2)));

    assertEquals(new SyncResult(DAY2, 0, 0, 1, 0), result);
    assertEquals(List.of(taken), store.casesOf("s1"), "same priority, evidence, days and reviewer as when taken");
  }

  @Test
  void clearedSellerIsNotFlaggedAgainWithoutNewEvidence() throws SQLException {
    store.sync(DAY1, List.of(flag("s1", 5, rings("R1", "R2"), DAY1)));
    long caseId = store.take("alice", 1).get(0).caseId();
    store.decide(caseId, "alice", Outcome.CLEARED, "ring R1 is a family business, ratings are real");

    assertEquals(new SyncResult(DAY2, 0, 0, 0, 1), store.sync(DAY2, List.of(flag("s1", 50, rings("R1", "R2"), DAY2))));
    assertEquals(new SyncResult(DAY3, 0, 0, 0, 1), store.sync(DAY3, List.of(flag("s1", 50, rings("R2"), DAY3))),
        "part of the old evidence is not new");
    assertEquals(1, store.casesOf("s1").size());
    assertEquals(List.of(), store.list(Optional.of(CaseStatus.OPEN), 10));
  }

  @Test
  void clearedSellerWithNewEvidenceGetsANewCase() throws SQLException {
    store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY1)));
    long first = store.take("alice", 1).get(0).caseId();
    store.decide(first, "alice", Outcome.CLEARED, "not a ring");

    SyncResult result = store.sync(DAY3, List.of(flag("s1", 8, rings("R1", "R9"), DAY3)));

    assertEquals(new SyncResult(DAY3, 1, 0, 0, 0), result);
    List<ReviewCase> cases = store.casesOf("s1");
    assertEquals(List.of(CaseStatus.CLEARED, CaseStatus.OPEN), cases.stream().map(ReviewCase::status).toList());
    assertEquals(rings("R1", "R9"), cases.get(1).evidence());
  }

  @Test
  void confirmedSellerKeepsATraceablePenaltyHistory() throws SQLException {
    store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY1)));
    long first = store.take("alice", 1).get(0).caseId();
    Decision decision = TwoReviewers.confirm(store, first, "alice", "ring confirmed by shared devices");

    assertEquals(new SyncResult(DAY2, 0, 0, 0, 1), store.sync(DAY2, List.of(flag("s1", 5, rings("R1"), DAY2))));
    store.sync(DAY3, List.of(flag("s1", 6, rings("R1", "R4"), DAY3)));
    long second = store.take("bob", 1).get(0).caseId();
    TwoReviewers.confirm(store, second, "bob", "joined a second ring");

    List<Penalty> penalties = store.penalties("s1");
    assertEquals(List.of(first, second), penalties.stream().map(Penalty::caseId).toList());
    Penalty closure = penalties.get(0);
    assertEquals(RecommendedAction.SEVEN_DAY_CLOSURE, closure.action());
    assertEquals(DAY2, closure.startsOn(), "from the day of the decision");
    assertEquals(DAY2.plusDays(7), closure.endsOn());
    List<Decision> decisions = store.decisions(Optional.of("s1"));
    assertEquals(decision, decisions.get(0));
    assertEquals(List.of("alice", "bob"), decisions.stream().map(Decision::reviewer).toList());
  }

  @Test
  void onlyTheReviewerHoldingACaseDecidesItOnce() throws SQLException {
    store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY1), flag("s2", 1, rings("R2"), DAY1)));
    long held = store.take("alice", 1).get(0).caseId();
    long open = store.list(Optional.of(CaseStatus.OPEN), 1).get(0).caseId();

    assertThrows(ReviewException.class, () -> store.decide(held, "bob", Outcome.CLEARED, "looks fine"));
    assertThrows(ReviewException.class, () -> store.decide(open, "alice", Outcome.CLEARED, "looks fine"));
    assertThrows(ReviewException.class, () -> store.decide(12345, "alice", Outcome.CLEARED, "looks fine"));
    assertThrows(IllegalArgumentException.class, () -> store.decide(held, "alice", Outcome.CLEARED, "  "));
    store.decide(held, "alice", Outcome.CLEARED, "looks fine");
    assertThrows(ReviewException.class, () -> store.decide(held, "alice", Outcome.CONFIRMED, "changed my mind"));
    assertEquals(1, store.decisions(Optional.empty()).size());
  }

  @Test
  void decisionsAndPenaltiesCannotBeRewritten() throws SQLException {
    store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY1)));
    long caseId = store.take("alice", 1).get(0).caseId();
    TwoReviewers.confirm(store, caseId, "alice", "counterfeit handbags");

    try (Connection c = db.connection(); Statement statement = c.createStatement()) {
      assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE decisions SET outcome = 'cleared'"));
      assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM penalties"));
    }
    assertEquals(Outcome.CONFIRMED, store.decisions(Optional.empty()).get(0).outcome());
  }

  @Test
  void syncRejectsAmbiguousInput() {
    assertThrows(IllegalArgumentException.class,
        () -> store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY1), flag("s1", 6, rings("R2"), DAY1))));
    assertThrows(IllegalArgumentException.class, () -> store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY2))));
  }

  @Test
  void takeHandsOutHighestPriorityFirstAndMarksTheReviewer() throws SQLException {
    store.sync(DAY1, List.of(flag("s1", 1, rings("R1"), DAY1), flag("s2", 3, rings("R2"), DAY1), flag("s3", 2, rings("R3"), DAY1)));

    List<ReviewCase> taken = store.take("alice", 2);

    assertEquals(List.of("s2", "s3"), taken.stream().map(ReviewCase::sellerId).toList());
    assertTrue(taken.stream().allMatch(c -> c.status() == CaseStatus.IN_REVIEW && c.assignedReviewer().equals("alice")
        && c.takenAt().equals(NOON_DAY2)));
    assertEquals(List.of("s1"), store.take("bob", 10).stream().map(ReviewCase::sellerId).toList());
    assertEquals(List.of(), store.take("carol", 10));
    assertThrows(IllegalArgumentException.class, () -> store.take("no spaces allowed", 1));
  }
}
