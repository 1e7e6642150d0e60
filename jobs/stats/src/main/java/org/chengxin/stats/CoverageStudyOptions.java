package org.chengxin.stats;

import java.util.Optional;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;

/**
 * Options of {@link CoverageStudy}.
 *
 * @param draws simulated draws per (rate, trades) scenario
 * @param seed random seed; the study is deterministic per seed
 * @param level two-sided interval level
 */
public record CoverageStudyOptions(int draws, long seed, double level) {
  public static final int DEFAULT_DRAWS = 2_000;
  public static final long DEFAULT_SEED = 20_261_101L;
  public static final double DEFAULT_LEVEL = 0.95;

  public CoverageStudyOptions {
    if (draws < 1) {
      throw new IllegalArgumentException("--draws must be >= 1, got " + draws);
    }
    Counts.checkProbability("--level", level);
  }

  /**
   * Parses command-line arguments; empty when help was printed.
   *
   * @throws UsageException on an unknown option or a bad value
   */
  public static Optional<CoverageStudyOptions> parse(String... args) {
    Arguments cli = new Arguments("scripts/coverage-study", String.join("\n",
        "Simulates exact binomial draws at true rates 5e-6..2e-5 and 1e5..3e9 trades and prints, as one",
        "JSON object, how often each interval method covers the true rate (per scenario and overall),",
        "the exact coverage for comparison, and on 10 generated markets the sellers' shrunk against raw",
        "error and the coverage of their posterior intervals (all, ordinary and flagged sellers)."));
    Arg<Long> draws = cli.whole("draws", "N", "draws per scenario (13 scenarios)", DEFAULT_DRAWS, 1, Integer.MAX_VALUE);
    Arg<Long> seed = cli.whole("seed", "S", "random seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
    Arg<Double> level = cli.number("level", "L", "two-sided interval level, 0 and 1 excluded", DEFAULT_LEVEL, 0, 1);
    if (!cli.parse(args)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new CoverageStudyOptions(draws.value().intValue(), seed.value(), level.value()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
