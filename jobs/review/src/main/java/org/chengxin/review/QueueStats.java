package org.chengxin.review;

import static org.chengxin.review.QueueSql.query;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.chengxin.review.db.ReviewDatabase;

/** The queue's figures for analysts and leads: what stands in it, what came in and what was decided per day. */
public final class QueueStats {
  /** Cases of one status: how many, and the age of the open ones (days since first flagged, as of {@code today}). */
  public record StatusCount(String status, long cases, Double medianAgeDays, Integer oldestAgeDays) {}

  /** One day's intake (cases opened) and throughput (decisions by outcome). */
  public record Day(LocalDate day, long opened, long confirmed, long cleared) {}

  /** A decided case: its seller, the day of the flag the reviewer decided on, and whether the reviewer confirmed fraud. */
  public record Decided(String sellerId, LocalDate flaggedOn, boolean confirmed) {}

  private final ReviewDatabase db;

  public QueueStats(ReviewDatabase db) {
    this.db = db;
  }

  /** Every status with its count; ages for the active ones. */
  public List<StatusCount> byStatus(LocalDate today) throws SQLException {
    return query(db, "SELECT status, count(*) AS cases, "
        + "CASE WHEN status IN ('open', 'in_review') THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY ? - first_flagged) END AS median_age, "
        + "CASE WHEN status IN ('open', 'in_review') THEN max(? - first_flagged) END AS oldest_age "
        + "FROM cases GROUP BY status ORDER BY array_position(ARRAY['open', 'in_review', 'confirmed', 'cleared'], status)",
        rows -> new StatusCount(rows.getString("status"), rows.getLong("cases"), rows.getObject("median_age", Double.class),
            rows.getObject("oldest_age", Integer.class)), today, today);
  }

  /** The last {@code days} days up to {@code today} (UTC), each with its intake and decisions, oldest first. */
  public List<Day> perDay(LocalDate today, int days) throws SQLException {
    return query(db, "SELECT d::date AS day, "
        + "(SELECT count(*) FROM cases c WHERE (c.created_at AT TIME ZONE 'UTC')::date = d::date) AS opened, "
        + "(SELECT count(*) FROM decisions x WHERE (x.decided_at AT TIME ZONE 'UTC')::date = d::date AND x.outcome = 'confirmed') AS confirmed, "
        + "(SELECT count(*) FROM decisions x WHERE (x.decided_at AT TIME ZONE 'UTC')::date = d::date AND x.outcome = 'cleared') AS cleared "
        + "FROM generate_series(CAST(? AS date) - ?, CAST(? AS date), interval '1 day') d ORDER BY d",
        rows -> new Day(rows.getObject("day", LocalDate.class), rows.getLong("opened"), rows.getLong("confirmed"), rows.getLong("cleared")),
        today, days - 1, today);
  }

  /** Every decision with the seller and the flag's day of its case: what the risk model's calibration on reviewers' decisions needs. */
  public List<Decided> decided() throws SQLException {
    return query(db, "SELECT c.seller_id, c.last_flagged, d.outcome FROM decisions d JOIN cases c USING (case_id) ORDER BY d.decision_id",
        rows -> new Decided(rows.getString("seller_id"), rows.getObject("last_flagged", LocalDate.class),
            Outcome.fromWire(rows.getString("outcome")) == Outcome.CONFIRMED));
  }
}
