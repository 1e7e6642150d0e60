package org.chengxin.detectors.ratings;

import org.chengxin.core.event.WireEnum;

/** A malicious-rating pattern, named in plain words for analysts ({@link #description()}). */
public enum RatingPattern implements WireEnum {
  EXTORTION("negative rating right after the rater's own complaint against the ratee was rejected"),
  COMPETITOR_ATTACK("one of a burst of negative ratings on one account from accounts with little history");

  private final String description;

  RatingPattern(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
