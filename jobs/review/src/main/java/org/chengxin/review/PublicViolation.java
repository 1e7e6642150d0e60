package org.chengxin.review;

import java.time.LocalDate;

/**
 * One confirmed violation as the public record shows it, as of a day: when it was confirmed, what
 * it was in words, the penalty with its first and last day (inclusive; null while open-ended), its
 * state that day and the seller's latest appeal. No ids of the case, its evidence or its reviewers.
 */
public record PublicViolation(LocalDate decidedOn, String kind, RecommendedAction penalty, LocalDate penaltyStart,
    LocalDate penaltyEnd, State penaltyState, AppealOutcome appeal) {

  /** Where the penalty stands on the record's day. */
  public enum State implements QueueWord {
    /** In force on the day. */
    ACTIVE,
    /** Its term ran out, its certificates were accepted, or it was a warning. */
    ENDED,
    /** A reviewer ended it before its term. */
    LIFTED
  }

  /** The seller's latest appeal as of the day, when it has not been upheld (an upheld one takes the violation off the record). */
  public enum AppealOutcome implements QueueWord {
    PENDING,
    REJECTED
  }
}
