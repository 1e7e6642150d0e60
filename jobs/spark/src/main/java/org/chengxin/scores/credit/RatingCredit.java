package org.chengxin.scores.credit;

import java.util.Objects;

/**
 * What one rating adds to credit.
 *
 * @param points +1, 0 or -1 when counted, else 0
 */
public record RatingCredit(CreditOutcome outcome, int points) {

  public RatingCredit {
    Objects.requireNonNull(outcome, "outcome");
    if (outcome != CreditOutcome.COUNTED && points != 0) {
      throw new IllegalArgumentException(outcome + " ratings add no points");
    }
  }

  static RatingCredit notCounted(CreditOutcome outcome) {
    return new RatingCredit(outcome, 0);
  }
}
