package org.chengxin.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.chengxin.core.cli.Arguments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How often the intervals cover the true rate at rates near 1e-5 and marketplace trade counts.
 *
 * <p>For each (rate, trades) scenario it draws exact binomial counts ({@link BinomialSampler}) and
 * records whether each method's interval contains the true rate; it also computes the exact coverage
 * (sum of binomial probabilities of the counts whose interval covers), so simulation noise can be told
 * from the method's behaviour. Clopper-Pearson is conservative by design: its coverage is at least the
 * level for every rate. It also measures the sellers' empirical-Bayes estimates on generated
 * markets: shrunk against raw error, and the coverage of their posterior intervals. Run it with
 * {@code scripts/coverage-study}.
 */
public final class CoverageStudy {
  private static final Logger LOG = LoggerFactory.getLogger(CoverageStudy.class);

  /** One simulated setting: a true rate and a trade count. */
  public record Scenario(double rate, long trades) {}

  /** Rates around the 1e-5 target times seller-to-platform trade counts, one beyond 2^31. */
  public static final List<Scenario> SCENARIOS = scenarios();

  /** Where the issue wants 95% intervals to land. */
  public static final double TARGET_LOW = 0.94;

  public static final double TARGET_HIGH = 0.965;

  /** Generated markets the seller estimates are measured on. */
  static final int MARKETS = 10;

  /** Exact methods: coverage at least the level for every rate, so above-range figures are expected. */
  private static final Set<String> CONSERVATIVE = Set.of("clopper_pearson", "clopper_pearson_one_sided_upper");

  private final CoverageStudyOptions options;
  private final Map<String, BiFunction<Long, Long, Interval>> methods = new LinkedHashMap<>();

  public CoverageStudy(CoverageStudyOptions options) {
    this.options = options;
    double level = options.level();
    methods.put("clopper_pearson", (x, n) -> BinomialIntervals.clopperPearson(x, n, level));
    methods.put("jeffreys", (x, n) -> BinomialIntervals.jeffreys(x, n, level));
    // The bound behind "target met": one-sided, so it should cover with probability `level`.
    methods.put("clopper_pearson_one_sided_upper",
        (x, n) -> new Interval(0, BinomialIntervals.clopperPearsonUpper(x, n, level)));
  }

  public static void main(String[] args) {
    Arguments.runMain(() -> CoverageStudyOptions.parse(args).ifPresent(options ->
        System.out.println(new CoverageStudy(options).run())));
  }

  /** Runs every scenario and returns the report as one JSON object. */
  public String run() {
    SplittableRandom random = new SplittableRandom(options.seed());
    Map<String, Long> coveredAll = new LinkedHashMap<>();
    Map<String, Double> exactAll = new LinkedHashMap<>();
    List<String> scenarioJson = new ArrayList<>();
    for (Scenario scenario : SCENARIOS) {
      long started = System.nanoTime();
      Map<String, Long> covered = new LinkedHashMap<>();
      methods.keySet().forEach(m -> covered.put(m, 0L));
      for (int draw = 0; draw < options.draws(); draw++) {
        long upheld = BinomialSampler.sample(random, scenario.trades(), scenario.rate());
        methods.forEach(
            (name, method) -> {
              if (method.apply(upheld, scenario.trades()).contains(scenario.rate())) {
                covered.merge(name, 1L, Long::sum);
              }
            });
      }
      StringBuilder json = new StringBuilder();
      json.append("{\"rate\":").append(scenario.rate()).append(",\"trades\":").append(scenario.trades());
      json.append(",\"expected_complaints\":").append(scenario.rate() * scenario.trades()).append(",\"coverage\":{");
      String separator = "";
      for (String name : methods.keySet()) {
        double exact = exactCoverage(scenario, methods.get(name));
        coveredAll.merge(name, covered.get(name), Long::sum);
        exactAll.merge(name, exact / SCENARIOS.size(), Double::sum);
        json.append(separator).append('"').append(name).append("\":{\"simulated\":")
            .append((double) covered.get(name) / options.draws()).append(",\"exact\":").append(exact).append('}');
        separator = ",";
      }
      scenarioJson.add(json.append("}}").toString());
      double seconds = (System.nanoTime() - started) / 1e9;
      LOG.info("coverage scenario rate={} trades={}: {} draws in {} s ({} draws/s)", scenario.rate(),
          scenario.trades(), options.draws(), String.format("%.2f", seconds),
          String.format("%.0f", options.draws() / seconds));
    }
    long totalDraws = (long) options.draws() * SCENARIOS.size();
    StringBuilder json = new StringBuilder("{");
    json.append("\"level\":").append(options.level()).append(",\"seed\":").append(options.seed());
    json.append(",\"draws_per_scenario\":").append(options.draws()).append(",\"total_draws\":").append(totalDraws);
    json.append(",\"target_range\":[").append(TARGET_LOW).append(',').append(TARGET_HIGH).append(']');
    json.append(",\"overall\":{");
    String separator = "";
    for (String name : methods.keySet()) {
      double simulated = (double) coveredAll.get(name) / totalDraws;
      json.append(separator).append('"').append(name).append("\":{\"simulated\":").append(simulated)
          .append(",\"exact\":").append(exactAll.get(name))
          .append(",\"within_target\":").append(simulated >= TARGET_LOW && simulated <= TARGET_HIGH)
          .append(",\"conservative_by_design\":").append(CONSERVATIVE.contains(name)).append('}');
      separator = ",";
    }
    json.append("},\"scenarios\":[").append(String.join(",", scenarioJson)).append(']');
    json.append(",\"seller_estimates\":").append(sellerEstimates(random));
    return json.append('}').toString();
  }

