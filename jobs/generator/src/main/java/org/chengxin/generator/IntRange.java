package org.chengxin.generator;

import java.util.SplittableRandom;

/** An inclusive integer range given on the command line as {@code MIN-MAX} (or one number). */
record IntRange(int min, int max) {

  IntRange {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("need 1 <= MIN <= MAX, got " + min + "-" + max);
    }
  }

  static IntRange parse(String text) {
    String[] parts = text.split("-", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("expected MIN-MAX, got '" + text + "'");
    }
    try {
      int min = Integer.parseInt(parts[0].trim());
      int max = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : min;
      return new IntRange(min, max);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected MIN-MAX, got '" + text + "'");
    }
  }

  int draw(SplittableRandom rng) {
    return min + rng.nextInt(max - min + 1);
  }

  @Override
  public String toString() {
    return min + "-" + max;
  }
}
