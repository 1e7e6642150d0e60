package org.chengxin.stats;

import java.io.Serializable;

/**
 * How much of a scope's dissatisfaction comes from flagged sellers (rings, counterfeits, malicious
 * patterns), for one scope and window.
 *
 * <p>Definitions: the rate without flagged sellers is (upheld - flaggedUpheld) / (trades -
 * flaggedTrades), i.e. flagged sellers' trades and complaints are removed from both sides. Excess
 * complaints are what flagged sellers produced beyond the clean rate on their own trades:
 * flaggedUpheld - flaggedTrades * rateWithoutFlagged (negative when flagged sellers are cleaner). For
 * intervals on the rate without flagged sellers call {@link RateSummary#of} on the unflagged counts.
 *
 * @param upheld all upheld complaints in the scope and window
 * @param trades all completed trades
 * @param flaggedUpheld upheld complaints on trades of flagged sellers
 * @param flaggedTrades completed trades of flagged sellers
 */
public record Attribution(long upheld, long trades, long flaggedUpheld, long flaggedTrades) implements Serializable {
  public Attribution {
    Counts.check(upheld, trades);
    Counts.check(flaggedUpheld, flaggedTrades);
    if (flaggedUpheld > upheld || flaggedTrades > trades || upheld - flaggedUpheld > trades - flaggedTrades) {
      throw new IllegalArgumentException("flagged counts must be part of the scope's counts");
    }
  }

  /** upheld / trades, NaN without trades. */
  public double rate() {
    return ratio(upheld, trades);
  }

  /** Rate over unflagged sellers only, NaN when every trade is flagged. */
  public double rateWithoutFlagged() {
    return ratio(upheld - flaggedUpheld, trades - flaggedTrades);
  }

  /** Share of upheld complaints on flagged sellers' trades, NaN without complaints. */
  public double complaintShare() {
    return ratio(flaggedUpheld, upheld);
  }

  /** Share of trades that are flagged sellers', NaN without trades. */
  public double tradeShare() {
    return ratio(flaggedTrades, trades);
  }

  /** Complaints beyond what flagged sellers' trades would have drawn at the unflagged rate. */
  public double excessComplaints() {
    double clean = rateWithoutFlagged();
    return Double.isNaN(clean) ? flaggedUpheld : flaggedUpheld - flaggedTrades * clean;
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
