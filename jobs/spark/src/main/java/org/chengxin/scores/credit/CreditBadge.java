package org.chengxin.scores.credit;

import org.chengxin.core.event.WireEnum;

/** The badge tier a credit level shows, in ascending order. */
public enum CreditBadge implements WireEnum {
  NONE,
  HEART,
  DIAMOND,
  CROWN,
  GOLD_CROWN
}
