package org.chengxin.graph.rings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ring scoring without Spark. */
class RingScoreTest {

  private static final double MIN_DENSITY = 0.5;
  private static final double MARKET_CONFIRM_HOURS = 48.0;

  private static RingScore.Signals ring(Double fiveStar, Double confirmHours, Double priceRatio) {
    return new RingScore.Signals(2, 12, 2.0, fiveStar, 0.5, 0.25, 0.5, 1.0, confirmHours, priceRatio);
  }

  @Test
  void combinesDensityMarginAndTheSevenSignals() {
    RingScore.Score score = RingScore.ofTrades(MIN_DENSITY, MARKET_CONFIRM_HOURS).score(ring(1.0, 12.0, 0.25));
    double fastConfirm = 1 - 12.0 / 48.0;
    double price = 1.0; // |ln 0.25| / ln 4
    double boosting = 1.0 + 0.5 + fastConfirm + price;
    double signals = (boosting + 0.25 + 0.5 + 1.0) / 7;
    assertEquals(0.4 * (1 - 0.5 / 2.0) + 0.6 * signals, score.suspiciousness(), 1e-12);
    assertEquals(boosting / 4, score.boostingEvidence(), 1e-12);
    assertEquals("2 sellers and 12 buyers trade far more densely than the market (density 2.00, 4.0x the threshold); "
        + "100% of their ratings are all five-star; 50% of buyers share a device, IP or address; "
        + "50% of buyer-seller pairs repeat; 100% of buyers are new accounts; "
        + "receipt confirmed after 12.0 h (market 48.0 h); prices at 0.25x the category median", score.reason());
  }

  @Test
  void missingEvidenceCountsAsBeforeAndNamesNoClause() {
    // No rating and no confirmed trade count 0; no price ratio counts as the full price anomaly
    // (what the Spark expression this replaced gave).
    RingScore.Score score = RingScore.ofTrades(MIN_DENSITY, MARKET_CONFIRM_HOURS).score(ring(null, null, null));
    assertEquals((0 + 0.5 + 0 + 1.0) / 4, score.boostingEvidence(), 1e-12);
    assertEquals("2 sellers and 12 buyers trade far more densely than the market (density 2.00, 4.0x the threshold); "
        + "50% of buyers share a device, IP or address; 50% of buyer-seller pairs repeat; 100% of buyers are new accounts",
        score.reason());
    assertEquals((1.0 + 0.5 + 0 + 0) / 4, RingScore.ofTrades(MIN_DENSITY, Double.NaN).score(ring(1.0, 12.0, 1.0)).boostingEvidence(),
        1e-12, "an unknown market median gives no fast-confirmation signal");
  }

  @Test
  void aGraphOfRatingsIsScoredOnTheFiveSignalsRatingsHaveAndItsFiveStarsAboveTheMarket() {
    RingScore ratings = RingScore.ofRatings(MIN_DENSITY, 0.5);
    RingScore.Score score = ratings.score(ring(1.0, null, null));
    assertEquals(1.0, score.boostingEvidence(), 1e-12, "every rating five-star where half the market's are");
    assertEquals(0.4 * (1 - 0.5 / 2.0) + 0.6 * (1.0 + 0.5 + 0.25 + 0.5 + 1.0) / 5, score.suspiciousness(), 1e-12);
    assertEquals("2 sellers and 12 buyers are linked by ratings far more densely than the market (density 2.00, "
        + "4.0x the threshold); 100% of their ratings are all five-star; 50% of buyers share a device, IP or address; "
        + "50% of buyer-seller pairs repeat; 100% of buyers are new accounts", score.reason());
    assertEquals(0.2, ratings.score(ring(0.6, null, null)).boostingEvidence(), 1e-12,
        "a popular shop's loyal customers: repeat ratings, but five-star not far above the market");
    assertEquals(0.0, ratings.score(ring(0.3, null, null)).boostingEvidence(), 1e-12);
    assertEquals(0.0, RingScore.ofRatings(MIN_DENSITY, 1.0).score(ring(1.0, null, null)).boostingEvidence(), 1e-12,
        "where every rating is five-star, no block stands out");
  }
}
