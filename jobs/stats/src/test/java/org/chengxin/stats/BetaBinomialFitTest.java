package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BetaBinomialFitTest {
  private static final BetaPrior TRUE_PRIOR = new BetaPrior(0.5, 50_000); // mean 1e-5

  /** Sellers with rates from {@code prior} and log-uniform sizes 1e4..1e6 trades, bucketed as in production. */
  private static CountHistogram sellers(BetaPrior prior, int count, long seed) {
    CountHistogram histogram = new CountHistogram();
    SimulatedSellers.generate(List.of(new SimulatedSellers.Category("c", prior, count)), seed).stream()
        .filter(s -> s.trades() >= 10_000)
        .forEach(s -> histogram.add(s.upheld(), CountHistogram.bucketTrades(s.upheld(), s.trades()), 1));
    return histogram;
  }

  @Test
  void recoversAKnownBetaFromMostlyCleanSellers() {
    CountHistogram histogram = sellers(TRUE_PRIOR, 6_000, 7);
    PriorFit fit = BetaBinomialFit.fit(histogram);
    assertTrue(fit.converged(), fit.toString());
    assertEquals(1e-5, fit.prior().mean(), 0.15e-5, fit.toString());
    assertEquals(0.5, fit.prior().alpha(), 0.2, fit.toString());
  }

  @Test
  void fitIsTheMaximum() {
    CountHistogram histogram = sellers(TRUE_PRIOR, 3_000, 11);
    PriorFit fit = BetaBinomialFit.fit(histogram);
    BetaPrior p = fit.prior();
    double best = BetaBinomialFit.logPosterior(histogram, p);
    assertEquals(BetaBinomialFit.logLikelihood(histogram, p), fit.logLikelihood());
    for (double f : new double[] {0.9, 1.1}) {
      assertTrue(best > BetaBinomialFit.logPosterior(histogram, new BetaPrior(p.alpha() * f, p.beta())));
      assertTrue(best > BetaBinomialFit.logPosterior(histogram, new BetaPrior(p.alpha(), p.beta() * f)));
    }
  }

  @Test
  void weightedCellsEqualRepeatedSellers() {
    CountHistogram weighted = new CountHistogram().add(0, 50_000, 300).add(1, 80_000, 20).add(2, 90_000, 5);
    CountHistogram repeated = new CountHistogram();
    for (int i = 0; i < 300; i++) {
      repeated.add(0, 50_000, 1);
    }
    for (int i = 0; i < 20; i++) {
      repeated.add(1, 80_000, 1);
    }
    for (int i = 0; i < 5; i++) {
      repeated.add(2, 90_000, 1);
    }
    assertEquals(BetaBinomialFit.fit(weighted).prior(), BetaBinomialFit.fit(repeated).prior());
  }

  @Test
  void sellersAllAtOneRateGiveATightPriorAtThePooledRate() {
    SplittableRandom random = new SplittableRandom(3);
    CountHistogram histogram = new CountHistogram();
    for (int i = 0; i < 2_000; i++) {
      histogram.add(BinomialSampler.sample(random, 200_000, 1e-5), 200_000, 1);
    }
    PriorFit fit = BetaBinomialFit.fit(histogram);
    // The prior's coefficient of variation is about 1/sqrt(alpha) at rates this small: under 0.2 here,
    // against 1.4 for the Beta(0.5, 50000) of the other tests; an infinite alpha is also acceptable.
    assertTrue(fit.prior().alpha() > 25, fit.toString());
    assertEquals((double) histogram.upheld() / histogram.trades(), fit.prior().mean(), 1e-7);
  }

  @Test
  void aHandfulOfSellersDoesNotCollapseToOneRate() {
    // Six sellers near 3% whose spread binomial noise alone explains: the likelihood keeps rising
    // toward a point mass at the pooled rate (every seller pulled onto one rate). The hyperprior
    // keeps the concentration finite, so each seller keeps part of its own evidence.
    CountHistogram histogram =
        new CountHistogram().add(3, 100, 1).add(5, 120, 1).add(2, 90, 1).add(6, 150, 1).add(4, 110, 1).add(1, 80, 1);
    double pooled = 21.0 / 650;
    BetaPrior moderate = new BetaPrior(pooled * 300, (1 - pooled) * 300);
    BetaPrior pointMass = new BetaPrior(pooled * 1e9, (1 - pooled) * 1e9);
    assertTrue(BetaBinomialFit.logLikelihood(histogram, pointMass) > BetaBinomialFit.logLikelihood(histogram, moderate));

    PriorFit fit = BetaBinomialFit.fit(histogram);
    assertTrue(!fit.atBound() && fit.converged(), fit.toString());
    double concentration = fit.prior().alpha() + fit.prior().beta();
    assertTrue(concentration > 50 && concentration < 2_000, fit.toString());
    assertEquals(pooled, fit.prior().mean(), 0.005, fit.toString());
  }

  @Test
  void bucketingKeepsThreeSignificantDigits() {
    assertEquals(999, CountHistogram.bucketTrades(0, 999));
    assertEquals(123_000, CountHistogram.bucketTrades(1, 123_456));
    assertEquals(3_000_000_000L, CountHistogram.bucketTrades(2, 2_999_876_543L));
  }
}
