package org.chengxin.review;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A case a reviewer confirmed, with what the public record is built from: the case's reasons and
 * evidence (to say what kind of violation it was; never shown themselves), when it was confirmed,
 * the penalty it imposed and what happened to that penalty since. Who decided and why is not part
 * of it. Read by {@link PublicRecordStore}; the rules are in {@link PublicRecord}.
 */
public record ConfirmedCase(long caseId, String sellerId, List<String> reasons, Evidence evidence, Instant decidedAt,
    Penalty penalty, List<Step> steps) {

  public ConfirmedCase {
    Objects.requireNonNull(sellerId, "sellerId");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(penalty, "penalty");
    reasons = List.copyOf(reasons);
    steps = List.copyOf(steps);
  }

  /**
   * One event of the penalty (a row of {@code penalty_events} without its reviewer and note).
   *
   * @param appealEventId on an appeal's decision, the filing it answers; else null
   */
  public record Step(long eventId, PenaltyEventKind kind, Long appealEventId, Instant happenedAt) {}
}
