package org.chengxin.cli.bench;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Typed values of the benchmarks' options: a count of at least 1 (sizes, days, lines), a seed (at least 0). */
final class Counts {
  private Counts() {}

  /** A whole number of at least {@code min}, or the message that says what was wrong. */
  static long parse(String text, long min) {
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a whole number");
    }
    if (value < min) {
      throw new TypeConversionException("must be at least " + min + ", got " + value);
    }
    return value;
  }

  /** A count: 1 or more. */
  static final class Positive implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return parse(value, 1);
    }
  }

  /** A generator seed: 0 or more. */
  static final class Seed implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return parse(value, 0);
    }
  }
}
