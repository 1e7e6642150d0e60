package org.chengxin.scores.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.chengxin.core.event.RatingScore;

/**
 * A rating revision as the credit rules see it: the rater changed the overall score of an earlier
 * rating (ingest has checked it: by the rater, once, within 30 days, upward).
 *
 * @param day the revision's partition day; revisions are processed with that day's ratings
 * @param score the rating's score after the revision
 */
public record CreditRevision(String revisionId, String ratingId, LocalDate day, Instant revisedAt, RatingScore score)
    implements CreditEvent {

  public CreditRevision {
    Objects.requireNonNull(revisionId, "revisionId");
    Objects.requireNonNull(ratingId, "ratingId");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(revisedAt, "revisedAt");
    Objects.requireNonNull(score, "score");
  }

  @Override
  public Instant time() {
    return revisedAt;
  }

  @Override
  public String id() {
    return revisionId;
  }
}
