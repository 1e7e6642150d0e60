package org.chengxin.stats;

/** Argument checks shared by the estimators: counts of upheld complaints out of trades, levels in (0, 1). */
final class Counts {
  private Counts() {}

  static void check(long upheld, long trades) {
    if (trades < 0 || upheld < 0 || upheld > trades) {
      throw new IllegalArgumentException(
          "need 0 <= upheld <= trades, got upheld=" + upheld + " trades=" + trades);
    }
  }

  static void checkProbability(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
    }
  }
}
