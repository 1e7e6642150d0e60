package org.chengxin.stats;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * Differences of digamma and trigamma at nearby large arguments, computed without cancellation. The
 * beta-binomial gradient needs psi(b + n) - psi(b) with b up to 1e13 and differences near 1e-14, far
 * below what subtracting two digamma values (about 30, with 1e-16 relative error) resolves.
 */
final class GammaDifferences {
  /** From here on the asymptotic series, differenced term by term, is accurate to double precision. */
  private static final double ASYMPTOTIC_FROM = 100;

  private GammaDifferences() {}

  /** psi(z + h) - psi(z) for z > 0, h >= 0. */
  static double digamma(double z, double h) {
    if (h == 0) {
      return 0;
    }
    if (z < ASYMPTOTIC_FROM) {
      return Digamma.value(z + h) - Digamma.value(z);
    }
    // psi(z) ~ ln z - 1/(2z) - 1/(12 z^2) + 1/(120 z^4) - 1/(252 z^6)
    double w = z + h;
    return Math.log1p(h / z)
        + h / (2 * z * w)
        - (1 / (12 * w * w) - 1 / (12 * z * z))
        + (1 / (120 * Math.pow(w, 4)) - 1 / (120 * Math.pow(z, 4)))
        - (1 / (252 * Math.pow(w, 6)) - 1 / (252 * Math.pow(z, 6)));
  }

  /** psi1(z) - psi1(z + h) for z > 0, h >= 0 (non-negative: trigamma decreases). */
  static double trigamma(double z, double h) {
    if (h == 0) {
      return 0;
    }
    if (z < ASYMPTOTIC_FROM) {
      return Trigamma.value(z) - Trigamma.value(z + h);
    }
    // psi1(z) ~ 1/z + 1/(2 z^2) + 1/(6 z^3) - 1/(30 z^5) + 1/(42 z^7)
    double w = z + h;
    return h / (z * w)
        + (1 / (2 * z * z) - 1 / (2 * w * w))
        + (1 / (6 * z * z * z) - 1 / (6 * w * w * w))
        - (1 / (30 * Math.pow(z, 5)) - 1 / (30 * Math.pow(w, 5)))
        + (1 / (42 * Math.pow(z, 7)) - 1 / (42 * Math.pow(w, 7)));
  }
}
