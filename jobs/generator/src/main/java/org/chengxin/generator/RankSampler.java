package org.chengxin.generator;

import java.util.SplittableRandom;

/**
 * Draws a popularity rank 0..n-1 with Zipf-like weights 1/(rank+1)^exponent (long-tailed seller
 * popularity and buyer activity) in O(1) per draw, by Vose's alias method.
 */
final class RankSampler {
  private final double[] keep;
  private final int[] alias;

  RankSampler(int n, double exponent) {
    double[] scaled = new double[n];
    double sum = 0;
    for (int rank = 0; rank < n; rank++) {
      scaled[rank] = Math.pow(rank + 1.0, -exponent);
      sum += scaled[rank];
    }
    keep = new double[n];
    alias = new int[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] *= n / sum;
      if (scaled[i] < 1.0) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int s = small[--smallCount];
      int l = large[--largeCount];
      keep[s] = scaled[s];
      alias[s] = l;
      scaled[l] -= 1.0 - scaled[s];
      if (scaled[l] < 1.0) {
        small[smallCount++] = l;
      } else {
        large[largeCount++] = l;
      }
    }
    while (largeCount > 0) {
      keep[large[--largeCount]] = 1.0;
    }
    while (smallCount > 0) {
      keep[small[--smallCount]] = 1.0; // rounding leftovers
    }
  }

  int sample(SplittableRandom rng) {
    int i = rng.nextInt(keep.length);
    return rng.nextDouble() < keep[i] ? i : alias[i];
  }

  /**
   * A fixed permutation of 0..n-1 (multiplication by a stride coprime to n) so that account ids do
   * not reveal popularity rank.
   */
  static int[] rankToIndex(int n) {
    long stride = Math.max(1, (long) (n * 0.6180339887)) | 1;
    while (gcd(stride, n) != 1) {
      stride += 2;
    }
    int[] index = new int[n];
    for (int rank = 0; rank < n; rank++) {
      index[rank] = (int) ((rank * stride) % n);
    }
    return index;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
