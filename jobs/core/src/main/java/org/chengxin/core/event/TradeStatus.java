package org.chengxin.core.event;

/** Final status of a trade (order). */
public enum TradeStatus implements WireEnum {
  COMPLETED,
  CANCELLED,
  REFUNDED,
  DISPUTED;

  /** The platform hides ratings on cancelled and refunded trades from shoppers. */
  public boolean hidesRatings() {
    return this == CANCELLED || this == REFUNDED;
  }
}
