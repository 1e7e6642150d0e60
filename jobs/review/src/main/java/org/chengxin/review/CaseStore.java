package org.chengxin.review;

import static org.chengxin.review.QueueSql.checkNote;
import static org.chengxin.review.QueueSql.checkReviewer;
import static org.chengxin.review.QueueSql.inTransaction;
import static org.chengxin.review.QueueSql.instant;
import static org.chengxin.review.QueueSql.now;
import static org.chengxin.review.QueueSql.query;
import static org.chengxin.review.QueueSql.timestamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chengxin.review.SyncRules.Action;
import org.chengxin.review.SyncRules.DecidedEvidence;
import org.chengxin.review.db.ReviewDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review queue's cases, decisions and penalties in PostgreSQL: the nightly run {@link #sync}s
 * flagged sellers in; reviewers {@link #take} cases (atomically: two reviewers never get the same
 * case) and {@link #decide} them. Each method is one transaction on its own connection, so one
 * store may be shared by threads. What happens to a penalty after its decision is {@link PenaltyStore}'s.
 */
public final class CaseStore {
  private static final Logger LOG = LoggerFactory.getLogger(CaseStore.class);
  private static final int MAX_TAKE = 1000;
  // Any constant: two syncs at once would race to open the same seller's case; they run one at a time.
  private static final long SYNC_LOCK = 0x73796e63L;
  private static final String CASE_COLUMNS = caseColumns("");
  // A confirmed proposal has become a decision; the pending ones wait for their second reviewer.
  private static final String PENDING_CLOSURES = "SELECT p.case_id, p.proposed_by, p.note, p.proposed_at FROM closure_proposals p "
      + "WHERE NOT EXISTS (SELECT 1 FROM closure_confirmations f WHERE f.case_id = p.case_id)";
  private static final Comparator<ReviewCase> BY_PRIORITY =
      Comparator.comparingDouble(ReviewCase::priority).reversed().thenComparingLong(ReviewCase::caseId);

  private final ReviewDatabase db;
  private final Clock clock;
  private final Channel channel;

  /** The store as the terminal queue and the nightly run use it: their takes and decisions are audited as {@code queue}. */
  public CaseStore(ReviewDatabase db, Clock clock) {
    this(db, clock, Channel.QUEUE);
  }

  /** A store whose reviewers' actions are audited as coming from {@code channel}. */
  public CaseStore(ReviewDatabase db, Clock clock, Channel channel) {
    this.db = db;
    this.clock = clock;
    this.channel = channel;
  }

  /**
   * Brings the day's flagged sellers into the queue in one transaction: a seller without an active
   * case gets a new open case, unless reviewers already decided on the same evidence
   * ({@link SyncRules#isNewEvidence}); an open case takes the new priority, reasons, evidence and
   * action; a case in review is left exactly as it is. Re-running a day changes nothing more.
   */
  public SyncResult sync(LocalDate day, List<FlaggedSeller> flagged) throws SQLException {
    Set<String> sellers = new HashSet<>();
    for (FlaggedSeller seller : flagged) {
      if (!sellers.add(seller.sellerId())) {
        throw new IllegalArgumentException("a seller is flagged twice in the day's input; one flag per seller");
      }
      if (seller.lastFlagged().isAfter(day)) {
        throw new IllegalArgumentException("a flag's last_flagged " + seller.lastFlagged() + " is after the synced day " + day);
      }
    }
    long started = System.nanoTime();
    Instant now = now(clock);
    Map<Action, Integer> counts = new HashMap<>();
    inTransaction(db, c -> {
      try (Statement lock = c.createStatement()) {
        lock.execute("SELECT pg_advisory_xact_lock(" + SYNC_LOCK + ")");
      }
      Array sellerArray = c.createArrayOf("text", sellers.toArray());
      Map<String, ActiveCase> active = lockActiveCases(c, sellerArray);
      Map<String, DecidedEvidence> decided = decidedEvidence(c, sellerArray);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO cases (seller_id, status, priority, reasons, evidence, "
              + "evidence_fingerprint, recommended_action, category, first_flagged, last_flagged, created_at, updated_at) "
              + "VALUES (?, 'open', ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?)");
           // A flag that does not know the category keeps the one the case has.
           PreparedStatement refresh = c.prepareStatement("UPDATE cases SET priority = ?, reasons = ?, evidence = CAST(? AS jsonb), "
               + "evidence_fingerprint = ?, recommended_action = ?, category = COALESCE(?, category), first_flagged = LEAST(first_flagged, ?), "
               + "last_flagged = GREATEST(last_flagged, ?), updated_at = ? WHERE case_id = ? AND status = 'open'")) {
        for (FlaggedSeller seller : flagged) {
          ActiveCase current = active.get(seller.sellerId());
          Action action = SyncRules.decide(seller, Optional.ofNullable(current).map(ActiveCase::status),
              decided.getOrDefault(seller.sellerId(), DecidedEvidence.NONE));
          counts.merge(action, 1, Integer::sum);
          switch (action) {
            case OPEN_CASE -> {
              int i = 1;
              insert.setString(i++, seller.sellerId());
              i = setFlagContent(c, insert, i, seller);
              insert.setObject(i++, seller.firstFlagged());
              insert.setObject(i++, seller.lastFlagged());
              insert.setObject(i++, timestamp(now));
              insert.setObject(i, timestamp(now));
              insert.addBatch();
            }
            case REFRESH -> {
              int i = setFlagContent(c, refresh, 1, seller);
              refresh.setObject(i++, seller.firstFlagged());
              refresh.setObject(i++, seller.lastFlagged());
              refresh.setObject(i++, timestamp(now));
              refresh.setLong(i, current.caseId());
              refresh.addBatch();
            }
            case LEAVE_IN_REVIEW, SUPPRESS -> { }
          }
        }
        insert.executeBatch();
        refresh.executeBatch();
      }
      return null;
    });
    SyncResult result = new SyncResult(day, counts.getOrDefault(Action.OPEN_CASE, 0), counts.getOrDefault(Action.REFRESH, 0),
        counts.getOrDefault(Action.LEAVE_IN_REVIEW, 0), counts.getOrDefault(Action.SUPPRESS, 0));
    double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
    LOG.info("stage=review_sync day={} flagged={} opened={} refreshed={} left_in_review={} suppressed={} rate={}/s",
        day, result.flagged(), result.opened(), result.refreshed(), result.leftInReview(), result.suppressed(),
        Math.round(result.flagged() / seconds));
    return result;
  }

  /**
   * Hands the {@code n} highest-priority open cases to {@code reviewer} and marks them in review.
   * One statement that locks with SKIP LOCKED: reviewers taking at the same moment get disjoint
   * cases, and nobody waits on another's cases. Fewer than {@code n} when the queue runs short.
   */
  public List<ReviewCase> take(String reviewer, int n) throws SQLException {
    checkReviewer(reviewer);
    if (n < 1 || n > MAX_TAKE) {
      throw new IllegalArgumentException("take between 1 and " + MAX_TAKE + " cases, not " + n);
    }
    Instant now = now(clock);
    List<ReviewCase> taken = inTransaction(db, c -> {
      List<ReviewCase> picked = new ArrayList<>();
      try (PreparedStatement take = c.prepareStatement("WITH picked AS (SELECT case_id FROM cases WHERE status = 'open' "
             + "ORDER BY priority DESC, case_id LIMIT ? FOR UPDATE SKIP LOCKED) "
             + "UPDATE cases SET status = 'in_review', assigned_reviewer = ?, taken_at = ?, updated_at = ? "
             + "FROM picked WHERE cases.case_id = picked.case_id RETURNING " + caseColumns("cases."))) {
        take.setInt(1, n);
        take.setString(2, reviewer);
        take.setObject(3, timestamp(now));
        take.setObject(4, timestamp(now));
        try (ResultSet rows = take.executeQuery()) {
          while (rows.next()) {
            picked.add(readCase(rows));
          }
        }
      }
      for (ReviewCase reviewCase : picked) {
        AuditLog.append(c, reviewer, AuditAction.TAKE, reviewCase.caseId(), null, channel, now);
      }
      picked.sort(BY_PRIORITY);
      return picked;
    });
    LOG.info("stage=review_take cases={}", taken.size());
    return taken;
  }

  /**
   * Records {@code reviewer}'s decision on a case they hold, with the reason in {@code note}; a
   * confirmed case also imposes its recommended action as a penalty from today. The decision and
   * the penalty are history: never changed afterwards.
   */
  public Decision decide(long caseId, String reviewer, Outcome outcome, String note) throws SQLException {
    checkReviewer(reviewer);
    String why = checkNote(note, "a decision");
    Instant now = now(clock);
    Decision decision = inTransaction(db, c -> {
      ReviewCase reviewCase = lockHeldCase(c, caseId, reviewer);
      if (outcome == Outcome.CONFIRMED && closureProposal(c, caseId).isPresent()) {
        throw new ReviewException("case " + caseId + " has a closure proposed: a second reviewer confirms it");
      }
      return record(c, reviewCase, reviewer, outcome, why, now);
    });
    LOG.info("stage=review_decide outcome={}", outcome.wire());
    return decision;
  }

  /**
   * What a reviewer's decision does, from the console and the terminal alike: a confirmed seven-day
   * closure is {@link #proposeClosure proposed} (a different reviewer makes it take effect), any other
   * decision is {@link #decide recorded}.
   */
  public Verdict decideOrPropose(long caseId, String reviewer, Outcome outcome, String note) throws SQLException {
    Optional<ReviewCase> found = find(caseId);
    if (outcome == Outcome.CONFIRMED && found.isPresent() && found.get().recommendedAction() == RecommendedAction.SEVEN_DAY_CLOSURE) {
      return proposeClosure(caseId, reviewer, note);
    }
    return decide(caseId, reviewer, outcome, note);
  }

  /** Cases, highest priority first; only those of {@code status} when given; at most {@code limit}. */
  public List<ReviewCase> list(Optional<CaseStatus> status, int limit) throws SQLException {
    return list(CaseFilter.ALL.withStatus(status), limit);
  }

  /** Cases matching {@code filter}, highest priority first; at most {@code limit}. */
  public List<ReviewCase> list(CaseFilter filter, int limit) throws SQLException {
    // Only the filter's own conditions, so each combination gets a plan of its own that can use its
    // index (a condition written "? IS NULL OR column = ?" hides it: a reviewer's held cases were
    // read by walking every case in priority order). A status is an enum's wire name, written as a
    // literal so the indexes for one status (open cases, held cases) apply.
    List<String> where = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    filter.status().ifPresent(status -> where.add("status = '" + status.wire() + "'"));
    filter.reviewer().ifPresent(reviewer -> {
      where.add("assigned_reviewer = ?");
      parameters.add(reviewer);
    });
    filter.reasonContains().ifPresent(text -> {
      // A reason matches by any part of its words, case-insensitively; LIKE's own wildcards in the text are plain characters.
      where.add("EXISTS (SELECT 1 FROM unnest(reasons) r WHERE r ILIKE ?)");
      parameters.add("%" + text.replaceAll("([\\\\%_])", "\\\\$1") + "%");
    });
    filter.category().ifPresent(category -> {
      where.add("category = ?");
      parameters.add(category);
    });
    parameters.add(limit);
    return query(db, "SELECT " + CASE_COLUMNS + " FROM cases" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + " ORDER BY priority DESC, case_id LIMIT ?", CaseStore::readCase, parameters.toArray());
  }

  /** The categories the cases have, by name: what the queue's category filter offers. */
  public List<String> categories() throws SQLException {
    return query(db, "SELECT DISTINCT category FROM cases WHERE category IS NOT NULL ORDER BY category", rows -> rows.getString(1));
  }

  /** One case, whatever its state. */
  public Optional<ReviewCase> find(long caseId) throws SQLException {
    return query(db, "SELECT " + CASE_COLUMNS + " FROM cases WHERE case_id = ?", CaseStore::readCase, caseId).stream().findFirst();
  }

  /** Hands one open case to {@code reviewer} (the console's take: the reviewer chose it on the queue page). */
  public ReviewCase takeCase(long caseId, String reviewer) throws SQLException {
    checkReviewer(reviewer);
    Instant now = now(clock);
    return inTransaction(db, c -> {
      ReviewCase reviewCase = lockExisting(c, caseId);
      if (reviewCase.status() != CaseStatus.OPEN) {
        throw new ReviewException("case " + caseId + " is not open: " + reviewCase.status().wire()
            + (reviewCase.assignedReviewer() == null ? "" : ", held by " + reviewCase.assignedReviewer()));
      }
      assign(c, caseId, reviewer, now);
      AuditLog.append(c, reviewer, AuditAction.TAKE, caseId, null, channel, now);
      return lockExisting(c, caseId);
    });
  }

  /**
   * Puts a case in review back in the queue, open for anyone: by the reviewer who holds it, or by
   * a lead (a case whose reviewer left would otherwise stay in review for ever).
   */
  public void release(long caseId, Account by) throws SQLException {
    Instant now = now(clock);
    inTransaction(db, c -> {
      ReviewCase reviewCase = lockInReview(c, caseId);
      if (!reviewCase.assignedReviewer().equals(by.name()) && by.role() != Role.LEAD) {
        throw new ReviewException("case " + caseId + " is held by " + reviewCase.assignedReviewer() + ": only they or a lead release it");
      }
      if (closureProposal(c, caseId).isPresent()) {
        throw new ReviewException("case " + caseId + " has a closure proposed: it waits for a second reviewer's confirmation");
      }
      try (PreparedStatement open = c.prepareStatement("UPDATE cases SET status = 'open', assigned_reviewer = NULL, taken_at = NULL, "
          + "updated_at = ? WHERE case_id = ?")) {
        open.setObject(1, timestamp(now));
        open.setLong(2, caseId);
        open.executeUpdate();
      }
      AuditLog.append(c, by.name(), AuditAction.RELEASE, caseId, "held by " + reviewCase.assignedReviewer(), channel, now);
      return null;
    });
  }

  /** A lead hands an open or in-review case to reviewer {@code to}, who must have an account that works cases. */
  public void reassign(long caseId, Account lead, String to) throws SQLException {
    if (lead.role() != Role.LEAD) {
      throw new ReviewException("only a lead reassigns cases");
    }
    Instant now = now(clock);
    inTransaction(db, c -> {
      ReviewCase reviewCase = lockExisting(c, caseId);
      if (!reviewCase.status().isActive()) {
        throw new ReviewException("case " + caseId + " was already decided: " + reviewCase.status().wire());
      }
      if (AccountStore.find(c, to).filter(account -> account.role().works()).isEmpty()) {
        throw new ReviewException(to + " is not a reviewer's or a lead's account");
      }
      if (closureProposal(c, caseId).isPresent()) {
        throw new ReviewException("case " + caseId + " has a closure proposed: it waits for a second reviewer's confirmation");
      }
      assign(c, caseId, to, now);
      AuditLog.append(c, lead.name(), AuditAction.REASSIGN, caseId,
          "from " + Optional.ofNullable(reviewCase.assignedReviewer()).orElse("the open queue") + " to " + to, channel, now);
      return null;
    });
  }

  /**
   * The first half of a seven-day closure: the reviewer who holds the case confirms it with a note,
   * and the case waits in review until a different reviewer {@link #confirmClosure confirms}.
   */
  public ClosureProposal proposeClosure(long caseId, String reviewer, String note) throws SQLException {
    checkReviewer(reviewer);
    String why = checkNote(note, "a closure");
    Instant now = now(clock);
    return inTransaction(db, c -> {
      ReviewCase reviewCase = lockHeldCase(c, caseId, reviewer);
      if (reviewCase.recommendedAction() != RecommendedAction.SEVEN_DAY_CLOSURE) {
        throw new ReviewException("case " + caseId + " recommends " + reviewCase.recommendedAction().wire() + ", not a seven-day closure");
      }
      if (closureProposal(c, caseId).isPresent()) {
        throw new ReviewException("case " + caseId + " already has a closure proposed");
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO closure_proposals (case_id, proposed_by, note, proposed_at) VALUES (?, ?, ?, ?)")) {
        insert.setLong(1, caseId);
        insert.setString(2, reviewer);
        insert.setString(3, why);
        insert.setObject(4, timestamp(now));
        insert.executeUpdate();
      }
      AuditLog.append(c, reviewer, AuditAction.PROPOSE_CLOSURE, caseId, null, channel, now);
      return new ClosureProposal(caseId, reviewer, why, now);
    });
  }

  /**
   * The second reviewer's confirmation of a proposed closure: it writes the proposer's decision and
   * the closure. Refused to the proposer (the database refuses it too).
   */
  public Decision confirmClosure(long caseId, String confirmer) throws SQLException {
    checkReviewer(confirmer);
    Instant now = now(clock);
    return inTransaction(db, c -> {
      lockExisting(c, caseId);
      ClosureProposal proposal = closureProposal(c, caseId)
          .orElseThrow(() -> new ReviewException("case " + caseId + " has no closure proposed"));
      if (proposal.proposedBy().equals(confirmer)) {
        throw new ReviewException("you proposed the closure of case " + caseId + ": a different reviewer confirms it");
      }
      ReviewCase reviewCase = lockHeldCase(c, caseId, proposal.proposedBy());
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO closure_confirmations (case_id, confirmed_by, confirmed_at) VALUES (?, ?, ?)")) {
        insert.setLong(1, caseId);
        insert.setString(2, confirmer);
        insert.setObject(3, timestamp(now));
        insert.executeUpdate();
      }
      AuditLog.append(c, confirmer, AuditAction.CONFIRM_CLOSURE, caseId, "proposed by " + proposal.proposedBy(), channel, now);
      return record(c, reviewCase, proposal.proposedBy(), Outcome.CONFIRMED, proposal.note(), now);
    });
  }

  /** Every closure proposed and not yet confirmed, oldest first. */
  public List<ClosureProposal> pendingClosures() throws SQLException {
    return query(db, PENDING_CLOSURES + " ORDER BY p.proposed_at, p.case_id", CaseStore::readProposal);
  }

  /** The closure proposed for a case and not yet confirmed, if any. */
  public Optional<ClosureProposal> pendingClosure(long caseId) throws SQLException {
    try (Connection c = db.connection()) {
      return closureProposal(c, caseId);
    }
  }

  /** All of one seller's cases, oldest first. */
  public List<ReviewCase> casesOf(String sellerId) throws SQLException {
    return query(db, "SELECT " + CASE_COLUMNS + " FROM cases WHERE seller_id = ? ORDER BY case_id", CaseStore::readCase, sellerId);
  }

  /**
   * Decisions, oldest first: all of them (the labels for retraining the risk model), or one
   * seller's when {@code sellerId} is given.
   */
  public List<Decision> decisions(Optional<String> sellerId) throws SQLException {
    String seller = sellerId.orElse(null);
    return query(db, "SELECT decision_id, case_id, seller_id, reviewer, outcome, note, decided_at FROM decisions "
        + "WHERE (CAST(? AS text) IS NULL OR seller_id = ?) ORDER BY decided_at, decision_id",
        rows -> new Decision(rows.getLong("decision_id"), rows.getLong("case_id"), rows.getString("seller_id"),
            rows.getString("reviewer"), Outcome.fromWire(rows.getString("outcome")), rows.getString("note"),
            instant(rows, "decided_at")),
        seller, seller);
  }

  /** A seller's penalties, oldest first, each pointing at the confirmed case that imposed it. */
  public List<Penalty> penalties(String sellerId) throws SQLException {
    return query(db, "SELECT penalty_id, seller_id, case_id, action, starts_on, ends_on FROM penalties "
        + "WHERE seller_id = ? ORDER BY starts_on, penalty_id",
        rows -> new Penalty(rows.getLong("penalty_id"), rows.getString("seller_id"), rows.getLong("case_id"),
            RecommendedAction.fromWire(rows.getString("action")), rows.getObject("starts_on", LocalDate.class),
            rows.getObject("ends_on", LocalDate.class)),
        sellerId);
  }

  private record ActiveCase(long caseId, CaseStatus status) {}

  /** The sellers' open and in-review cases, locked until commit so no reviewer takes one mid-refresh. */
  private static Map<String, ActiveCase> lockActiveCases(Connection c, Array sellers) throws SQLException {
    Map<String, ActiveCase> active = new HashMap<>();
    try (PreparedStatement query = c.prepareStatement("SELECT seller_id, case_id, status FROM cases "
        + "WHERE seller_id = ANY(?) AND status IN ('open', 'in_review') FOR UPDATE")) {
      query.setArray(1, sellers);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          active.put(rows.getString("seller_id"), new ActiveCase(rows.getLong("case_id"), CaseStatus.fromWire(rows.getString("status"))));
        }
      }
    }
    return active;
  }

  /** Per seller: the union of its decided cases' evidence and their fingerprints. */
  private static Map<String, DecidedEvidence> decidedEvidence(Connection c, Array sellers) throws SQLException {
    Map<String, Evidence> evidence = new HashMap<>();
    Map<String, Set<String>> fingerprints = new HashMap<>();
    try (PreparedStatement query = c.prepareStatement("SELECT seller_id, evidence::text AS evidence, evidence_fingerprint FROM cases "
        + "WHERE seller_id = ANY(?) AND status IN ('confirmed', 'cleared')")) {
      query.setArray(1, sellers);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String seller = rows.getString("seller_id");
          evidence.merge(seller, readEvidence(rows.getString("evidence")), Evidence::plus);
          fingerprints.computeIfAbsent(seller, s -> new HashSet<>()).add(rows.getString("evidence_fingerprint"));
        }
      }
    }
    Map<String, DecidedEvidence> decided = new HashMap<>();
    evidence.forEach((seller, e) -> decided.put(seller, new DecidedEvidence(e, fingerprints.get(seller))));
    return decided;
  }

  /** The case, locked, in review and held by {@code reviewer}; else refused with the reason. */
  private static ReviewCase lockHeldCase(Connection c, long caseId, String reviewer) throws SQLException {
    ReviewCase reviewCase = lockInReview(c, caseId);
    if (!reviewCase.assignedReviewer().equals(reviewer)) {
      throw new ReviewException("case " + caseId + " is held by " + reviewCase.assignedReviewer() + ", not " + reviewer);
    }
    return reviewCase;
  }

  private static ReviewCase lockInReview(Connection c, long caseId) throws SQLException {
    ReviewCase reviewCase = lockExisting(c, caseId);
    if (reviewCase.status() != CaseStatus.IN_REVIEW) {
      throw new ReviewException(reviewCase.status() == CaseStatus.OPEN
          ? "case " + caseId + " is open: take it first (scripts/queue take)"
          : "case " + caseId + " was already decided: " + reviewCase.status().wire());
    }
    return reviewCase;
  }

  private static ReviewCase lockExisting(Connection c, long caseId) throws SQLException {
    return lockCase(c, caseId).orElseThrow(() -> new ReviewException("there is no case " + caseId));
  }

  private static void assign(Connection c, long caseId, String reviewer, Instant now) throws SQLException {
    try (PreparedStatement assign = c.prepareStatement("UPDATE cases SET status = 'in_review', assigned_reviewer = ?, taken_at = ?, "
        + "updated_at = ? WHERE case_id = ?")) {
      assign.setString(1, reviewer);
      assign.setObject(2, timestamp(now));
      assign.setObject(3, timestamp(now));
      assign.setLong(4, caseId);
      assign.executeUpdate();
    }
  }

  /** A closure proposed and not yet confirmed (a confirmed one has become a decision). */
  private static Optional<ClosureProposal> closureProposal(Connection c, long caseId) throws SQLException {
    return query(c, PENDING_CLOSURES + " AND p.case_id = ?", CaseStore::readProposal, caseId).stream().findFirst();
  }

  private static boolean closureConfirmed(Connection c, long caseId) throws SQLException {
    return !query(c, "SELECT case_id FROM closure_confirmations WHERE case_id = ?", rows -> rows.getLong(1), caseId).isEmpty();
  }

  private static ClosureProposal readProposal(ResultSet rows) throws SQLException {
    return new ClosureProposal(rows.getLong("case_id"), rows.getString("proposed_by"), rows.getString("note"), instant(rows, "proposed_at"));
  }

  /** Closes a held case with {@code outcome}: the decision, the penalty of a confirmed case, and the audit entry. */
  private Decision record(Connection c, ReviewCase reviewCase, String reviewer, Outcome outcome, String why, Instant now)
      throws SQLException {
    long caseId = reviewCase.caseId();
    try (PreparedStatement close = c.prepareStatement("UPDATE cases SET status = ?, updated_at = ? WHERE case_id = ?")) {
      close.setString(1, outcome.caseStatus().wire());
      close.setObject(2, timestamp(now));
      close.setLong(3, caseId);
      close.executeUpdate();
    }
    long decisionId;
    try (PreparedStatement record = c.prepareStatement("INSERT INTO decisions (case_id, seller_id, reviewer, outcome, note, decided_at) "
        + "VALUES (?, ?, ?, ?, ?, ?) RETURNING decision_id")) {
      record.setLong(1, caseId);
      record.setString(2, reviewCase.sellerId());
      record.setString(3, reviewer);
      record.setString(4, outcome.wire());
      record.setString(5, why);
      record.setObject(6, timestamp(now));
      try (ResultSet id = record.executeQuery()) {
        id.next();
        decisionId = id.getLong(1);
      }
    }
    if (outcome == Outcome.CONFIRMED) {
      // Every confirmed case passes here, so here the two-reviewer rule cannot be walked around.
      if (reviewCase.recommendedAction() == RecommendedAction.SEVEN_DAY_CLOSURE && !closureConfirmed(c, caseId)) {
        throw new ReviewException("case " + caseId + " recommends a seven-day closure: it takes two reviewers (propose it; a different"
            + " reviewer confirms it)");
      }
      imposePenalty(c, reviewCase, LocalDate.ofInstant(now, ZoneOffset.UTC), now);
    }
    AuditLog.append(c, reviewer, AuditAction.DECIDE, caseId, outcome.wire(), channel, now);
    return new Decision(decisionId, caseId, reviewCase.sellerId(), reviewer, outcome, why, now);
  }

  private static Optional<ReviewCase> lockCase(Connection c, long caseId) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM cases WHERE case_id = ? FOR UPDATE")) {
      query.setLong(1, caseId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(readCase(rows)) : Optional.empty();
      }
    }
  }

  private static void imposePenalty(Connection c, ReviewCase reviewCase, LocalDate start, Instant now) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO penalties (seller_id, case_id, action, starts_on, ends_on, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, reviewCase.sellerId());
      insert.setLong(2, reviewCase.caseId());
      insert.setString(3, reviewCase.recommendedAction().wire());
      insert.setObject(4, start);
      insert.setObject(5, reviewCase.recommendedAction().penaltyEnd(start).orElse(null), java.sql.Types.DATE);
      insert.setObject(6, timestamp(now));
      insert.executeUpdate();
    }
  }

  /** Sets priority, reasons, evidence, fingerprint and action from {@code index}; returns the next index. */
  private static int setFlagContent(Connection c, PreparedStatement statement, int index, FlaggedSeller seller) throws SQLException {
    statement.setDouble(index++, seller.priority());
    statement.setArray(index++, c.createArrayOf("text", seller.reasons().toArray()));
    statement.setString(index++, writeEvidence(seller.evidence()));
    statement.setString(index++, seller.evidenceFingerprint());
    statement.setString(index++, seller.recommendedAction().wire());
    statement.setString(index++, seller.category());
    return index;
  }

  private static ReviewCase readCase(ResultSet rows) throws SQLException {
    return new ReviewCase(rows.getLong("case_id"), rows.getString("seller_id"), CaseStatus.fromWire(rows.getString("status")),
        rows.getDouble("priority"), List.of((String[]) rows.getArray("reasons").getArray()), readEvidence(rows.getString("evidence")),
        rows.getString("evidence_fingerprint"), RecommendedAction.fromWire(rows.getString("recommended_action")),
        rows.getObject("first_flagged", LocalDate.class), rows.getObject("last_flagged", LocalDate.class),
        rows.getString("assigned_reviewer"), instant(rows, "taken_at"), rows.getString("category"));
  }

  /** The case columns, each prefixed (a table name where a join makes plain names ambiguous). */
  private static String caseColumns(String prefix) {
    return String.join(", ", List.of("case_id", "seller_id", "status", "priority", "reasons", "evidence::text AS evidence",
        "evidence_fingerprint", "recommended_action", "first_flagged", "last_flagged", "assigned_reviewer", "taken_at", "category")
        .stream().map(column -> prefix + column).toList());
  }

  private static String writeEvidence(Evidence evidence) {
    try {
      return ReviewJson.MAPPER.writeValueAsString(evidence);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("evidence is plain lists of strings", e);
    }
  }

  static Evidence readEvidence(String json) {
    try {
      return ReviewJson.MAPPER.readValue(json, Evidence.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a case's stored evidence is not evidence JSON", e);
    }
  }
}
