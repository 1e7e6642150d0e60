package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the risk model recommends doing to a flagged seller; a confirmed case imposes it as a
 * penalty (see {@link #penaltyEnd(LocalDate)}).
 */
public enum RecommendedAction implements QueueWord {
  /** A formal warning: recorded, nothing is closed. */
  WARN,
  /** The seller must show verified certificates for the brands it sells; open-ended until it does. */
  DEMAND_CERTIFICATES,
  /** The shop is closed for seven days. */
  SEVEN_DAY_CLOSURE;

  private static final int CLOSURE_DAYS = 7;

  /**
   * The exclusive end of the penalty this action imposes from {@code start}; empty when it has no
   * set end. A warning ends the day it starts: it is on record but restricts nothing.
   */
  public Optional<LocalDate> penaltyEnd(LocalDate start) {
    return switch (this) {
      case WARN -> Optional.of(start);
      case DEMAND_CERTIFICATES -> Optional.empty();
      case SEVEN_DAY_CLOSURE -> Optional.of(start.plusDays(CLOSURE_DAYS));
    };
  }

  @JsonCreator
  public static RecommendedAction fromWire(String word) {
    return QueueWord.parse(RecommendedAction.class, "recommended_action", word);
  }
}
