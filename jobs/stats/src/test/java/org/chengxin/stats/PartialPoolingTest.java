package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartialPoolingTest {
  /** The ordinary sellers' prior: mean 2e-5, shape 2, as the generator plants them. */
  private static final BetaPrior PLATFORM = new BetaPrior(2, 100_000);

  private static CountHistogram kind(BetaPrior truth, int sellers, double minTrades, double maxTrades, long seed) {
    CountHistogram histogram = new CountHistogram();
    for (SellerOutcome s : SimulatedSellers.generate(List.of(new SimulatedSellers.Category("kind", truth, sellers)),
        minTrades, maxTrades, seed)) {
      histogram.add(s.upheld(), CountHistogram.bucketTrades(s.upheld(), s.trades()), 1);
    }
    return histogram;
  }

  @Test
  void threeFlaggedSellersWithOneComplaintStayNearThePlatform() {
    // One complaint in 30,000 trades (a pooled rate of 3.3e-5, the platform's is 2e-5) says little:
    // the kind keeps near the platform's mean with the reference shape. The same three sellers with a
    // complaint in every few hundred trades say a lot, and their kind moves a hundredfold.
    CountHistogram quiet = new CountHistogram().add(0, 8_000, 1).add(1, 12_000, 1).add(0, 10_000, 1);
    BetaPrior pooled = PartialPooling.DEFAULT.fit(quiet, PLATFORM).prior();
    assertTrue(pooled.mean() > PLATFORM.mean() / 3 && pooled.mean() < 3.5 * PLATFORM.mean(), pooled.toString());
    assertEquals(1, pooled.alpha(), 0.5, pooled.toString());
    CountHistogram loud = new CountHistogram().add(20, 8_000, 1).add(35, 12_000, 1).add(25, 10_000, 1);
    BetaPrior apart = PartialPooling.DEFAULT.fit(loud, PLATFORM).prior();
    assertEquals(80.0 / 30_000, apart.mean(), 0.3 * 80 / 30_000, apart.toString());
  }

  @Test
  void aHandfulOfCounterfeitSuspectsNeitherCollapsesNorSpreadsOut() {
    // Five sellers near 3%: the kind's own evidence moves its mean a thousandfold from the platform's,
    // while the spread stays near the reference instead of a point mass (every seller pulled onto one
    // rate) or a flat prior (nobody shrunk).
    CountHistogram five = new CountHistogram().add(2, 120, 1).add(1, 45, 1).add(0, 40, 1).add(0, 37, 1).add(1, 83, 1);
    BetaPrior pooled = PartialPooling.DEFAULT.fit(five, PLATFORM).prior();
    assertTrue(pooled.mean() > 0.01 && pooled.mean() < 0.03, pooled.toString());
    assertTrue(pooled.alpha() > 0.4 && pooled.alpha() < 3, pooled.toString());
  }

  /** 3,000 sellers from Beta(4, 129.3) fitted under {@code pooling}: the same prior as fitted alone. */
  private static BetaPrior standsOnItsOwn(PartialPooling pooling) {
    CountHistogram many = kind(new BetaPrior(4, 129.3), 3_000, 40, 2_000, 17);
    BetaPrior direct = BetaBinomialFit.fit(many).prior();
    BetaPrior pooled = pooling.fit(many, PLATFORM).prior();
    assertEquals(direct.mean(), pooled.mean(), 0.02 * direct.mean(), pooled + " vs " + direct);
    assertEquals(direct.alpha(), pooled.alpha(), 0.1 * direct.alpha(), pooled + " vs " + direct);
    return pooled;
  }

  @Test
  void thousandsOfFlaggedSellersStandOnTheirOwn() {
    BetaPrior pooled = standsOnItsOwn(PartialPooling.DEFAULT);
    assertEquals(4, pooled.alpha(), 1, "and that is the planted kind: " + pooled);
  }

  /** The fit under {@code pooling} maximises the log-likelihood plus its hyperprior. */
  private static void isTheMarginalPosteriorMode(PartialPooling pooling) {
    CountHistogram five = new CountHistogram().add(2, 120, 1).add(1, 45, 1).add(0, 40, 1).add(3, 90, 1).add(1, 83, 1);
    Hyperprior hyperprior = pooling.around(five, PLATFORM);
    BetaPrior mode = pooling.fit(five, PLATFORM).prior();
    double best = BetaBinomialFit.logPosterior(five, mode, hyperprior);
    for (double f : new double[] {0.9, 1.1}) {
      assertTrue(best > BetaBinomialFit.logPosterior(five, new BetaPrior(mode.alpha() * f, mode.beta()), hyperprior));
      assertTrue(best > BetaBinomialFit.logPosterior(five, new BetaPrior(mode.alpha(), mode.beta() * f), hyperprior));
    }
  }

  @Test
  void fitIsTheMarginalPosteriorMode() {
    isTheMarginalPosteriorMode(PartialPooling.DEFAULT);
  }

  @Test
  void shrunkEstimatesOfFewFlaggedSellersBeatRawRates() {
    // Markets with six counterfeit suspects next to 3,000 ordinary sellers: over 20 markets the flagged
    // sellers' shrunk rates are closer to the truth than their raw rates, and so is everyone's. Their
    // raw errors (rates near 3% on a hundred trades) outweigh the ordinary sellers', so the overall
    // ratio is theirs.
    double raw = 0;
    double shrunk = 0;
    double allRaw = 0;
    double allShrunk = 0;
    for (long seed = 1; seed <= 20; seed++) {
      ShrinkageEvaluation e = ShrinkageEvaluation.evaluate(
          SimulatedSellers.generate(SimulatedSellers.MARKET.subList(0, 2), List.of(SimulatedSellers.FEW_COUNTERFEIT), seed),
          CategoryPriors.Settings.DEFAULT, 0.95);
      assertEquals(6, e.flagged().sellers());
      raw += e.flagged().rawMse();
      shrunk += e.flagged().shrunkMse();
      allRaw += e.all().rawMse();
      allShrunk += e.all().shrunkMse();
    }
    assertTrue(shrunk / raw < 0.7, "flagged ratio " + shrunk / raw);
    assertTrue(allShrunk / allRaw < 0.7, "overall ratio " + allShrunk / allRaw);
  }

  private static final PartialPooling POOLED_RATE = PartialPooling.POOLED_RATE_CENTRED;

  @Test
  void fourSuspectsCentredOnTheirPooledRateKeepItsMean() {
    // Four suspects, 14 complaints on 380 matured trades (3.7%), the small ones with the highest raw
    // rates. Centred on the platform with the concentration factor, the kind's mean ends above the
    // pooled rate (the factor favours a small alpha + beta at a shape near 1); centred on the pooled
    // rate without it, the mean stays within a few percent of it.
    CountHistogram four = new CountHistogram().add(6, 200, 1).add(4, 60, 1).add(3, 40, 1).add(1, 80, 1);
    double pooledRate = 14.0 / 380;
    BetaPrior platformCentred = PartialPooling.PLATFORM_CENTRED.fit(four, PLATFORM).prior();
    BetaPrior kindCentred = POOLED_RATE.fit(four, PLATFORM).prior();
    assertTrue(platformCentred.mean() > 1.1 * pooledRate, platformCentred.toString());
    assertEquals(pooledRate, kindCentred.mean(), 0.05 * pooledRate, kindCentred.toString());
    assertTrue(kindCentred.alpha() > 0.4 && kindCentred.alpha() < 3, kindCentred.toString());
  }

  @Test
  void thousandsOfSuspectsCentredOnTheirPooledRateStandOnTheirOwn() {
    standsOnItsOwn(POOLED_RATE);
  }
  @Test
  void aKindWithoutComplaintsIsCentredOnThePlatform() {
    CountHistogram clean = new CountHistogram().add(0, 500, 1).add(0, 300, 1);
    BetaPrior pooled = POOLED_RATE.fit(clean, PLATFORM).prior();
    assertTrue(pooled.mean() > PLATFORM.mean() / 3 && pooled.mean() < 3 * PLATFORM.mean(), pooled.toString());
  }

  @Test
  void thePooledRateFitIsItsMarginalPosteriorMode() {
    isTheMarginalPosteriorMode(POOLED_RATE);
  }
}
