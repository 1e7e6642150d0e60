package org.chengxin.generator;

import java.util.SplittableRandom;

/** Random draws and stateless hashing used by the generator; all deterministic given their inputs. */
final class Draws {

  private Draws() {}

  /** SplitMix64 finaliser: a well-mixed 64-bit hash of {@code z}. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * Hash of (seed, purpose, index): lets per-account and per-item attributes be derived on demand
   * instead of stored, so state stays small however many accounts there are.
   */
  static long hash(long seed, long purpose, long index) {
    return mix64(seed + mix64(purpose * 0x9E3779B97F4A7C15L + mix64(index)));
  }

  /** A hash mapped to [0, 1). */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  static boolean chance(SplittableRandom rng, double p) {
    return rng.nextDouble() < p;
  }

  static double exponential(SplittableRandom rng, double mean) {
    return -mean * Math.log(1.0 - rng.nextDouble());
  }

  static double logNormal(SplittableRandom rng, double median, double sigma) {
    return median * Math.exp(sigma * rng.nextGaussian());
  }

  /** Uniform long in [min, max]. */
  static long between(SplittableRandom rng, long min, long max) {
    return min + rng.nextLong(max - min + 1);
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang; shapes below one use the u^(1/shape) boost. */
  static double gamma(SplittableRandom rng, double shape) {
    if (shape < 1.0) {
      return gamma(rng, shape + 1.0) * Math.pow(1.0 - rng.nextDouble(), 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9.0 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1.0 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1.0 - rng.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  static double beta(SplittableRandom rng, double a, double b) {
    double x = gamma(rng, a);
    double y = gamma(rng, b);
    return x / (x + y);
  }

  /**
   * The next of {@code remaining} sorted uniform points in (position, 1): the minimum of that many
   * uniforms. Walking it yields sorted event times in O(1) memory, so trades come out in time order
   * without ever holding a day's trades.
   */
  static double nextAscending(SplittableRandom rng, double position, long remaining) {
    return 1.0 - (1.0 - position) * Math.pow(1.0 - rng.nextDouble(), 1.0 / remaining);
  }

  /** Index drawn with the given (not necessarily normalised) weights. */
  static int weighted(SplittableRandom rng, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
