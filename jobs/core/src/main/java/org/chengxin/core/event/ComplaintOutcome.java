package org.chengxin.core.event;

/** Resolution of a complaint. Only upheld complaints count toward the dissatisfaction rate. */
public enum ComplaintOutcome implements WireEnum {
  UPHELD,
  REJECTED,
  PENDING
}
