package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.junit.jupiter.api.Test;

class GammaDifferencesTest {
  @Test
  void asymptoticSeriesAgreesWithDirectDifferenceWhereThatIsAccurate() {
    for (double z : new double[] {100, 250, 1_000}) {
      for (double h : new double[] {0.5, 3, 1_000}) {
        double digamma = Digamma.value(z + h) - Digamma.value(z);
        assertEquals(digamma, GammaDifferences.digamma(z, h), 1e-12 * digamma);
        double trigamma = Trigamma.value(z) - Trigamma.value(z + h);
        assertEquals(trigamma, GammaDifferences.trigamma(z, h), 1e-9 * trigamma);
      }
    }
  }

  @Test
  void resolvesTinyDifferencesAtHugeArguments() {
    // psi(z + h) - psi(z) = h/z - h(h-1)/(2 z^2) + ... ; psi1(z) - psi1(z + h) = h/z^2 + ...
    double z = 1e13;
    assertEquals(0.5 / z, GammaDifferences.digamma(z, 0.5), 1e-12 * 0.5 / z);
    assertEquals(0.5 / (z * z), GammaDifferences.trigamma(z, 0.5), 1e-9 * 0.5 / (z * z));
  }
}
