package org.chengxin.jobs.review;

/**
 * Counterfeit rules, per luxury trade and per seller. The burden of proof is on the seller: a
 * branded sale without a verified certificate for that brand counts against it whatever the price.
 */
public final class CounterfeitRules {

  /** A price below this share of the brand's market median in its category is far below usual. */
  public static final double FAR_BELOW_SHARE_OF_MEDIAN = 0.4;
  /** ... and so is a price more than this many robust standard deviations below the median. */
  public static final double ROBUST_DEVIATIONS = 4.0;
  /** MAD x 1.4826 estimates the standard deviation of normal prices. */
  static final double MAD_TO_SIGMA = 1.4826;
  /** The robust scale is at least this share of the median, so a brand sold at one price does not flag every discount. */
  static final double MIN_SCALE_SHARE_OF_MEDIAN = 0.1;

  /** Fewer luxury trades than this are too few to judge a seller on shares alone. */
  public static final long MIN_LUXURY_TRADES = 3;
  public static final double MIN_UNCERTIFIED_SHARE = 0.5;
  public static final double MIN_UNDERPRICED_SHARE = 0.3;
  /** This many upheld counterfeit complaints are enough on their own. */
  public static final long UPHELD_COMPLAINTS_ALONE = 2;

  private CounterfeitRules() {}

  /**
   * @param median the brand's median unit price in the category over the market
   * @param mad median absolute deviation of those prices from the median
   */
  public static boolean underpriced(long price, double median, double mad) {
    double scale = Math.max(MAD_TO_SIGMA * mad, MIN_SCALE_SHARE_OF_MEDIAN * median);
    return price < FAR_BELOW_SHARE_OF_MEDIAN * median || price < median - ROBUST_DEVIATIONS * scale;
  }

  /**
   * Counterfeit suspected: enough luxury sales, most without a verified certificate, and either a
   * good part of them far below the usual price or an upheld counterfeit complaint; or several
   * upheld counterfeit complaints whatever else.
   */
  public static boolean suspected(long luxuryTrades, long uncertifiedTrades, long underpricedTrades, long upheldComplaints) {
    if (upheldComplaints >= UPHELD_COMPLAINTS_ALONE) {
      return true;
    }
    if (luxuryTrades < MIN_LUXURY_TRADES) {
      return false;
    }
    boolean uncertified = uncertifiedTrades >= MIN_UNCERTIFIED_SHARE * luxuryTrades;
    boolean underpriced = underpricedTrades >= MIN_UNDERPRICED_SHARE * luxuryTrades;
    return uncertified && (underpriced || upheldComplaints > 0);
  }
}
