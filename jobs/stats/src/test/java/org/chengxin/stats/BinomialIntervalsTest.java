package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reference values from R's binom.test (Clopper-Pearson) and qbeta (Jeffreys), 95% two-sided. */
class BinomialIntervalsTest {
  private static final double LEVEL = 0.95;
  private static final long THREE_BILLION = 3_000_000_000L;

  private static void assertInterval(double lower, double upper, Interval actual) {
    assertEquals(lower, actual.lower(), Math.max(1e-15, lower * 1e-9), "lower");
    assertEquals(upper, actual.upper(), upper * 1e-9, "upper");
  }

  @Test
  void clopperPearsonMatchesBinomTest() {
    assertInterval(0, 0.3084971078187607, BinomialIntervals.clopperPearson(0, 10, LEVEL));
    assertInterval(0.016431879182052158, 0.11283491110546275, BinomialIntervals.clopperPearson(5, 100, LEVEL));
    assertInterval(0.6915028921812392, 1, BinomialIntervals.clopperPearson(10, 10, LEVEL));
  }

  @Test
  void jeffreysMatchesBetaQuantiles() {
    assertInterval(0, 0.21719626750921053, BinomialIntervals.jeffreys(0, 10, LEVEL));
    assertInterval(0.01933181198586674, 0.10610007388310305, BinomialIntervals.jeffreys(5, 100, LEVEL));
    assertInterval(0.7828037324907895, 1, BinomialIntervals.jeffreys(10, 10, LEVEL));
  }

  @Test
  void countsBeyondIntRange() {
    assertInterval(0, 1.2296264839486547e-09, BinomialIntervals.clopperPearson(0, THREE_BILLION, LEVEL));
    assertInterval(2.0622404101267764e-10, 2.9224243537716695e-09, BinomialIntervals.clopperPearson(3, THREE_BILLION, LEVEL));
    assertInterval(0, 8.373143641321573e-10, BinomialIntervals.jeffreys(0, THREE_BILLION, LEVEL));
    assertInterval(2.81644863523916e-10, 2.6687940433223197e-09, BinomialIntervals.jeffreys(3, THREE_BILLION, LEVEL));
  }

  @Test
  void tenThousandCleanTradesAre37TimesTheTargetAtTheUpperBound() {
    // Zero complaints: upper = 1 - 0.025^(1/n), about ln(40)/n.
    double upper = BinomialIntervals.clopperPearson(0, 10_000, LEVEL).upper();
    assertEquals(0.0003688199146187622, upper, 1e-15);
    assertEquals(36.9, upper / 1e-5, 0.05);
  }

  @Test
  void oneSidedUpperForZeroComplaintsIsClosedForm() {
    assertEquals(1 - Math.pow(0.05, 1.0 / 10_000), BinomialIntervals.clopperPearsonUpper(0, 10_000, 0.95), 1e-15);
  }

  @Test
  void noTradesMeansNothingIsKnown() {
    assertEquals(Interval.UNIT, BinomialIntervals.clopperPearson(0, 0, LEVEL));
    assertEquals(Interval.UNIT, BinomialIntervals.jeffreys(0, 0, LEVEL));
  }

  @Test
  void rejectsImpossibleCounts() {
    assertThrows(IllegalArgumentException.class, () -> BinomialIntervals.clopperPearson(3, 2, LEVEL));
    assertThrows(IllegalArgumentException.class, () -> BinomialIntervals.jeffreys(-1, 2, LEVEL));
    assertThrows(IllegalArgumentException.class, () -> BinomialIntervals.jeffreys(1, 2, 1.0));
  }
}
