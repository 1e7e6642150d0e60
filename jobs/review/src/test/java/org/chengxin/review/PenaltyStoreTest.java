package org.chengxin.review;

import static org.chengxin.review.Flags.DAY1;
import static org.chengxin.review.Flags.DAY2;
import static org.chengxin.review.Flags.rings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.PenaltyStatus.Appeal;
import org.chengxin.review.PenaltyStatus.Certificates;
import org.chengxin.review.PenaltyStatus.EndReason;
import org.chengxin.review.db.ReviewDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Penalty lifecycles on PostgreSQL: each kind's end, lifting, certificates, appeals, and append-only history. */
class PenaltyStoreTest {
  /** Cases are decided on DAY2, so every penalty here starts on DAY2. */
  private static final LocalDate START = DAY2;
  private static final LocalDate SEVENTH_DAY = START.plusDays(6);
  private static final LocalDate EIGHTH_DAY = START.plusDays(7);
  private static ReviewDatabase db;

  @BeforeAll
  static void database() throws SQLException {
    db = TestPostgres.database("penalty_store_test");
  }

  @BeforeEach
  void emptyQueue() throws SQLException {
    TestPostgres.truncate(db);
  }

  @Test
  void aSevenDayClosureIsInForceSevenDaysAndEndsOnTheEighth() throws SQLException {
    long id = confirmed("s1", RecommendedAction.SEVEN_DAY_CLOSURE, "alice");

    PenaltyStatus closure = on(START).penalty(id).orElseThrow();
    assertEquals(START, closure.startsOn());
    assertEquals(EIGHTH_DAY, closure.endsOn(), "exclusive end: the seven days are START to SEVENTH_DAY");
    assertEquals(EIGHTH_DAY, closure.termEndsOn());
    assertEquals(EndReason.TERM, closure.endReason());
    assertEquals("alice", closure.decidedBy());
    assertTrue(closure.inForceOn(START) && closure.inForceOn(SEVENTH_DAY));
    assertFalse(closure.inForceOn(EIGHTH_DAY) || closure.inForceOn(START.minusDays(1)));
    assertEquals(List.of(id), activeOn(SEVENTH_DAY, "s1"));
    assertEquals(List.of(), activeOn(EIGHTH_DAY, "s1"));
    assertThrows(ReviewException.class, () -> on(EIGHTH_DAY).lift(id, "carol", "too late: it has ended"));
  }

  @Test
  void aWarningHasNoDuration() throws SQLException {
    long id = confirmed("s1", RecommendedAction.WARN, "alice");

    PenaltyStatus warning = on(START).penalty(id).orElseThrow();
    assertEquals(START, warning.endsOn(), "ends the day it starts: on record, restricting nothing");
    assertFalse(warning.inForceOn(START));
    assertEquals(List.of(), activeOn(START, "s1"));
    assertEquals(List.of(id), on(START).penalties(Optional.of("s1"), Optional.empty(), 10).stream()
        .map(PenaltyStatus::penaltyId).toList(), "still on record");
    assertThrows(ReviewException.class, () -> on(START).lift(id, "carol", "nothing to lift"));
  }

  @Test
  void aCertificateDemandIsInForceUntilCertificatesAreReceivedAndAccepted() throws SQLException {
    long id = confirmed("s1", RecommendedAction.DEMAND_CERTIFICATES, "alice");
    LocalDate later = START.plusDays(100);
    assertNull(on(START).penalty(id).orElseThrow().endsOn());
    assertTrue(on(later).penalty(id).orElseThrow().inForceOn(later), "no end while no certificates are accepted");
    assertThrows(ReviewException.class, () -> on(START).certificates(id, Certificates.ACCEPTED, "bob", "nothing received yet"));

    on(START.plusDays(1)).certificates(id, Certificates.RECEIVED, "bob", "brand-9 certificate by mail");
    assertThrows(ReviewException.class, () -> on(START.plusDays(1)).certificates(id, Certificates.RECEIVED, "bob", "again"));
    on(START.plusDays(2)).certificates(id, Certificates.REJECTED, "bob", "brand-9 certificate is a forgery");
    PenaltyStatus rejected = on(START.plusDays(2)).penalty(id).orElseThrow();
    assertEquals(Certificates.REJECTED, rejected.certificates());
    assertNull(rejected.endsOn(), "rejected certificates leave the demand in force");
    assertEquals(List.of(id), activeOn(later, "s1"));

    on(START.plusDays(3)).certificates(id, Certificates.RECEIVED, "bob", "certificate from the brand's registry");
    on(START.plusDays(4)).certificates(id, Certificates.ACCEPTED, "carol", "registry confirms it");
    PenaltyStatus accepted = on(START.plusDays(4)).penalty(id).orElseThrow();
    assertEquals(START.plusDays(4), accepted.endsOn(), "ends on the day the certificates are accepted");
    assertEquals(EndReason.CERTIFICATES_ACCEPTED, accepted.endReason());
    assertNull(accepted.termEndsOn());
    assertEquals(List.of(id), activeOn(START.plusDays(3), "s1"));
    assertEquals(List.of(), activeOn(START.plusDays(4), "s1"));
    assertThrows(ReviewException.class, () -> on(START.plusDays(5)).certificates(id, Certificates.RECEIVED, "bob", "more"));
  }

