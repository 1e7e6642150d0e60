package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinomialSamplerTest {
  private static final int DRAWS = 4_000;

  @Test
  void meanAndVarianceMatchTheBinomialAtMarketplaceScale() {
    assertMoments(100_000_000, 1e-5);
    assertMoments(100_000, 5e-6);
  }

  @Test
  void ratesAboveOneHalfUseTheComplement() {
    assertMoments(1_000, 0.9);
  }

  private static void assertMoments(long n, double p) {
    SplittableRandom random = new SplittableRandom(42);
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < DRAWS; i++) {
      long x = BinomialSampler.sample(random, n, p);
      sum += x;
      sumSquares += (double) x * x;
    }
    double mean = sum / DRAWS;
    double variance = sumSquares / DRAWS - mean * mean;
    double expectedVariance = n * p * (1 - p);
    // Five standard errors of the sample mean and (roughly) of the sample variance.
    assertEquals(n * p, mean, 5 * Math.sqrt(expectedVariance / DRAWS));
    assertEquals(expectedVariance, variance, 5 * expectedVariance * Math.sqrt(2.0 / DRAWS) + 0.01);
  }
}
