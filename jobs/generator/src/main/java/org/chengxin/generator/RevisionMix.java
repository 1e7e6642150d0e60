package org.chengxin.generator;

/**
 * Which rating revisions the generator plants (all off by default: a run without revisions writes
 * exactly what it wrote before they existed). Every planted revision is a valid event: by the
 * rater, within 30 days, once, negative or neutral to positive; the fraud is in the pattern.
 *
 * @param paidOffShare share of extortion negatives the seller pays off (an upheld complaint with
 *     compensation) and the extortioner then revises to positive
 * @param tradesPerRevisionBuyer one seller buying revisions per this many trades (0: none): its
 *     buyers' negatives and neutrals of the last 25 days revised in a burst of 1-3 days
 * @param honestRevisionRate share of honest buyers' negative and neutral ratings revised later,
 *     when the parcel arrives after all or the problem is settled (1-25 days after the rating)
 */
record RevisionMix(double paidOffShare, long tradesPerRevisionBuyer, double honestRevisionRate) {

  /** Whether any revision is planted: only then does the feed get rating_revisions files. */
  boolean any() {
    return paidOffShare > 0 || tradesPerRevisionBuyer > 0 || honestRevisionRate > 0;
  }
}
