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
  CAPPED_MONTH
}
