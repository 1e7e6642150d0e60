package org.chengxin.scores.credit;

import java.util.List;

/** One pair's results for a day: one credit per rating and one per revision, in input order. */
public record PairCredits(List<RatingCredit> ratings, List<RevisionCredit> revisions) {

  public PairCredits {
    ratings = List.copyOf(ratings);
    revisions = List.copyOf(revisions);
  }
}
