package org.chengxin.review;

import java.time.LocalDate;

/** Counts of one day's sync, one per {@link SyncRules.Action}; they add up to the flagged sellers. */
public record SyncResult(LocalDate day, int opened, int refreshed, int leftInReview, int suppressed) {

  public int flagged() {
    return opened + refreshed + leftInReview + suppressed;
  }
}
