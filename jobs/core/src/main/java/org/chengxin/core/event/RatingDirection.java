package org.chengxin.core.event;

/** Who rated whom after a trade. */
public enum RatingDirection implements WireEnum {
  BUYER_TO_SELLER,
  SELLER_TO_BUYER
}
