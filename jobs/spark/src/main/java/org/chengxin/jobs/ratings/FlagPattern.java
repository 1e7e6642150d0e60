package org.chengxin.jobs.ratings;

import org.chengxin.core.event.WireEnum;

/** The patterns rating_flags names, with the plain words its {@code reason} column carries. */
public enum FlagPattern implements WireEnum {
  EXTORTION("negative rating right after the rater's own complaint against the ratee was rejected"),
  EXTORTION_REPEAT("negative rating by an account that retaliated against a rejected complaint elsewhere"),
  COMPETITOR_ATTACK("one of a burst of negative ratings on one account from accounts with little history"),
  SERIAL_NEGATIVE("negative rating by an account that rates far more sellers badly than the market does"),
  SHARED_KEY_BOOST("positive rating from an account that shares a device, IP or address with other raters of the same account"),
  RING_BOOST("positive rating from a buyer to a seller of the same credit-boosting ring (ring_members)");

  private final String description;

  FlagPattern(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
