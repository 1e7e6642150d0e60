package org.chengxin.review;

import static org.chengxin.review.Flags.DAY1;
import static org.chengxin.review.Flags.flag;
import static org.chengxin.review.Flags.rings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.chengxin.review.db.ReviewDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueueStatsTest {
  private static ReviewDatabase db;

  @BeforeAll
  static void database() throws SQLException {
    db = TestPostgres.database("queue_stats_test");
  }

  @Test
  void countsAgesIntakeAndDecisionsPerDay() throws SQLException {
    CaseStore store = new CaseStore(db, Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC));
    store.sync(DAY1, List.of(flag("s1", 5, rings("R1"), DAY1), flag("s2", 9, rings("R2"), DAY1), flag("s3", 1, rings("R3"),
        LocalDate.of(2026, 10, 25))));
    store.take("alice", 2);
    store.decide(2, "alice", Outcome.CLEARED, "not a ring");
    LocalDate today = LocalDate.of(2026, 11, 3);

    assertEquals(List.of(new QueueStats.StatusCount("open", 1, 9.0, 9), new QueueStats.StatusCount("in_review", 1, 2.0, 2),
        new QueueStats.StatusCount("cleared", 1, null, null)), new QueueStats(db).byStatus(today));
    assertEquals(List.of(new QueueStats.Day(LocalDate.of(2026, 11, 1), 0, 0, 0), new QueueStats.Day(LocalDate.of(2026, 11, 2), 3, 0, 1),
        new QueueStats.Day(today, 0, 0, 0)), new QueueStats(db).perDay(today, 3));
  }
}
