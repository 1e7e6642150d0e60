package org.chengxin.scores.credit;

import org.chengxin.core.event.WireEnum;

/** What the credit rules made of one buyer_to_seller rating (credit_ledger.outcome). */
public enum CreditOutcome implements WireEnum {
  /** Counts: +1, 0 or -1 by its score. */
  COUNTED,
  /** Hidden from shoppers (cancelled or refunded trade): never in credit. */
  HIDDEN,
  /** No trade with this id was ingested within the look-back before the rating's day. */
  TRADE_UNKNOWN,
  /** The trade's buyer or seller is not the rating's rater or ratee. */
  TRADE_MISMATCH,
  /** Left more than 15 days after the trade ended. */
  LATE,
  /** Same item, same buyer and seller, same sign, within 14 days of a counted rating. */
  DUPLICATE_14D,
  /** Would take the buyer-seller net of its trade-creation month beyond [-6, +6]. */
  CAPPED_MONTH;

  /**
   * Whether a rating with this outcome took part in the 14-day rule and the month cap: a visible
   * rating of a real trade, left in time. Such ratings make DSR, and a revision of one goes through
   * the rules again.
   */
  public boolean inCredit() {
    return this == COUNTED || this == DUPLICATE_14D || this == CAPPED_MONTH;
  }
}
