package org.chengxin.stats;

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

  public static final String HELP =
      String.join(
          "\n",
          "usage: scripts/coverage-study [--draws N] [--seed S] [--level L]",
          "Simulates exact binomial draws at true rates 5e-6..2e-5 and 1e5..3e9 trades and prints, as one",
          "JSON object, how often each interval method covers the true rate (per scenario and overall),",
          "the exact coverage for comparison, and on 10 generated markets the sellers' shrunk against raw",
          "error and the coverage of their posterior intervals (all, ordinary and flagged sellers).",
          "  --draws N   draws per scenario (default " + DEFAULT_DRAWS + ", 13 scenarios)",
          "  --seed S    random seed (default " + DEFAULT_SEED + ")",
          "  --level L   two-sided interval level in (0, 1) (default " + DEFAULT_LEVEL + ")");

  public CoverageStudyOptions {
    if (draws < 1) {
      throw new IllegalArgumentException("--draws must be >= 1, got " + draws);
    }
    Counts.checkProbability("--level", level);
  }

  /**
   * Parses command-line arguments; null means help was asked for.
   *
   * @throws IllegalArgumentException on an unknown option or a bad value
   */
  public static CoverageStudyOptions parse(String... args) {
    int draws = DEFAULT_DRAWS;
    long seed = DEFAULT_SEED;
    double level = DEFAULT_LEVEL;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return null;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + option);
      }
      String value = args[++i];
      try {
        switch (option) {
          case "--draws" -> draws = Integer.parseInt(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--level" -> level = Double.parseDouble(value);
          default -> throw new IllegalArgumentException("unknown option: " + option);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a number, got '" + value + "'", e);
      }
    }
    return new CoverageStudyOptions(draws, seed, level);
  }
}
