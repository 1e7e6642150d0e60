package org.chengxin.scores.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/** What the credit rules fold for a pair: ratings and revisions of ratings. */
public sealed interface CreditEvent permits CreditRating, CreditRevision {

  /**
   * The order the rules process a pair's events in: day, then time; at the same time a rating
   * before a revision; then id (for ties).
   */
  Comparator<CreditEvent> PROCESSING_ORDER =
      Comparator.comparing(CreditEvent::day).thenComparing(CreditEvent::time)
          .thenComparing(e -> e instanceof CreditRevision).thenComparing(CreditEvent::id);

  /** The partition day; events are processed with that day's others. */
  LocalDate day();

  /** The event time: when the rating was left or revised. */
  Instant time();

  String id();
}
