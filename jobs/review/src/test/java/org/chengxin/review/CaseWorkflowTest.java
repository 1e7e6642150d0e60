package org.chengxin.review;

import static org.chengxin.review.Flags.DAY1;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.db.ReviewDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's case actions against PostgreSQL: take one case, release, reassign, and a closure by two reviewers. */
class CaseWorkflowTest {
  private static final char[] PASSWORD = "a long enough password".toCharArray();
  private static final Account ALICE = new Account("alice", Role.REVIEWER, 0, false);
  private static final Account BOB = new Account("bob", Role.REVIEWER, 0, false);
  private static final Account LEE = new Account("lee", Role.LEAD, 0, false);
  private static ReviewDatabase db;
  private CaseStore store;
  private AuditLog audit;

  @BeforeAll
  static void database() throws SQLException {
    db = TestPostgres.database("case_workflow_test");
  }

  @BeforeEach
  void queue() throws SQLException {
    TestPostgres.truncate(db);
    Clock clock = Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC);
    AccountStore accounts = new AccountStore(db, clock, new PasswordHash(1024, 1));
    for (Account account : List.of(ALICE, BOB, LEE)) {
      accounts.create(account.name(), account.role(), PASSWORD, Channel.CONSOLE_USER);
    }
    store = new CaseStore(db, clock, Channel.CONSOLE);
    audit = new AuditLog(db);
    store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY1), flag("s2", 9, rings("R2"), DAY1)));
  }

  @Test
  void aChosenCaseIsTakenOnceAndAuditedAsTaken() throws SQLException {
    ReviewCase taken = store.takeCase(1, "alice");

    assertEquals(CaseStatus.IN_REVIEW, taken.status());
    assertEquals("alice", taken.assignedReviewer());
    assertEquals("case 1 is not open: in_review, held by alice",
        assertThrows(ReviewException.class, () -> store.takeCase(1, "bob")).getMessage());
    AuditEntry entry = audit.entries(Optional.of(1L), 10).get(0);
    assertEquals(List.of("alice", "take", "console"), List.of(entry.actor(), entry.action().wire(), entry.channel().wire()));
  }

  @Test
  void theHolderOrALeadReleasesACaseBackToTheOpenQueue() throws SQLException {
    store.takeCase(1, "alice");
    assertThrows(ReviewException.class, () -> store.release(1, BOB));

    store.release(1, LEE);
    ReviewCase open = store.find(1).orElseThrow();
    assertEquals(CaseStatus.OPEN, open.status());
    assertNull(open.assignedReviewer());
    assertEquals("held by alice", audit.entries(Optional.of(1L), 1).get(0).detail());
  }

  @Test
  void aLeadReassignsToAnotherWorkingAccountOnly() throws SQLException {
    store.takeCase(1, "alice");
    assertThrows(ReviewException.class, () -> store.reassign(1, ALICE, "bob"), "a reviewer does not reassign");
    assertEquals("nobody is not a reviewer's or a lead's account",
        assertThrows(ReviewException.class, () -> store.reassign(1, LEE, "nobody")).getMessage());

    store.reassign(1, LEE, "bob");
    assertEquals("bob", store.find(1).orElseThrow().assignedReviewer());
    AuditEntry entry = audit.entries(Optional.of(1L), 1).get(0);
    assertEquals(List.of("lee", "reassign", "from alice to bob"), List.of(entry.actor(), entry.action().wire(), entry.detail()));
    assertEquals("case 1 is held by bob, not alice",
        assertThrows(ReviewException.class, () -> store.decide(1, "alice", Outcome.CLEARED, "not a ring")).getMessage());
  }

  @Test
  void aSevenDayClosureTakesEffectOnlyWhenASecondReviewerConfirmsIt() throws SQLException {
    store.takeCase(1, "alice");
    assertEquals("case 1 recommends a seven-day closure: it takes two reviewers (propose it; a different reviewer confirms it)",
        assertThrows(ReviewException.class, () -> store.decide(1, "alice", Outcome.CONFIRMED, "alone")).getMessage(),
        "no caller of the store closes a store with one reviewer");
    assertTrue(store.penalties("s1").isEmpty());
    assertTrue(store.decideOrPropose(1, "alice", Outcome.CONFIRMED, "ring R1: shared devices") instanceof ClosureProposal);

    assertEquals(CaseStatus.IN_REVIEW, store.find(1).orElseThrow().status(), "nothing decided yet");
    assertTrue(store.penalties("s1").isEmpty(), "no closure yet");
    assertEquals("you proposed the closure of case 1: a different reviewer confirms it",
        assertThrows(ReviewException.class, () -> store.confirmClosure(1, "alice")).getMessage());
    assertThrows(ReviewException.class, () -> store.decide(1, "alice", Outcome.CONFIRMED, "alone"),
        "the proposer cannot confirm it alone through a plain decision either");

    Decision decision = store.confirmClosure(1, "bob");
    assertEquals(List.of("alice", "ring R1: shared devices"), List.of(decision.reviewer(), decision.note()));
    assertEquals(CaseStatus.CONFIRMED, store.find(1).orElseThrow().status());
    Penalty closure = store.penalties("s1").get(0);
    assertEquals(RecommendedAction.SEVEN_DAY_CLOSURE, closure.action());
    assertEquals(LocalDate.of(2026, 11, 9), closure.endsOn());
    assertEquals(List.of(AuditAction.DECIDE, AuditAction.CONFIRM_CLOSURE, AuditAction.PROPOSE_CLOSURE, AuditAction.TAKE),
        audit.entries(Optional.of(1L), 10).stream().map(AuditEntry::action).toList());
    assertThrows(ReviewException.class, () -> store.confirmClosure(1, "lee"), "confirmed once");
  }

  @Test
  void theDatabaseRefusesAClosureConfirmedByItsProposer() throws SQLException {
    store.takeCase(1, "alice");
    store.proposeClosure(1, "alice", "ring R1");
    try (Connection c = db.connection(); Statement statement = c.createStatement()) {
      SQLException refused = assertThrows(SQLException.class, () -> statement.execute(
          "INSERT INTO closure_confirmations (case_id, confirmed_by, confirmed_at) VALUES (1, 'alice', now())"));
      assertTrue(refused.getMessage().contains("another reviewer confirms it"), refused.getMessage());
    }
  }

  @Test
  void takesAndDecisionsOfTheTerminalQueueAreAuditedToo() throws SQLException {
    CaseStore queue = new CaseStore(db, Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC));
    long caseId = queue.take("alice", 1).get(0).caseId();
    queue.decide(caseId, "alice", Outcome.CLEARED, "not a ring");

    List<AuditEntry> entries = audit.entries(Optional.of(caseId), 10);
    assertEquals(List.of(AuditAction.DECIDE, AuditAction.TAKE), entries.stream().map(AuditEntry::action).toList());
    assertEquals("cleared", entries.get(0).detail());
    assertTrue(entries.stream().allMatch(entry -> entry.channel() == Channel.QUEUE));
  }

  @Test
  void theQueueFiltersByReasonWordsAndReviewer() throws SQLException {
    store.takeCase(2, "bob");

    assertEquals(List.of(2L), ids(CaseFilter.ALL.withReviewer(Optional.of("bob"))));
    assertEquals(List.of(2L, 1L), ids(new CaseFilter(Optional.empty(), Optional.empty(), Optional.of("RATING RING"), Optional.empty())));
    assertEquals(List.of(), ids(new CaseFilter(Optional.empty(), Optional.empty(), Optional.of("ring_%"), Optional.empty())),
        "LIKE wildcards are plain text");
    assertEquals(List.of(1L), ids(new CaseFilter(Optional.of(CaseStatus.OPEN), Optional.empty(), Optional.of("ring"), Optional.empty())));
  }

  @Test
  void theQueueFiltersByTheSellersCategoryAndARefreshThatDoesNotKnowItKeepsIt() throws SQLException {
    store.sync(DAY1, List.of(categorised("s3", 4, "luxury_bags"), categorised("s4", 8, "womens_apparel"), categorised("s5", 6, "luxury_bags")));
    store.takeCase(5, "alice");

    assertEquals(List.of(5L, 3L), ids(byCategory("luxury_bags")), "exactly the category's cases, open or held, by priority");
    assertEquals(List.of(4L), ids(byCategory("womens_apparel")));
    assertEquals(List.of(), ids(byCategory("luxury")), "a category matches whole");
    assertEquals(List.of(3L), ids(byCategory("luxury_bags").withStatus(Optional.of(CaseStatus.OPEN))));
    assertEquals(List.of("luxury_bags", "womens_apparel"), store.categories(), "the categories present; s1 and s2 have none");
    assertEquals("womens_apparel", store.find(4).orElseThrow().category());

    store.sync(DAY1, List.of(flag("s3", 4, rings("R3"), DAY1)));
    assertEquals("luxury_bags", store.find(3).orElseThrow().category(), "a flag without a category leaves the case's");
  }

  private static FlaggedSeller categorised(String seller, double priority, String category) {
    FlaggedSeller flag = flag(seller, priority, rings("R-" + seller), DAY1);
    return new FlaggedSeller(flag.sellerId(), flag.priority(), flag.reasons(), flag.evidence(), flag.recommendedAction(), flag.firstFlagged(),
        flag.lastFlagged(), flag.evidenceFingerprint(), category);
  }

  private static CaseFilter byCategory(String category) {
    return new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(category));
  }

  private List<Long> ids(CaseFilter filter) throws SQLException {
    return store.list(filter, 10).stream().map(ReviewCase::caseId).toList();
  }
}
