package org.chengxin.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Generated sellers with known rates, for the shrinkage evaluation: categories with different beta
 * priors around 1e-5, seller sizes log-uniform from 1,000 to 1,000,000 trades (most sellers small, as
 * on a marketplace), complaints drawn exactly. Deterministic per seed.
 */
public final class SimulatedSellers {
  /**
   * One category of the generated market.
   *
   * @param name category name
   * @param prior the Beta the sellers' true rates are drawn from
   * @param sellers number of sellers
   */
  public record Category(String name, BetaPrior prior, int sellers) {}

  /** Five categories with means 5e-6 to 3e-5 and differing spread, 1,500 sellers each. */
  public static final List<Category> MARKET =
      List.of(
          new Category("apparel", new BetaPrior(0.5, 50_000), 1_500),
          new Category("electronics", new BetaPrior(1.0, 50_000), 1_500),
          new Category("beauty", new BetaPrior(0.8, 160_000), 1_500),
          new Category("home", new BetaPrior(2.0, 200_000), 1_500),
          new Category("luxury", new BetaPrior(0.5, 16_000), 1_500));

  private static final double MIN_TRADES = 1e3;
  private static final double MAX_TRADES = 1e6;

  private SimulatedSellers() {}

  /** Draws every seller of {@code categories}, 1,000 to 1,000,000 trades each. */
  public static List<SellerOutcome> generate(List<Category> categories, long seed) {
    return generate(categories, MIN_TRADES, MAX_TRADES, seed);
  }

  /** Draws every seller of {@code categories}, sizes log-uniform from {@code minTrades} to {@code maxTrades}. */
  public static List<SellerOutcome> generate(List<Category> categories, double minTrades, double maxTrades, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<SellerOutcome> sellers = new ArrayList<>();
    for (Category category : categories) {
      BetaDistribution rates = BetaDistribution.of(category.prior().alpha(), category.prior().beta());
      for (int i = 0; i < category.sellers(); i++) {
        double rate = rates.inverseCumulativeProbability(random.nextDouble());
        long trades = Math.round(minTrades * Math.pow(maxTrades / minTrades, random.nextDouble()));
        sellers.add(new SellerOutcome(category.name(), BinomialSampler.sample(random, trades, rate), trades, rate));
      }
    }
    return sellers;
  }
}
