package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A penalty as it stands (one row of the {@code penalty_status} view): the term its case imposed,
 * from {@code startsOn} to the exclusive {@code termEndsOn}, and its effective exclusive end
 * {@code endsOn} once the events are counted (null while nothing has ended it: certificates
 * demanded and not yet accepted). It also holds the rules for what may happen to it next
 * ({@link #check}), plain logic that tests call without a database.
 */
public record PenaltyStatus(
    @JsonProperty("penalty_id") long penaltyId,
    @JsonProperty("seller_id") String sellerId,
    @JsonProperty("case_id") long caseId,
    @JsonProperty("decided_by") String decidedBy,
    @JsonProperty("action") RecommendedAction action,
    @JsonProperty("starts_on") LocalDate startsOn,
    @JsonProperty("term_ends_on") LocalDate termEndsOn,
    @JsonProperty("ends_on") LocalDate endsOn,
    @JsonProperty("end_reason") EndReason endReason,
    @JsonProperty("certificates") Certificates certificates,
    @JsonProperty("appeal") Appeal appeal,
    @JsonProperty("appeal_event_id") Long appealEventId) {

  /** What set {@code endsOn}: the term, or the event that ended the penalty before it. */
  public enum EndReason implements QueueWord {
    TERM,
    LIFTED,
    CERTIFICATES_ACCEPTED,
    APPEAL_UPHELD;

    public static EndReason fromWire(String word) {
      return word == null ? null : QueueWord.parse(EndReason.class, "end_reason", word);
    }
  }

  /** The latest step of a certificate demand: received (awaiting a check), accepted or rejected. */
  public enum Certificates implements QueueWord {
    RECEIVED,
    ACCEPTED,
    REJECTED;

    public PenaltyEventKind event() {
      return switch (this) {
        case RECEIVED -> PenaltyEventKind.CERTIFICATES_RECEIVED;
        case ACCEPTED -> PenaltyEventKind.CERTIFICATES_ACCEPTED;
        case REJECTED -> PenaltyEventKind.CERTIFICATES_REJECTED;
      };
    }

    public static Certificates fromWire(String word) {
      return word == null ? null : QueueWord.parse(Certificates.class, "certificates", word);
    }

    public static String words() {
      return QueueWord.words(Certificates.class);
    }
  }

  /** The latest appeal: open (filed, not yet decided), upheld or rejected. */
  public enum Appeal implements QueueWord {
    OPEN,
    UPHELD,
    REJECTED;

    public static Appeal fromWire(String word) {
      return word == null ? null : QueueWord.parse(Appeal.class, "appeal", word);
    }
  }

  /** In force on {@code day}: started, and not yet at its (exclusive) end. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(startsOn) && (endsOn == null || day.isBefore(endsOn));
  }

  /**
   * Refuses, with the reason in a reviewer's words, an event that may not happen to this penalty on
   * {@code day}, recorded by {@code reviewer}: lifting or certificates on a penalty not in force;
   * certificates on a penalty that demands none, accepted or rejected before they were received, or
   * received twice before a check; a second open appeal; deciding an appeal that is not open, or
   * one's own case's appeal.
   */
  public void check(PenaltyEventKind kind, String reviewer, LocalDate day) {
    switch (kind) {
      case LIFTED -> requireInForce(day);
      case CERTIFICATES_RECEIVED, CERTIFICATES_ACCEPTED, CERTIFICATES_REJECTED -> {
        if (action != RecommendedAction.DEMAND_CERTIFICATES) {
          throw refused("is a " + action.wire() + ": it demands no certificates");
        }
        requireInForce(day);
        boolean awaitingCheck = certificates == Certificates.RECEIVED;
        if (kind == PenaltyEventKind.CERTIFICATES_RECEIVED && awaitingCheck) {
          throw refused("has certificates awaiting a check: accept or reject them first");
        }
        if (kind != PenaltyEventKind.CERTIFICATES_RECEIVED && !awaitingCheck) {
          throw refused("has no certificates awaiting a check: record them received first");
        }
      }
      case APPEAL_FILED -> {
        if (appeal == Appeal.OPEN) {
          throw refused("already has an open appeal (event " + appealEventId + "): it is decided first");
        }
      }
      case APPEAL_UPHELD, APPEAL_REJECTED -> {
        if (appeal != Appeal.OPEN) {
          throw refused("has no open appeal");
        }
        if (reviewer.equals(decidedBy)) {
          throw refused("was imposed by " + reviewer + "'s decision on case " + caseId
              + ": its appeal is decided by another reviewer");
        }
      }
    }
  }

  private void requireInForce(LocalDate day) {
    if (day.isBefore(startsOn)) {
      throw refused("starts on " + startsOn + ": it is not in force on " + day);
    }
    if (!inForceOn(day)) {
      throw refused("ended on " + endsOn + " (" + endReason.wire() + "): it is not in force on " + day);
    }
  }

  private ReviewException refused(String why) {
    return new ReviewException("penalty " + penaltyId + " " + why);
  }

  /** The penalty in one line, for a reviewer's terminal. */
  public String summary() {
    return "penalty " + penaltyId + " (" + action.wire() + " of seller " + sellerId + ", case " + caseId + "): from " + startsOn
        + (endsOn == null ? ", no end yet" : " until " + endsOn + " exclusive (" + endReason.wire() + ")")
        + (certificates == null ? "" : ", certificates " + certificates.wire())
        + (appeal == null ? "" : ", appeal " + appeal.wire());
  }
}
