package org.chengxin.review;

/** Where a case is in the reviewers' workflow: open, then in review, then confirmed or cleared. */
public enum CaseStatus implements QueueWord {
  OPEN,
  IN_REVIEW,
  CONFIRMED,
  CLEARED;

  /** Open or in review: the seller's one active case. */
  public boolean isActive() {
    return this == OPEN || this == IN_REVIEW;
  }

  public static CaseStatus fromWire(String word) {
    return QueueWord.parse(CaseStatus.class, "status", word);
  }

  public static String words() {
    return QueueWord.words(CaseStatus.class);
  }
}
