package org.chengxin.scores.credit;

import java.time.YearMonth;
import java.util.Objects;
import org.chengxin.core.event.RatingScore;

/**
 * What a revision needs to know of the rating it changes: where the rating stands in the pair's
 * state (its item and trade month) and what it counts for now. The daily run reads it from the
 * credit ledger for ratings of earlier days.
 *
 * @param itemId item of the rated trade; null when the trade is unknown
 * @param tradeMonth month of the trade's creation; null when the trade is unknown
 * @param points what the rating adds to credit now
 */
public record CreditedRating(String ratingId, String itemId, YearMonth tradeMonth, RatingScore score,
    CreditOutcome outcome, int points) {

  public CreditedRating {
    Objects.requireNonNull(ratingId, "ratingId");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(outcome, "outcome");
  }
}
