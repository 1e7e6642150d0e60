package org.chengxin.stats;

/**
 * One seller of a generated data set: what was observed and the rate that generated it.
 *
 * @param category the seller's category
 * @param upheld upheld complaints observed
 * @param trades completed trades observed
 * @param trueRate the planted complaint rate
 */
public record SellerOutcome(String category, long upheld, long trades, double trueRate) {
  public SellerOutcome {
    Counts.check(upheld, trades);
    if (!(trueRate >= 0 && trueRate <= 1)) {
      throw new IllegalArgumentException("true rate must be in [0, 1], got " + trueRate);
    }
  }
}
