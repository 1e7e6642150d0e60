package org.chengxin.detectors.ratings;

import org.chengxin.core.event.WireEnum;

/**
 * A malicious-rating pattern, named in plain words for analysts ({@link #description()}): the
 * {@code pattern} and {@code reason} columns of rating_flags.
 */
public enum RatingPattern implements WireEnum {
  EXTORTION("negative rating right after the rater's own complaint against the ratee was rejected"),
  EXTORTION_REPEAT("negative rating by an account that retaliated against a rejected complaint elsewhere"),
  COMPETITOR_ATTACK("one of a burst of negative ratings on one account from accounts with little history"),
  SERIAL_NEGATIVE("negative rating by an account that rates far more sellers badly than the market does"),
  SHARED_KEY_BOOST("positive rating from an account that shares a device, IP or address with other raters of the same account"),
  RING_BOOST("positive rating from a buyer to a seller of the same credit-boosting ring (ring_members)"),
  PAID_OFF_EXTORTION("negative rating revised to positive soon after the seller paid compensation on a complaint the rater "
      + "filed after rating, by a rater with other extortion-like ratings or paid-off revisions"),
  BOUGHT_REVISION("rating revised to positive in a burst of revisions on one seller far above its usual revision rate");

  private final String description;

  RatingPattern(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
