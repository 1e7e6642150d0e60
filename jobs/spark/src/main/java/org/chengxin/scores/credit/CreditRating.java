package org.chengxin.scores.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.chengxin.core.event.RatingScore;

/**
 * A buyer_to_seller rating as the credit rules see it.
 *
 * @param day the rating's partition day (its UTC day); ratings are processed in day order
 * @param trade the rated trade, or null when no trade was found for it
 */
public record CreditRating(
    String ratingId, LocalDate day, Instant ratedAt, RatingScore score, boolean hidden, TradeFacts trade) {

  /** The order the rules process a pair's ratings in: day, then time, then id (for ties). */
  public static final Comparator<CreditRating> PROCESSING_ORDER =
      Comparator.comparing(CreditRating::day)
          .thenComparing(CreditRating::ratedAt)
          .thenComparing(CreditRating::ratingId);

  public CreditRating {
    Objects.requireNonNull(ratingId, "ratingId");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(ratedAt, "ratedAt");
    Objects.requireNonNull(score, "score");
  }
}
