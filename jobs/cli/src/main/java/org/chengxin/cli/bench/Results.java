package org.chengxin.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the benchmarks print and compute their results: the lines, rates, ratios and rounding. */
final class Results {
  static final ObjectMapper JSON = new ObjectMapper();

  private Results() {}

  /** One size's result: its line and the seconds the sizes are compared on. */
  record Measured(String line, double seconds) {}

  /** Measures one size. */
  interface PerSize {
    Measured measure(long size) throws IOException;
  }

  /**
   * The benchmark shape the job benchmarks share: for each size in order its line, then (two sizes
   * or more) the time ratio of the last size to the first.
   */
  static void eachSize(List<Long> sizes, PrintStream out, PerSize perSize) throws IOException {
    List<Double> seconds = new ArrayList<>();
    for (long size : sizes) {
      Measured measured = perSize.measure(size);
      out.println(measured.line());
      seconds.add(measured.seconds());
    }
    timeRatio(seconds).ifPresent(out::println);
  }

  /** {@code time ratio (last size / first size): R} with two decimals, when there are two sizes or more. */
  static Optional<String> timeRatio(List<Double> seconds) {
    if (seconds.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(format("time ratio (last size / first size): %.2f", seconds.get(seconds.size() - 1) / seconds.get(0)));
  }

  /** {@code count / seconds} as a whole number (rounded down), "n/a" when no time was measured. */
  static String perSecond(long count, double seconds) {
    return seconds > 0 ? Long.toString((long) (count / seconds)) : "n/a";
  }

  /** {@code value} to {@code places} decimals, ties to even on its exact value (as Python's {@code round}). */
  static double round(double value, int places) {
    return new BigDecimal(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** {@code value} to a whole number, ties to even (as Python's {@code round(x)}). */
  static long round(double value) {
    return new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** {@code node} as one compact JSON line. */
  static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
