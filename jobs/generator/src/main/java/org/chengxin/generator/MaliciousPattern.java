package org.chengxin.generator;

import org.chengxin.core.event.WireEnum;

/** Why a planted rating or rater is malicious; the {@code pattern} column of the truth files. */
enum MaliciousPattern implements WireEnum {
  /** Five-star ratings from a credit-boosting ring's buyers on the ring's own sellers. */
  RING_BOOST,
  /** Negatives from a coordinated group of fresh accounts sinking one seller within hours. */
  COMPETITOR_ATTACK,
  /** Negatives across many sellers, often right after the rater's complaint was rejected. */
  EXTORTION
}
