package org.chengxin.stats;

import java.util.SplittableRandom;

/**
 * Exact binomial draws for huge trade counts and tiny rates, by geometric waiting times: the gaps
 * between successive complaints are i.i.d. geometric, drawn by inversion, so a draw costs O(n p + 1)
 * and is exact (no Poisson or normal approximation) whatever n is.
 */
final class BinomialSampler {
  private BinomialSampler() {}

  /** One draw of Binomial(trials, p). */
  static long sample(SplittableRandom random, long trials, double p) {
    if (trials < 0 || !(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("need trials >= 0 and p in [0, 1]");
    }
    if (p > 0.5) {
      return trials - sample(random, trials, 1 - p);
    }
    if (p == 0) {
      return 0;
    }
    double logQ = Math.log1p(-p);
    long successes = 0;
    long position = 0;
    while (true) {
      double u = 1 - random.nextDouble(); // in (0, 1]
      // P(gap > k) = P(u <= q^k) = q^k: trials up to and including the next success.
      double gap = Math.floor(Math.log(u) / logQ) + 1;
      if (gap > trials - position) {
        return successes;
      }
      position += (long) gap;
      successes++;
    }
  }
}
