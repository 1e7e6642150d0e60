package org.chengxin.generator;

import org.chengxin.core.event.WireEnum;

/** What the generator made a seller; the {@code kind} column of truth/seller_truth.csv. */
enum SellerKind implements WireEnum {
  HONEST,
  /** Boosted by a credit-boosting ring. */
  RING,
  /** Sells luxury-brand fakes. */
  COUNTERFEIT,
  /** Honest, but the target of a coordinated competitor attack. */
  ATTACKED
}
