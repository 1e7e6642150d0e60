package org.chengxin.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much closer to the truth the empirical-Bayes rates are than the raw rates, on data with known
 * per-seller rates. Feeds {@code dissatisfaction.shrunk_mse_ratio} in the evaluation.
 *
 * <p>The priors are fitted exactly as in production (per-category histograms with bucketed trades,
 * {@link CategoryPriors}); sellers without trades have no raw rate and are left out of both errors.
 *
 * @param sellers sellers compared
 * @param rawMse mean of (upheld/trades - true rate)^2
 * @param shrunkMse mean of (posterior mean - true rate)^2
 */
public record ShrinkageEvaluation(long sellers, double rawMse, double shrunkMse) {
  /** shrunk MSE over raw MSE; the issue asks for at most 0.5. */
  public double ratio() {
    return shrunkMse / rawMse;
  }

  /** Fits category priors to {@code outcomes} and compares shrunk and raw rates with the true ones. */
  public static ShrinkageEvaluation evaluate(List<SellerOutcome> outcomes, CategoryPriors.Settings settings) {
    Map<String, CountHistogram> histograms = new LinkedHashMap<>();
    for (SellerOutcome seller : outcomes) {
      histograms
          .computeIfAbsent(seller.category(), c -> new CountHistogram())
          .add(seller.upheld(), CountHistogram.bucketTrades(seller.upheld(), seller.trades()), 1);
    }
    CategoryPriors priors = CategoryPriors.fit(histograms, settings);
    long sellers = 0;
    double raw = 0;
    double shrunk = 0;
    for (SellerOutcome seller : outcomes) {
      if (seller.trades() == 0) {
        continue;
      }
      sellers++;
      double rawError = (double) seller.upheld() / seller.trades() - seller.trueRate();
      double shrunkError =
          priors.priorFor(seller.category()).posteriorMean(seller.upheld(), seller.trades()) - seller.trueRate();
      raw += rawError * rawError;
      shrunk += shrunkError * shrunkError;
    }
    if (sellers == 0) {
      throw new IllegalArgumentException("no seller with trades to evaluate");
    }
    return new ShrinkageEvaluation(sellers, raw / sellers, shrunk / sellers);
  }
}