  @Test
  void onlyACertificateDemandTakesCertificates() throws SQLException {
    long id = confirmed("s1", RecommendedAction.SEVEN_DAY_CLOSURE, "alice");
    assertThrows(ReviewException.class, () -> on(START).certificates(id, Certificates.RECEIVED, "bob", "unasked"));
  }

  @Test
  void liftingEndsAPenaltyEarly() throws SQLException {
    long id = confirmed("s1", RecommendedAction.SEVEN_DAY_CLOSURE, "alice");
    LocalDate lifted = START.plusDays(2);
    assertThrows(IllegalArgumentException.class, () -> on(lifted).lift(id, "carol", "  "), "a lift says why");

    PenaltyEvent event = on(lifted).lift(id, "carol", "seller proved the ring accounts were hijacked");

    assertEquals(PenaltyEventKind.LIFTED, event.kind());
    PenaltyStatus status = on(lifted).penalty(id).orElseThrow();
    assertEquals(lifted, status.endsOn());
    assertEquals(EIGHTH_DAY, status.termEndsOn(), "the term imposed stays on record");
    assertEquals(EndReason.LIFTED, status.endReason());
    assertEquals(List.of(id), activeOn(lifted.minusDays(1), "s1"));
    assertEquals(List.of(), activeOn(lifted, "s1"));
    assertThrows(ReviewException.class, () -> on(lifted).lift(id, "carol", "twice"));
    assertThrows(ReviewException.class, () -> on(lifted).lift(424242, "carol", "no such penalty"));
  }

  @Test
  void anAppealIsDecidedByAnotherReviewerThanTheCases() throws SQLException {
    long id = confirmed("s1", RecommendedAction.SEVEN_DAY_CLOSURE, "alice");
    PenaltyEvent filed = on(START).appeal(id, "sam", "those were my cousins' accounts, not a ring");

    ReviewException own = assertThrows(ReviewException.class,
        () -> on(START.plusDays(1)).decideAppeal(id, Appeal.REJECTED, "alice", "I stand by my decision"));
    assertTrue(own.getMessage().contains("another reviewer"), own.getMessage());
    assertThrows(ReviewException.class, () -> on(START).appeal(id, "sam", "a second appeal while the first is open"));

    LocalDate upheld = START.plusDays(3);
    PenaltyEvent decision = on(upheld).decideAppeal(id, Appeal.UPHELD, "bob", "device overlap is a shared household");
    assertEquals(filed.eventId(), decision.appealEventId());
    PenaltyStatus status = on(upheld).penalty(id).orElseThrow();
    assertEquals(Appeal.UPHELD, status.appeal());
    assertEquals(upheld, status.endsOn(), "an upheld appeal ends the penalty that day");
    assertEquals(EndReason.APPEAL_UPHELD, status.endReason());
    assertThrows(ReviewException.class, () -> on(upheld).decideAppeal(id, Appeal.REJECTED, "carol", "already decided"));
    assertEquals(List.of(PenaltyEventKind.APPEAL_FILED, PenaltyEventKind.APPEAL_UPHELD),
        on(upheld).events("s1").stream().map(PenaltyEvent::kind).toList());
  }

