package org.chengxin.stats;

import java.io.Serializable;

/**
 * A closed interval [lower, upper] for a rate in [0, 1].
 *
 * @param lower lower bound, 0 when nothing was observed
 * @param upper upper bound, 1 when every trade had an upheld complaint
 */
public record Interval(double lower, double upper) implements Serializable {
  /** The whole unit interval: what is known about a rate with no trades. */
  public static final Interval UNIT = new Interval(0, 1);

  public Interval {
    if (!(0 <= lower && lower <= upper && upper <= 1)) {
      throw new IllegalArgumentException("not an interval in [0, 1]: [" + lower + ", " + upper + "]");
    }
  }

  /** Whether {@code rate} lies inside, bounds included. */
  public boolean contains(double rate) {
    return lower <= rate && rate <= upper;
  }
}
