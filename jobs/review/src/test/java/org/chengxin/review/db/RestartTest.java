package org.chengxin.review.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.CaseStatus;
import org.chengxin.review.CaseStore;
import org.chengxin.review.Decision;
import org.chengxin.review.Evidence;
import org.chengxin.review.FlaggedSeller;
import org.chengxin.review.Outcome;
import org.chengxin.review.Penalty;
import org.chengxin.review.RecommendedAction;
import org.chengxin.review.ReviewCase;
import org.chengxin.review.TwoReviewers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions, penalties and case states survive stopping and starting the server on the same data directory. */
class RestartTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  @Test
  void decisionsAreIntactAfterTheDatabaseRestarts(@TempDir Path warehouse) throws Exception {
    EmbeddedPostgres server = EmbeddedPostgres.inWarehouse(warehouse);
    List<Decision> decided;
    List<ReviewCase> before;
    try {
      CaseStore store = new CaseStore(ReviewDatabase.open(Optional.empty(), warehouse), Clock.systemUTC());
      store.sync(DAY, List.of(flag("s1", 3), flag("s2", 2), flag("s3", 1)));
      List<ReviewCase> taken = store.take("alice", 3);
      TwoReviewers.confirm(store, taken.get(0).caseId(), "alice", "counterfeit certificates");
      store.decide(taken.get(1).caseId(), "alice", Outcome.CLEARED, "genuine reseller");
      decided = store.decisions(Optional.empty());
      before = store.list(Optional.empty(), 10);
    } finally {
      server.stop();
    }
    assertFalse(server.isRunning());

    EmbeddedPostgres restarted = EmbeddedPostgres.inWarehouse(warehouse);
    try {
      String url = restarted.start();
      assertEquals(0, ReviewDatabase.migrate(url, ReviewDatabase.MIGRATIONS).migrationsExecuted,
          "the schema is already there: nothing re-applied");
      CaseStore store = new CaseStore(ReviewDatabase.at(url), Clock.systemUTC());
      assertEquals(decided, store.decisions(Optional.empty()));
      assertEquals(2, decided.size());
      assertEquals(before, store.list(Optional.empty(), 10));
      assertEquals(List.of(CaseStatus.CONFIRMED, CaseStatus.CLEARED, CaseStatus.IN_REVIEW),
          store.list(Optional.empty(), 10).stream().map(ReviewCase::status).toList());
      List<Penalty> penalties = store.penalties("s1");
      assertEquals(1, penalties.size());
      assertEquals(RecommendedAction.SEVEN_DAY_CLOSURE, penalties.get(0).action());
      assertTrue(restarted.isRunning());
    } finally {
      restarted.stop();
    }
  }

  private static FlaggedSeller flag(String seller, double priority) {
    Evidence evidence = new Evidence(List.of(), List.of(), List.of(), List.of("brand:" + seller));
    return new FlaggedSeller(seller, priority, List.of("luxury sales without a verified certificate"), evidence,
        RecommendedAction.SEVEN_DAY_CLOSURE, DAY, DAY, evidence.fingerprint());
  }
}
