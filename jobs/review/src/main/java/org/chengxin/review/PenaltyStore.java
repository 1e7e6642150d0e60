package org.chengxin.review;

import static org.chengxin.review.QueueSql.checkNote;
import static org.chengxin.review.QueueSql.checkReviewer;
import static org.chengxin.review.QueueSql.inTransaction;
import static org.chengxin.review.QueueSql.instant;
import static org.chengxin.review.QueueSql.now;
import static org.chengxin.review.QueueSql.query;
import static org.chengxin.review.QueueSql.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.PenaltyStatus.Appeal;
import org.chengxin.review.PenaltyStatus.Certificates;
import org.chengxin.review.PenaltyStatus.EndReason;
import org.chengxin.review.db.ReviewDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to penalties after their cases imposed them: reviewers {@link #lift} them early,
 * record a certificate demand's {@link #certificates} received and checked, take a seller's
 * {@link #appeal} and {@link #decideAppeal decide} it. Each is one event appended to
 * {@code penalty_events} in a transaction that holds the penalty's row, after
 * {@link PenaltyStatus#check} allowed it; a penalty's state and effective end are read from the
 * {@code penalty_status} view. Days are UTC days of the clock, as a decision's penalty start is.
 */
public final class PenaltyStore {
  private static final Logger LOG = LoggerFactory.getLogger(PenaltyStore.class);
  private static final String STATUS_COLUMNS = "penalty_id, seller_id, case_id, decided_by, action, starts_on, term_ends_on, "
      + "ends_on, end_reason, certificates, appeal, appeal_event_id";
  private static final String ONE_PENALTY = "SELECT " + STATUS_COLUMNS + " FROM penalty_status WHERE penalty_id = ?";

  private final ReviewDatabase db;
  private final Clock clock;

  public PenaltyStore(ReviewDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Penalties as they stand, newest first: one seller's when {@code sellerId} is given, only those
   * in force on {@code activeOn} when it is given; at most {@code limit}.
   */
  public List<PenaltyStatus> penalties(Optional<String> sellerId, Optional<LocalDate> activeOn, int limit) throws SQLException {
    String seller = sellerId.orElse(null);
    LocalDate day = activeOn.orElse(null);
    return query(db, "SELECT " + STATUS_COLUMNS + " FROM penalty_status WHERE (CAST(? AS text) IS NULL OR seller_id = ?) "
        + "AND (CAST(? AS date) IS NULL OR (starts_on <= ? AND (ends_on IS NULL OR ? < ends_on))) "
        + "ORDER BY starts_on DESC, penalty_id DESC LIMIT ?", PenaltyStore::readStatus, seller, seller, day, day, day, limit);
  }

  /** One penalty as it stands. */
  public Optional<PenaltyStatus> penalty(long penaltyId) throws SQLException {
    return query(db, ONE_PENALTY, PenaltyStore::readStatus, penaltyId).stream().findFirst();
  }

  /** The events of one seller's penalties, oldest first. */
  public List<PenaltyEvent> events(String sellerId) throws SQLException {
    return query(db, "SELECT e.event_id, e.penalty_id, e.kind, e.reviewer, e.note, e.appeal_event_id, e.happened_at "
        + "FROM penalty_events e JOIN penalties p ON p.penalty_id = e.penalty_id WHERE p.seller_id = ? ORDER BY e.event_id",
        PenaltyStore::readEvent, sellerId);
  }

  /** Ends a penalty in force today, before its term: from today it is not in force. */
  public PenaltyEvent lift(long penaltyId, String reviewer, String note) throws SQLException {
    return record(penaltyId, PenaltyEventKind.LIFTED, reviewer, note);
  }

  /**
   * Records a step of a certificate demand: the seller's certificates received, then a reviewer's
   * check of them, accepted (the demand ends today) or rejected (it stays in force until
   * certificates are received again and accepted).
   */
  public PenaltyEvent certificates(long penaltyId, Certificates step, String reviewer, String note) throws SQLException {
    return record(penaltyId, step.event(), reviewer, note);
  }

  /** Files the seller's appeal of a penalty, {@code statement} in the seller's words; one open appeal at a time. */
  public PenaltyEvent appeal(long penaltyId, String reviewer, String statement) throws SQLException {
    return record(penaltyId, PenaltyEventKind.APPEAL_FILED, reviewer, statement);
  }

  /**
   * Decides a penalty's open appeal, by a reviewer other than the one who decided its case: upheld
   * ends the penalty today (if it had not ended), rejected leaves it as it is.
   */
  public PenaltyEvent decideAppeal(long penaltyId, Appeal outcome, String reviewer, String note) throws SQLException {
    PenaltyEventKind kind = switch (outcome) {
      case UPHELD -> PenaltyEventKind.APPEAL_UPHELD;
      case REJECTED -> PenaltyEventKind.APPEAL_REJECTED;
      case OPEN -> throw new IllegalArgumentException("an appeal is decided upheld or rejected, not open");
    };
    return record(penaltyId, kind, reviewer, note);
  }

  private PenaltyEvent record(long penaltyId, PenaltyEventKind kind, String reviewer, String note) throws SQLException {
    checkReviewer(reviewer);
    String why = checkNote(note, "penalty event " + kind.wire());
    Instant now = now(clock);
    PenaltyEvent event = inTransaction(db, c -> {
      PenaltyStatus status = lockPenalty(c, penaltyId);
      status.check(kind, reviewer, LocalDate.ofInstant(now, ZoneOffset.UTC));
      Long answers = kind == PenaltyEventKind.APPEAL_UPHELD || kind == PenaltyEventKind.APPEAL_REJECTED ? status.appealEventId() : null;
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO penalty_events (penalty_id, kind, reviewer, note, "
          + "appeal_event_id, happened_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING event_id")) {
        insert.setLong(1, penaltyId);
        insert.setString(2, kind.wire());
        insert.setString(3, reviewer);
        insert.setString(4, why);
        insert.setObject(5, answers, Types.BIGINT);
        insert.setObject(6, timestamp(now));
        long eventId;
        try (ResultSet id = insert.executeQuery()) {
          id.next();
          eventId = id.getLong(1);
        }
        // Penalty events are written by the terminal queue only (the console does not touch penalties yet).
        AuditLog.append(c, reviewer, AuditAction.PENALTY_EVENT, status.caseId(), kind.wire() + " of penalty " + penaltyId,
            Channel.QUEUE, now);
        return new PenaltyEvent(eventId, penaltyId, kind, reviewer, why, answers, now);
      }
    });
    LOG.info("stage=penalty_event kind={}", kind.wire());
    return event;
  }

  /** The penalty as it stands, its row locked until commit so its events are written one at a time. */
  private static PenaltyStatus lockPenalty(Connection c, long penaltyId) throws SQLException {
    if (query(c, "SELECT penalty_id FROM penalties WHERE penalty_id = ? FOR UPDATE", rows -> rows.getLong(1), penaltyId).isEmpty()) {
      throw new ReviewException("there is no penalty " + penaltyId);
    }
    return query(c, ONE_PENALTY, PenaltyStore::readStatus, penaltyId).get(0);
  }

  private static PenaltyStatus readStatus(ResultSet rows) throws SQLException {
    return new PenaltyStatus(rows.getLong("penalty_id"), rows.getString("seller_id"), rows.getLong("case_id"),
        rows.getString("decided_by"), RecommendedAction.fromWire(rows.getString("action")),
        rows.getObject("starts_on", LocalDate.class), rows.getObject("term_ends_on", LocalDate.class),
        rows.getObject("ends_on", LocalDate.class), EndReason.fromWire(rows.getString("end_reason")),
        Certificates.fromWire(rows.getString("certificates")), Appeal.fromWire(rows.getString("appeal")),
        rows.getObject("appeal_event_id", Long.class));
  }

  private static PenaltyEvent readEvent(ResultSet rows) throws SQLException {
    return new PenaltyEvent(rows.getLong("event_id"), rows.getLong("penalty_id"), PenaltyEventKind.fromWire(rows.getString("kind")),
        rows.getString("reviewer"), rows.getString("note"), rows.getObject("appeal_event_id", Long.class),
        instant(rows, "happened_at"));
  }
}
