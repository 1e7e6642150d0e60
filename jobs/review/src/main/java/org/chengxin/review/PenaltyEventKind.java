package org.chengxin.review;

/**
 * What can happen to a penalty after its case imposed it; each is one row of the append-only
 * {@code penalty_events}. Three of them end a penalty before its term: lifted, certificates
 * accepted and appeal upheld.
 */
public enum PenaltyEventKind implements QueueWord {
  /** A reviewer ended the penalty early, saying why. */
  LIFTED,
  /** The seller sent the demanded certificates; a reviewer checks them next. */
  CERTIFICATES_RECEIVED,
  /** A reviewer checked the certificates and found them good: the demand ends. */
  CERTIFICATES_ACCEPTED,
  /** A reviewer checked the certificates and found them wanting: the demand stays in force. */
  CERTIFICATES_REJECTED,
  /** The seller appealed; the note is the seller's statement. */
  APPEAL_FILED,
  /** A reviewer other than the case's upheld the appeal: the penalty ends, if it had not yet. */
  APPEAL_UPHELD,
  /** A reviewer other than the case's rejected the appeal: the penalty runs on. */
  APPEAL_REJECTED;

  public static PenaltyEventKind fromWire(String word) {
    return QueueWord.parse(PenaltyEventKind.class, "kind", word);
  }
}
