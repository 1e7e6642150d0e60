package org.chengxin.review;

import java.util.Optional;

/**
 * Which cases a list shows: of a status, held by a reviewer, with a reason containing some words, of
 * the seller's category (each when given).
 */
public record CaseFilter(Optional<CaseStatus> status, Optional<String> reviewer, Optional<String> reasonContains, Optional<String> category) {

  /** Every case. */
  public static final CaseFilter ALL = new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public CaseFilter withStatus(Optional<CaseStatus> value) {
    return new CaseFilter(value, reviewer, reasonContains, category);
  }

  public CaseFilter withReviewer(Optional<String> value) {
    return new CaseFilter(status, value, reasonContains, category);
  }
}
