package org.chengxin.generator;

import org.chengxin.core.event.WireEnum;

/** Why a planted rating revision was made; the {@code pattern} column of truth/revisions.csv. */
enum RevisionPattern implements WireEnum {
  /** An extortioner's negative, paid off through an upheld complaint, then revised to positive. */
  PAID_OFF_EXTORTION,
  /** A seller's negatives and neutrals revised in a burst of days: the seller bought them. */
  BOUGHT,
  /** The parcel arrived after all, or the problem was settled: revised once, days or weeks later. */
  HONEST
}
