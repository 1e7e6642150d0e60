package org.chengxin.review;

import static org.chengxin.review.QueueSql.instant;
import static org.chengxin.review.QueueSql.query;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chengxin.review.ConfirmedCase.Step;
import org.chengxin.review.db.ReviewDatabase;

/**
 * Reads what the public record is built from: the confirmed cases with their decision's time, the
 * penalty each imposed and that penalty's events. It reads no reviewer, note or case that is not
 * confirmed. Confirmed cases are few (a reviewer decides each), so they are read whole.
 */
public final class PublicRecordStore {
  private final ReviewDatabase db;

  public PublicRecordStore(ReviewDatabase db) {
    this.db = db;
  }

  /** Every confirmed case, oldest decision first. */
  public List<ConfirmedCase> confirmedCases() throws SQLException {
    Map<Long, List<Step>> steps = new HashMap<>();
    for (Object[] row : query(db, "SELECT event_id, penalty_id, kind, appeal_event_id, happened_at FROM penalty_events ORDER BY event_id",
        rows -> new Object[] {rows.getLong("penalty_id"), new Step(rows.getLong("event_id"),
            PenaltyEventKind.fromWire(rows.getString("kind")), rows.getObject("appeal_event_id", Long.class),
            instant(rows, "happened_at"))})) {
      steps.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Step) row[1]);
    }
    return query(db, "SELECT c.case_id, c.seller_id, c.reasons, c.evidence::text AS evidence, d.decided_at, "
        + "p.penalty_id, p.action, p.starts_on, p.ends_on FROM cases c "
        + "JOIN decisions d ON d.case_id = c.case_id AND d.outcome = 'confirmed' "
        + "JOIN penalties p ON p.case_id = c.case_id WHERE c.status = 'confirmed' ORDER BY d.decided_at, c.case_id",
        rows -> {
          Penalty penalty = new Penalty(rows.getLong("penalty_id"), rows.getString("seller_id"), rows.getLong("case_id"),
              RecommendedAction.fromWire(rows.getString("action")), rows.getObject("starts_on", LocalDate.class),
              rows.getObject("ends_on", LocalDate.class));
          return new ConfirmedCase(rows.getLong("case_id"), rows.getString("seller_id"),
              List.of((String[]) rows.getArray("reasons").getArray()), CaseStore.readEvidence(rows.getString("evidence")),
              instant(rows, "decided_at"), penalty, steps.getOrDefault(penalty.penaltyId(), List.of()));
        });
  }
}
