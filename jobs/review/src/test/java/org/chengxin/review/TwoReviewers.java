package org.chengxin.review;

import java.sql.SQLException;

/** A case confirmed as the store requires: a seven-day closure proposed by its reviewer and confirmed by a second one. */
public final class TwoReviewers {
  /** Who confirms the closures the tests propose. */
  public static final String SECOND = "second.reviewer";

  private TwoReviewers() {}

  /** {@code reviewer}'s confirmation of a case they hold, with a second reviewer's when it is a closure; the decision. */
  public static Decision confirm(CaseStore store, long caseId, String reviewer, String note) throws SQLException {
    Verdict verdict = store.decideOrPropose(caseId, reviewer, Outcome.CONFIRMED, note);
    return verdict instanceof Decision decision ? decision : store.confirmClosure(caseId, SECOND);
  }
}
