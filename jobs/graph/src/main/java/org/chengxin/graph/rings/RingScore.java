package org.chengxin.graph.rings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A block's suspiciousness, boosting evidence and plain-words reason from its signals (docs/rings.md,
 * Algorithm step 8). Plain Java, applied to each block's evidence row inside a Spark task.
 *
 * <p>suspiciousness = 0.4 x density margin (1 - minDensity / density) + 0.6 x mean of seven evidence
 * signals in [0, 1]: five-star share, lockstep share, shared-key share, repeat-pair rate, young
 * buyer share, fast confirmation (1 - ring median / market median) and price anomaly
 * (|ln price ratio| / ln 4). The boosting evidence is the mean of the four signals that describe
 * the trades themselves (five-star, repeat pairs, fast confirmation, price).
 *
 * <p>On a graph of ratings alone (no trades: {@link #ofRatings}) price, confirmation and keys are
 * unknown, not absent: the suspiciousness takes the mean of the five signals a rating history has
 * (five-star share, lockstep, shared keys, repeat pairs, young buyers). The boosting evidence is then
 * how far the block's five-star share lies above the market's ({@code (share - market) / (1 -
 * market)}): repeat ratings of one shop are what its loyal customers give too.
 */
final class RingScore implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final double DENSITY_WEIGHT = 0.4;
  private static final double LN_4 = Math.log(4);
  private static final double LN_2 = Math.log(2);

  /**
   * One block's evidence; the boxed ones are null when the block has nothing to measure them on
   * (no rating, no confirmed trade, no priced trade).
   */
  record Signals(int sellerCount, long buyerCount, double density, Double fiveStarShare, double repeatPairRate,
      double lockstepShare, double sharedKeyShare, double youngBuyerShare, Double medianConfirmHours,
      Double priceToCategoryMedian) {}

  record Score(double suspiciousness, double boostingEvidence, String reason) {}

  private final double minDensity;
  private final double marketConfirmHours;
  /** Whether the blocks' edges are trades; when not, ratings that stand for them. */
  private final boolean tradesKnown;
  /** Used only when the edges are ratings. */
  private final double marketFiveStarShare;

  private RingScore(double minDensity, boolean tradesKnown, double marketConfirmHours, double marketFiveStarShare) {
    this.minDensity = minDensity;
    this.marketConfirmHours = marketConfirmHours;
    this.tradesKnown = tradesKnown;
    this.marketFiveStarShare = marketFiveStarShare;
  }

  /** @param marketConfirmHours market median hours from payment to confirmation; NaN when unknown */
  static RingScore ofTrades(double minDensity, double marketConfirmHours) {
    return new RingScore(minDensity, true, marketConfirmHours, Double.NaN);
  }

  /**
   * Scores blocks whose edges are ratings standing for unknown trades.
   *
   * @param marketFiveStarShare share of the window's buyer ratings that are all five-star
   */
  static RingScore ofRatings(double minDensity, double marketFiveStarShare) {
    if (!(marketFiveStarShare >= 0 && marketFiveStarShare <= 1)) {
      throw new IllegalArgumentException("market five-star share must be in [0, 1]: " + marketFiveStarShare);
    }
    return new RingScore(minDensity, false, Double.NaN, marketFiveStarShare);
  }

  /** Whether the blocks' edges are trades (not ratings standing for them). */
  boolean tradesKnown() {
    return tradesKnown;
  }

  Score score(Signals s) {
    double fiveStar = s.fiveStarShare() == null ? 0.0 : s.fiveStarShare();
    double margin = Math.max(0.0, 1.0 - minDensity / s.density());
    if (!tradesKnown()) {
      double signals = (fiveStar + s.repeatPairRate() + s.lockstepShare() + s.sharedKeyShare() + s.youngBuyerShare()) / 5.0;
      // Where every rating is five-star, no block's can stand out.
      double aboveMarket = marketFiveStarShare >= 1 ? 0.0 : Math.max(0.0, (fiveStar - marketFiveStarShare) / (1 - marketFiveStarShare));
      return new Score(margin * DENSITY_WEIGHT + signals * (1 - DENSITY_WEIGHT), aboveMarket, reason(s, null));
    }
    double fastConfirm =
        Double.isNaN(marketConfirmHours) || marketConfirmHours <= 0 || s.medianConfirmHours() == null
            ? 0.0
            : Math.max(0.0, 1.0 - s.medianConfirmHours() / marketConfirmHours);
    // No measurable price ratio counts as the full anomaly, as the Spark expression this replaces
    // did (its least() skipped the null); kept so that detection figures do not move.
    Double lnPrice = lnPrice(s);
    double priceAnomaly = lnPrice == null ? 1.0 : Math.min(1.0, Math.abs(lnPrice) / LN_4);
    double boosting = fiveStar + s.repeatPairRate() + fastConfirm + priceAnomaly;
    double signals = (boosting + s.lockstepShare() + s.sharedKeyShare() + s.youngBuyerShare()) / 7.0;
    return new Score(margin * DENSITY_WEIGHT + signals * (1 - DENSITY_WEIGHT), boosting / 4.0, reason(s, lnPrice));
  }

  /** ln of the price ratio, null when there is none (StrictMath: the same digits Spark's log gives). */
  private static Double lnPrice(Signals s) {
    Double ratio = s.priceToCategoryMedian();
    return ratio == null || ratio <= 0 ? null : StrictMath.log(ratio);
  }

  /** Plain words for reviewers; each clause appears only when its evidence is notable. */
  private String reason(Signals s, Double lnPrice) {
    List<String> clauses = new ArrayList<>();
    clauses.add(format("%d sellers and %d buyers %s far more densely than the market (density %.2f, %.1fx the threshold)",
        s.sellerCount(), s.buyerCount(), tradesKnown() ? "trade" : "are linked by ratings", s.density(), s.density() / minDensity));
    if (s.fiveStarShare() != null && s.fiveStarShare() >= 0.8) {
      clauses.add(format("%.0f%% of their ratings are all five-star", s.fiveStarShare() * 100));
    }
    if (s.lockstepShare() >= 0.3) {
      clauses.add(format("%.0f%% of buyers act in lockstep", s.lockstepShare() * 100));
    }
    if (s.sharedKeyShare() >= 0.2) {
      clauses.add(format("%.0f%% of buyers share a device, IP or address", s.sharedKeyShare() * 100));
    }
    if (s.repeatPairRate() >= 0.3) {
      clauses.add(format("%.0f%% of buyer-seller pairs repeat", s.repeatPairRate() * 100));
    }
    if (s.youngBuyerShare() >= 0.5) {
      clauses.add(format("%.0f%% of buyers are new accounts", s.youngBuyerShare() * 100));
    }
    if (s.medianConfirmHours() != null && s.medianConfirmHours() < marketConfirmHours / 2) {
      clauses.add(format("receipt confirmed after %.1f h (market %.1f h)", s.medianConfirmHours(), marketConfirmHours));
    }
    if (lnPrice != null && Math.abs(lnPrice) >= LN_2) {
      clauses.add(format("prices at %.2fx the category median", s.priceToCategoryMedian()));
    }
    return String.join("; ", clauses);
  }

  /** Locale.US, as Spark's format_string used before. */
  private static String format(String pattern, Object... args) {
    return String.format(Locale.US, pattern, args);
  }
}
