package org.chengxin.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.chengxin.review.RecommendedAction;

/** The queue's codes in a reviewer's words. */
final class Words {
  private Words() {}

  static String action(RecommendedAction action) {
    return switch (action) {
      case WARN -> "warn the seller";
      case DEMAND_CERTIFICATES -> "demand brand certificates";
      case SEVEN_DAY_CLOSURE -> "close the shop for seven days (a second reviewer confirms)";
    };
  }

  /** How long ago a case was first flagged, in days. */
  static String age(LocalDate firstFlagged, LocalDate today) {
    long days = ChronoUnit.DAYS.between(firstFlagged, today);
    return days <= 0 ? "today" : days == 1 ? "1 day" : days + " days";
  }

  /** How long a case has been held, for a lead looking for cases left in review. */
  static String held(Instant takenAt, Instant now) {
    if (takenAt == null) {
      return "";
    }
    Duration held = Duration.between(takenAt, now);
    return held.toDays() >= 1 ? held.toDays() + " d" : held.toHours() >= 1 ? held.toHours() + " h" : held.toMinutes() + " min";
  }
}
