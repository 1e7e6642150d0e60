package org.chengxin.review;

/** A reviewer's verdict on a case; it is also the label exported for retraining the risk model. */
public enum Outcome implements QueueWord {
  /** The seller is fraudulent or sells counterfeits: the recommended action becomes a penalty. */
  CONFIRMED,
  /** The flag was wrong: the seller is not flagged again without new evidence. */
  CLEARED;

  public CaseStatus caseStatus() {
    return this == CONFIRMED ? CaseStatus.CONFIRMED : CaseStatus.CLEARED;
  }

  public static Outcome fromWire(String word) {
    return QueueWord.parse(Outcome.class, "outcome", word);
  }
}
