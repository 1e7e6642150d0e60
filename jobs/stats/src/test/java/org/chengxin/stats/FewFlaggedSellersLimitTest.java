package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * What no prior can promise on a small market (issue 19, docs/dissatisfaction.md "Few flagged sellers:
 * the limit"): with four counterfeit suspects, the ratio of their shrunk to their raw squared error is
 * a ratio of two sums of four squared errors, and it scatters widely from market to market even when
 * the estimate is the best there is. Markets are drawn as the generator plants them on a 200,000-trade
 * fortnight: rates from Beta(4, 129.3), 40 to 300 trades each, 70% of them matured (the estimate's
 * exposure), the raw rate upheld over all trades (what {@code scripts/evaluate} compares with).
 */
class FewFlaggedSellersLimitTest {
  private static final BetaPrior PLANTED = new BetaPrior(4, 129.3);
  private static final BetaPrior PLATFORM = new BetaPrior(2, 100_000);
  private static final int MARKETS = 400;
  private static final int SUSPECTS = 4;

  /**
   * Share of the markets whose flagged ratio is above 0.5 and above 1, {above half, above one}, with
   * the kind fitted under {@code pooling} (null: the planted prior).
   */
  private static double[] shares(PartialPooling pooling) {
    SplittableRandom random = new SplittableRandom(20261204);
    BetaDistribution rates = BetaDistribution.of(PLANTED.alpha(), PLANTED.beta());
    int aboveHalf = 0;
    int aboveOne = 0;
    int markets = 0;
    while (markets < MARKETS) {
      double[] rate = new double[SUSPECTS];
      long[] trades = new long[SUSPECTS];
      long[] matured = new long[SUSPECTS];
      long[] upheld = new long[SUSPECTS];
      CountHistogram kind = new CountHistogram();
      for (int i = 0; i < SUSPECTS; i++) {
        rate[i] = rates.inverseCumulativeProbability(random.nextDouble());
        trades[i] = 40 + random.nextInt(261);
        matured[i] = Math.round(0.7 * trades[i]);
        upheld[i] = BinomialSampler.sample(random, matured[i], rate[i]);
        kind.add(upheld[i], matured[i], 1);
      }
      if (kind.upheld() == 0) {
        continue; // the job shrinks such a kind toward the platform; not the case studied here
      }
      markets++;
      BetaPrior prior = pooling == null ? PLANTED : pooling.fit(kind, PLATFORM).prior();
      double raw = 0;
      double shrunk = 0;
      for (int i = 0; i < SUSPECTS; i++) {
        raw += Math.pow((double) upheld[i] / trades[i] - rate[i], 2);
        shrunk += Math.pow(prior.posteriorMean(upheld[i], matured[i]) - rate[i], 2);
      }
      aboveHalf += shrunk > 0.5 * raw ? 1 : 0;
      aboveOne += shrunk > raw ? 1 : 0;
    }
    return new double[] {aboveHalf / (double) MARKETS, aboveOne / (double) MARKETS};
  }

  @Test
  void evenThePlantedPriorMissesHalfTheRawErrorOnManyFourSuspectMarkets() {
    // The posterior mean under the true prior minimises the expected squared error: no estimator
    // does better on average. Still its ratio is above 0.5 on 43.0% of these 400 markets and above 1
    // on 12.8% (42.3% and 12.7% of 1,000), so "at most 0.5 on every market of the sweep" holds for
    // three seeds of one size with a probability of about 0.57^3 = 0.19 even for it.
    double[] shares = shares(null);
    assertTrue(shares[0] > 0.35 && shares[0] < 0.55, "above 0.5: " + shares[0]);
    assertTrue(shares[1] > 0.08 && shares[1] < 0.22, "above 1: " + shares[1]);
  }

  @Test
  void theFittedPriorOfFourSuspectsDoesWorseThanThePlantedOne() {
    // The prior fitted on the four suspects themselves, centred on the platform with the concentration
    // factor (PartialPooling.PLATFORM_CENTRED): above 0.5 on
    // 62.8% of the markets and above 1 on 26.8% (1,000 markets: 63.3% and 27.1%).
    double[] fitted = shares(PartialPooling.PLATFORM_CENTRED);
    double[] planted = shares(null);
    assertTrue(fitted[0] > 0.55 && fitted[0] < 0.75, "above 0.5: " + fitted[0]);
    assertTrue(fitted[1] > 0.18 && fitted[1] < 0.36, "above 1: " + fitted[1]);
    assertTrue(fitted[0] > planted[0] && fitted[1] > planted[1], "fitted " + fitted[1] + ", planted " + planted[1]);
  }

  @Test
  void centredOnTheirPooledRateFourSuspectsFareBetterButNotWell() {
    // Centred on the kind's pooled rate without the concentration factor
    // (PartialPooling.POOLED_RATE_CENTRED): above 0.5 on 59.5% and above 1 on 22.5% of the markets
    // (1,000 markets: 59.7% and 21.9%), between the platform-centred fit and the planted prior.
    double[] pooled = shares(PartialPooling.POOLED_RATE_CENTRED);
    double[] platformCentred = shares(PartialPooling.PLATFORM_CENTRED);
    double[] planted = shares(null);
    assertTrue(pooled[0] > 0.5 && pooled[0] < 0.7, "above 0.5: " + pooled[0]);
    assertTrue(pooled[1] > planted[1] && pooled[1] < platformCentred[1], pooled[1] + " above 1");
  }
}
