package org.chengxin.core.event;

/** Why a buyer says they revised a rating (optional on a {@code rating_revision}). */
public enum RevisionReason implements WireEnum {
  /** The parcel arrived after all, or arrived late. */
  ARRIVED,
  /** The problem was settled: replaced, repaired, refunded. */
  RESOLVED,
  /** Anything else, or not said. */
  OTHER
}