  @Test
  void aRejectedAppealLeavesThePenaltyAndAnotherMayFollow() throws SQLException {
    long id = confirmed("s1", RecommendedAction.SEVEN_DAY_CLOSURE, "alice");
    on(START).appeal(id, "sam", "I did not know the raters");
    on(START.plusDays(1)).decideAppeal(id, Appeal.REJECTED, "bob", "the raters were paid by the seller");

    PenaltyStatus status = on(START.plusDays(1)).penalty(id).orElseThrow();
    assertEquals(Appeal.REJECTED, status.appeal());
    assertEquals(EIGHTH_DAY, status.endsOn());
    assertEquals(EndReason.TERM, status.endReason());

    // Upheld after the term ran out: the outcome is on record, the end the term's.
    on(EIGHTH_DAY.plusDays(1)).appeal(id, "sam", "new bank statements");
    on(EIGHTH_DAY.plusDays(2)).decideAppeal(id, Appeal.UPHELD, "carol", "statements show no payments");
    PenaltyStatus late = on(EIGHTH_DAY.plusDays(2)).penalty(id).orElseThrow();
    assertEquals(Appeal.UPHELD, late.appeal());
    assertEquals(EIGHTH_DAY, late.endsOn());
    assertEquals(EndReason.TERM, late.endReason());
  }

  @Test
  void theDatabaseItselfKeepsTheAppealRules() throws SQLException {
    long id = confirmed("s1", RecommendedAction.SEVEN_DAY_CLOSURE, "alice");
    long filed = on(START).appeal(id, "sam", "not a ring").eventId();
    String decideAs = "INSERT INTO penalty_events (penalty_id, kind, reviewer, note, appeal_event_id, happened_at) VALUES ("
        + id + ", 'appeal_rejected', '%s', 'no', " + filed + ", now())";

    try (Connection c = db.connection(); Statement statement = c.createStatement()) {
      assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO penalty_events (penalty_id, kind, reviewer, "
          + "note, happened_at) VALUES (" + id + ", 'appeal_filed', 'sam', 'again', now())"), "one open appeal");
      assertThrows(SQLException.class, () -> statement.executeUpdate(decideAs.formatted("alice")), "the case's own reviewer");
      statement.executeUpdate(decideAs.formatted("bob"));
      assertThrows(SQLException.class, () -> statement.executeUpdate(decideAs.formatted("carol")), "an appeal is decided once");
    }
    assertEquals(Appeal.REJECTED, on(START).penalty(id).orElseThrow().appeal());
  }

  @Test
  void penaltyEventsCannotBeRewritten() throws SQLException {
    long id = confirmed("s1", RecommendedAction.SEVEN_DAY_CLOSURE, "alice");
    on(START.plusDays(1)).lift(id, "carol", "hijacked accounts");

    try (Connection c = db.connection(); Statement statement = c.createStatement()) {
      assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE penalty_events SET kind = 'appeal_filed'"));
      assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM penalty_events"));
    }
    assertEquals(START.plusDays(1), on(START.plusDays(1)).penalty(id).orElseThrow().endsOn());
  }

  /** A confirmed case of {@code seller} flagged on DAY1 for {@code action}, decided on START by {@code reviewer}; its penalty's id. */
  private static long confirmed(String seller, RecommendedAction action, String reviewer) throws SQLException {
    CaseStore cases = new CaseStore(db, noonOf(START));
    Evidence evidence = rings("R-" + seller);
    cases.sync(DAY1, List.of(new FlaggedSeller(seller, 5, List.of("in ring R-" + seller), evidence, action, DAY1, DAY1,
        evidence.fingerprint())));
    long caseId = cases.take(reviewer, 1).get(0).caseId();
    TwoReviewers.confirm(cases, caseId, reviewer, "confirmed: " + action.wire());
    return cases.penalties(seller).get(0).penaltyId();
  }

  /** The penalty store as of noon (UTC) on {@code day}. */
  private static PenaltyStore on(LocalDate day) {
    return new PenaltyStore(db, noonOf(day));
  }

  private static Clock noonOf(LocalDate day) {
    return Clock.fixed(day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  private static List<Long> activeOn(LocalDate day, String seller) throws SQLException {
    return on(day).penalties(Optional.of(seller), Optional.of(day), 10).stream().map(PenaltyStatus::penaltyId).toList();
  }
}
