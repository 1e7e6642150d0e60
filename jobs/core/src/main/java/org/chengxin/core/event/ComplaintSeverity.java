package org.chengxin.core.event;

/** How serious the buyer's claim is, as triaged by customer service. */
public enum ComplaintSeverity implements WireEnum {
  LOW,
  MEDIUM,
  HIGH
}
