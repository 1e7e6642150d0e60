package org.chengxin.review;

import static org.chengxin.review.Flags.DAY1;
import static org.chengxin.review.Flags.flag;
import static org.chengxin.review.Flags.rings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.chengxin.review.db.ReviewDatabase;
import org.junit.jupiter.api.Test;

/**
 * Eight reviewers take cases at the same moment, each on its own connection, until the queue is
 * empty: every case is handed out exactly once.
 */
class ConcurrentTakeTest {
  private static final int REVIEWERS = 8;
  private static final int CASES = 300;
  private static final int PER_TAKE = 4;

  @Test
  void eightReviewersNeverGetTheSameCaseAndNoneIsLost() throws Exception {
    ReviewDatabase db = TestPostgres.database("concurrent_take_test");
    CaseStore store = new CaseStore(db, Clock.systemUTC());
    store.sync(DAY1, IntStream.range(0, CASES).mapToObj(i -> flag("seller-" + i, i % 17, rings("R" + i), DAY1)).toList());

    CyclicBarrier start = new CyclicBarrier(REVIEWERS);
    ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
    List<Future<List<ReviewCase>>> work = new ArrayList<>();
    for (int r = 0; r < REVIEWERS; r++) {
      String reviewer = "reviewer" + r;
      // Each reviewer has its own store: every take opens its own connection and transaction.
      CaseStore own = new CaseStore(db, Clock.systemUTC());
      Callable<List<ReviewCase>> takeUntilEmpty = () -> {
        start.await();
        List<ReviewCase> mine = new ArrayList<>();
        for (List<ReviewCase> batch = own.take(reviewer, PER_TAKE); !batch.isEmpty(); batch = own.take(reviewer, PER_TAKE)) {
          mine.addAll(batch);
        }
        return mine;
      };
      work.add(pool.submit(takeUntilEmpty));
    }
    List<ReviewCase> handedOut = new ArrayList<>();
    Set<String> reviewersWhoGotCases = new HashSet<>();
    for (Future<List<ReviewCase>> f : work) {
      List<ReviewCase> mine = f.get();
      handedOut.addAll(mine);
      mine.forEach(c -> reviewersWhoGotCases.add(c.assignedReviewer()));
    }
    pool.shutdown();

    Set<Long> distinct = new HashSet<>();
    handedOut.forEach(c -> distinct.add(c.caseId()));
    assertEquals(handedOut.size(), distinct.size(), "a case was handed out twice");
    assertEquals(CASES, distinct.size(), "a case was lost");
    assertTrue(reviewersWhoGotCases.size() > 1, "the reviewers really worked at the same time");
    assertEquals(List.of(), store.list(Optional.of(CaseStatus.OPEN), 10));
    // What each reviewer was told matches what the database recorded.
    Map<Long, String> recorded = new HashMap<>();
    store.list(Optional.of(CaseStatus.IN_REVIEW), CASES).forEach(c -> recorded.put(c.caseId(), c.assignedReviewer()));
    Map<Long, String> told = new HashMap<>();
    handedOut.forEach(c -> told.put(c.caseId(), c.assignedReviewer()));
    assertEquals(told, recorded);
  }

}
