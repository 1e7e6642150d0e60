package org.chengxin.core.event;

/** The overall score of a rating; its credit value is +1, 0 or -1. */
public enum RatingScore implements WireEnum {
  POSITIVE(1),
  NEUTRAL(0),
  NEGATIVE(-1);

  private final int creditPoints;

  RatingScore(int creditPoints) {
    this.creditPoints = creditPoints;
  }

  public int creditPoints() {
    return creditPoints;
  }
}
