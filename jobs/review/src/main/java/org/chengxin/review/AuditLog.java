package org.chengxin.review;

import static org.chengxin.review.QueueSql.instant;
import static org.chengxin.review.QueueSql.query;
import static org.chengxin.review.QueueSql.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.db.ReviewDatabase;

/**
 * The append-only record of every account's actions ({@code audit_log}; a trigger refuses UPDATE
 * and DELETE). The stores write their entry in the same transaction as the change it records, so
 * no change is left unrecorded and no entry records a change that was rolled back.
 */
public final class AuditLog {
  private final ReviewDatabase db;

  public AuditLog(ReviewDatabase db) {
    this.db = db;
  }

  /** Appends an entry in the caller's transaction. */
  static void append(Connection c, String actor, AuditAction action, Long caseId, String detail, Channel channel, Instant at)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (actor, action, case_id, detail, channel, happened_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, actor);
      insert.setString(2, action.wire());
      insert.setObject(3, caseId, Types.BIGINT);
      insert.setString(4, detail);
      insert.setString(5, channel.wire());
      insert.setObject(6, timestamp(at));
      insert.executeUpdate();
    }
  }

  /** Appends an entry that goes with no other change (a view, a logout) on its own connection. */
  public void append(String actor, AuditAction action, Long caseId, Channel channel, Instant at) throws SQLException {
    try (Connection c = db.connection()) {
      append(c, actor, action, caseId, null, channel, at);
    }
  }

  /** Entries, newest first: one case's when {@code caseId} is given, else everyone's; at most {@code limit}. */
  public List<AuditEntry> entries(Optional<Long> caseId, int limit) throws SQLException {
    Long id = caseId.orElse(null);
    return query(db, "SELECT audit_id, actor, action, case_id, detail, channel, happened_at FROM audit_log "
        + "WHERE (CAST(? AS bigint) IS NULL OR case_id = ?) ORDER BY audit_id DESC LIMIT ?",
        rows -> new AuditEntry(rows.getLong("audit_id"), rows.getString("actor"), AuditAction.fromWire(rows.getString("action")),
            rows.getObject("case_id", Long.class), rows.getString("detail"),
            QueueWord.parse(Channel.class, "channel", rows.getString("channel")), instant(rows, "happened_at")),
        id, id, limit);
  }
}
