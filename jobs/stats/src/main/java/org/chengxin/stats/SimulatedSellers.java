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

  /**
   * Flagged sellers of one kind, as a small generated market has them: the generator's counterfeit
   * sellers complain at Beta(4, 129.3) (mean 3%), one per 50,000 trades, each with a few dozen to a
   * few hundred trades that have drawn their complaints.
   *
   * @param kind the kind of flag
   * @param prior the Beta the sellers' true rates are drawn from
   * @param sellers number of sellers
   * @param minTrades fewest trades of a seller
   * @param maxTrades most trades of a seller (sizes log-uniform in between)
   */
  public record FlaggedKind(String kind, BetaPrior prior, int sellers, double minTrades, double maxTrades) {}

  /** Six counterfeit suspects with 40 to 200 trades: a 300,000-trade fortnight's. */
  public static final FlaggedKind FEW_COUNTERFEIT = new FlaggedKind("counterfeit", new BetaPrior(4, 129.3), 6, 40, 200);

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
      draw(random, category.name(), null, category.prior(), category.sellers(), minTrades, maxTrades, sellers);
    }
    return sellers;
  }

  /**
   * Draws the ordinary sellers of {@code categories} (1,000 to 1,000,000 trades each) and the flagged
   * sellers of {@code kinds}, who belong to the first category.
   */
  public static List<SellerOutcome> generate(List<Category> categories, List<FlaggedKind> kinds, long seed) {
    List<SellerOutcome> sellers = new ArrayList<>(generate(categories, seed));
    SplittableRandom random = new SplittableRandom(seed).split();
    for (FlaggedKind kind : kinds) {
      draw(random, categories.get(0).name(), kind.kind(), kind.prior(), kind.sellers(), kind.minTrades(),
          kind.maxTrades(), sellers);
    }
    return sellers;
  }

  private static void draw(SplittableRandom random, String category, String flagKind, BetaPrior prior, int count,
      double minTrades, double maxTrades, List<SellerOutcome> into) {
    BetaDistribution rates = BetaDistribution.of(prior.alpha(), prior.beta());
    for (int i = 0; i < count; i++) {
      double rate = rates.inverseCumulativeProbability(random.nextDouble());
      long trades = Math.round(minTrades * Math.pow(maxTrades / minTrades, random.nextDouble()));
      into.add(new SellerOutcome(category, flagKind, BinomialSampler.sample(random, trades, rate), trades, rate));
    }
  }
}
