package org.chengxin.scores.credit;

import java.util.Objects;

/**
 * What a revision did to its rating's credit.
 *
 * @param outcome the rating's outcome after the revision
 * @param points what the rating adds to credit after the revision
 * @param change the difference the revision made to credit_points (points after minus before)
 */
public record RevisionCredit(CreditOutcome outcome, int points, int change) {

  public RevisionCredit {
    Objects.requireNonNull(outcome, "outcome");
    if (Math.abs(points) > 1 || Math.abs(change) > 2) {
      throw new IllegalArgumentException("a rating counts -1 to +1: points " + points + ", change " + change);
    }
  }
}
