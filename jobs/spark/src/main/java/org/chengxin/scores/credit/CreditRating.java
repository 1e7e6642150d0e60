package org.chengxin.scores.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.chengxin.core.event.RatingScore;

/**
 * A buyer_to_seller rating as the credit rules see it.
 *
 * @param day the rating's partition day (its UTC day); ratings are processed in day order
 * @param trade the rated trade, or null when no trade was found for it
 */
public record CreditRating(
    String ratingId, LocalDate day, Instant ratedAt, RatingScore score, boolean hidden, TradeFacts trade)
    implements CreditEvent {

  public CreditRating {
    Objects.requireNonNull(ratingId, "ratingId");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(ratedAt, "ratedAt");
    Objects.requireNonNull(score, "score");
  }

  @Override
  public Instant time() {
    return ratedAt;
  }

  @Override
  public String id() {
    return ratingId;
  }
}