  /**
   * The empirical-Bayes seller estimates on {@value #MARKETS} generated markets (the five categories of
   * {@link SimulatedSellers#MARKET} and six counterfeit suspects, {@link SimulatedSellers#FEW_COUNTERFEIT}):
   * shrunk against raw error and how often the posterior intervals hold the true rate, for every
   * seller, the ordinary ones and the flagged ones, summed over the markets; and in how many markets
   * the flagged sellers' shrunk error exceeds their raw error.
   */
  private String sellerEstimates(SplittableRandom random) {
    List<ShrinkageEvaluation> markets = new ArrayList<>();
    for (int market = 0; market < MARKETS; market++) {
      markets.add(ShrinkageEvaluation.evaluate(
          SimulatedSellers.generate(SimulatedSellers.MARKET, List.of(SimulatedSellers.FEW_COUNTERFEIT), random.nextLong()),
          CategoryPriors.Settings.DEFAULT, options.level()));
    }
    long flaggedWorse = markets.stream().filter(m -> m.flagged().ratio() > 1).count();
    return "{\"markets\":" + MARKETS + ",\"all\":" + errorsJson(markets, ShrinkageEvaluation::all)
        + ",\"ordinary\":" + errorsJson(markets, ShrinkageEvaluation::ordinary)
        + ",\"flagged\":" + errorsJson(markets, ShrinkageEvaluation::flagged)
        + ",\"markets_flagged_ratio_above_1\":" + flaggedWorse + "}";
  }

  /** One group's errors summed over the markets, as JSON. */
  private static String errorsJson(
      List<ShrinkageEvaluation> markets, Function<ShrinkageEvaluation, ShrinkageEvaluation.SellerErrors> group) {
    long sellers = 0;
    long covered = 0;
    double raw = 0;
    double shrunk = 0;
    for (ShrinkageEvaluation market : markets) {
      ShrinkageEvaluation.SellerErrors errors = group.apply(market);
      sellers += errors.sellers();
      covered += errors.covered();
      raw += errors.rawMse() * errors.sellers();
      shrunk += errors.shrunkMse() * errors.sellers();
    }
    double coverage = (double) covered / sellers;
    return "{\"sellers\":" + sellers + ",\"raw_mse\":" + raw / sellers + ",\"shrunk_mse\":" + shrunk / sellers
        + ",\"shrunk_mse_ratio\":" + shrunk / raw + ",\"interval_coverage\":" + coverage
        + ",\"within_target\":" + (coverage >= TARGET_LOW && coverage <= TARGET_HIGH) + "}";
  }

  /**
   * Exact probability that {@code method} covers the scenario's rate: the sum of P(X = x) over the
   * counts x whose interval contains it, over x within 12 standard deviations of the mean (the rest
   * weighs under 1e-30).
   */
  static double exactCoverage(Scenario scenario, BiFunction<Long, Long, Interval> method) {
    long n = scenario.trades();
    double p = scenario.rate();
    double mean = n * p;
    double spread = 12 * Math.sqrt(mean) + 12;
    long from = Math.max(0, (long) Math.floor(mean - spread));
    long to = Math.min(n, (long) Math.ceil(mean + spread));
    double coverage = 0;
    double below = cumulative(from - 1, n, p);
    for (long x = from; x <= to; x++) {
      double upTo = cumulative(x, n, p);
      if (method.apply(x, n).contains(p)) {
        coverage += upTo - below;
      }
      below = upTo;
    }
    return coverage;
  }

  /** P(Binomial(n, p) <= k) = P(Beta(k+1, n-k) > p), accurate for tiny p. */
  private static double cumulative(long k, long n, double p) {
    if (k < 0) {
      return 0;
    }
    return k >= n ? 1 : BetaDistribution.of(k + 1, n - k).survivalProbability(p);
  }

  private static List<Scenario> scenarios() {
    List<Scenario> scenarios = new ArrayList<>();
    for (double rate : new double[] {5e-6, 1e-5, 2e-5}) {
      for (long trades : new long[] {100_000, 1_000_000, 10_000_000, 100_000_000}) {
        scenarios.add(new Scenario(rate, trades));
      }
    }
    scenarios.add(new Scenario(1e-5, 3_000_000_000L));
    return List.copyOf(scenarios);
  }
}
