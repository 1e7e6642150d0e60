package org.chengxin.stats;

/**
 * One seller of a generated data set: what was observed and the rate that generated it.
 *
 * @param category the seller's category
 * @param flagKind the kind of flag a detector gave the seller, null for an ordinary seller
 * @param upheld upheld complaints observed
 * @param trades completed trades observed
 * @param trueRate the planted complaint rate
 */
public record SellerOutcome(String category, String flagKind, long upheld, long trades, double trueRate) {
  public SellerOutcome {
    Counts.check(upheld, trades);
    if (!(trueRate >= 0 && trueRate <= 1)) {
      throw new IllegalArgumentException("true rate must be in [0, 1], got " + trueRate);
    }
  }

  /** Whether a detector flagged the seller (it is then shrunk toward its kind's prior). */
  public boolean flagged() {
    return flagKind != null;
  }
}
