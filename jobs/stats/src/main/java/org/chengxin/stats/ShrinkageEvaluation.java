package org.chengxin.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much closer to the truth the empirical-Bayes rates are than the raw rates, and how often their
 * posterior intervals hold the truth, on data with known per-seller rates. Feeds
 * {@code dissatisfaction.shrunk_mse_ratio} in the evaluation and the coverage study's seller figures.
 *
 * <p>The priors are fitted exactly as in production (per-category histograms with bucketed trades,
 * flagged sellers per kind, {@link CategoryPriors}); sellers without trades have no raw rate and are
 * left out.
 *
 * @param all every seller
 * @param ordinary the sellers no detector flagged
 * @param flagged the flagged sellers, shrunk toward their kind's prior
 */
public record ShrinkageEvaluation(SellerErrors all, SellerErrors ordinary, SellerErrors flagged) {
  /**
   * Errors of one group of sellers.
   *
   * @param sellers sellers compared
   * @param rawMse mean of (upheld/trades - true rate)^2
   * @param shrunkMse mean of (posterior mean - true rate)^2
   * @param covered sellers whose posterior interval holds the true rate
   */
  public record SellerErrors(long sellers, double rawMse, double shrunkMse, long covered) {
    /** shrunk MSE over raw MSE; the issue asks for at most 0.5 overall and at most 1 for flagged sellers. */
    public double ratio() {
      return shrunkMse / rawMse;
    }

    /** Share of sellers whose posterior interval holds the true rate. */
    public double coverage() {
      return (double) covered / sellers;
    }
  }

  /** shrunk MSE over raw MSE over every seller. */
  public double ratio() {
    return all.ratio();
  }

  /**
   * Fits the priors to {@code outcomes} and compares shrunk and raw rates, and posterior intervals at
   * {@code level}, with the true ones.
   */
  public static ShrinkageEvaluation evaluate(List<SellerOutcome> outcomes, CategoryPriors.Settings settings, double level) {
    Map<String, CountHistogram> histograms = new LinkedHashMap<>();
    Map<String, CountHistogram> flaggedByKind = new LinkedHashMap<>();
    for (SellerOutcome seller : outcomes) {
      (seller.flagged() ? flaggedByKind.computeIfAbsent(seller.flagKind(), k -> new CountHistogram())
          : histograms.computeIfAbsent(seller.category(), c -> new CountHistogram()))
          .add(seller.upheld(), CountHistogram.bucketTrades(seller.upheld(), seller.trades()), 1);
    }
    CategoryPriors priors = CategoryPriors.fit(histograms, flaggedByKind, settings);
    Group all = new Group();
    Group ordinary = new Group();
    Group flagged = new Group();
    for (SellerOutcome seller : outcomes) {
      if (seller.trades() == 0) {
        continue;
      }
      BetaPrior prior = seller.flagged() ? priors.priorForFlagged(seller.flagKind()) : priors.priorFor(seller.category());
      double rawError = (double) seller.upheld() / seller.trades() - seller.trueRate();
      double shrunkError = prior.posteriorMean(seller.upheld(), seller.trades()) - seller.trueRate();
      boolean covered = prior.posteriorInterval(seller.upheld(), seller.trades(), level).contains(seller.trueRate());
      all.add(rawError, shrunkError, covered);
      (seller.flagged() ? flagged : ordinary).add(rawError, shrunkError, covered);
    }
    if (all.sellers == 0) {
      throw new IllegalArgumentException("no seller with trades to evaluate");
    }
    return new ShrinkageEvaluation(all.errors(), ordinary.errors(), flagged.errors());
  }

  /** Running sums of one group. */
  private static final class Group {
    private long sellers;
    private double raw;
    private double shrunk;
    private long covered;

    void add(double rawError, double shrunkError, boolean covers) {
      sellers++;
      raw += rawError * rawError;
      shrunk += shrunkError * shrunkError;
      covered += covers ? 1 : 0;
    }

    SellerErrors errors() {
      return new SellerErrors(sellers, raw / sellers, shrunk / sellers, covered);
    }
  }
}
