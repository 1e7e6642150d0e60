package org.chengxin.stats;

import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Test of a falling complaint rate over days: Poisson regression of daily upheld complaints on the
 * day with the day's trades as exposure, log E[upheld_d] = log(trades_d) + b0 + b1 * (d - mean day),
 * fitted by Newton's method (the canonical link makes it IRLS).
 *
 * <p>Poisson rather than binomial because the rate is about 1e-5: the two likelihoods agree to that
 * order. The evidence is the signed root of the likelihood-ratio statistic against b1 = 0, which behaves
 * better than the Wald z at the small counts of a category, divided by the Pearson dispersion when the
 * days vary more than Poisson (quasi-Poisson) so that day-to-day noise is not read as a trend. The
 * p-value is one-sided: Phi(signed root), small when b1 < 0.
 */
public final class TrendTest {
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
  private static final int MAX_ITERATIONS = 100;

  private TrendTest() {}

  /** Fits the trend of {@code days} (any order; days without trades are skipped). */
  public static TrendResult fit(List<DailyCount> days) {
    List<DailyCount> used = days.stream().filter(d -> d.trades() > 0).toList();
    long totalUpheld = used.stream().mapToLong(DailyCount::upheld).sum();
    double totalTrades = used.stream().mapToDouble(DailyCount::trades).sum();
    long distinctDays = used.stream().mapToLong(DailyCount::epochDay).distinct().count();
    if (distinctDays < 3 || totalUpheld == 0) {
      return new TrendResult(used.size(), totalUpheld, Double.NaN, Double.NaN, 1, 1);
    }
    int m = used.size();
    double meanDay = used.stream().mapToDouble(DailyCount::epochDay).average().orElseThrow();
    double[] y = new double[m];
    double[] logN = new double[m];
    double[] z = new double[m];
    for (int i = 0; i < m; i++) {
      DailyCount d = used.get(i);
      y[i] = d.upheld();
      logN[i] = Math.log(d.trades());
      z[i] = d.epochDay() - meanDay;
    }
    double[] beta = {Math.log(totalUpheld / totalTrades), 0};
    double nullLl = logLikelihood(beta, y, logN, z);
    double ll = nullLl;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[][] info = information(beta, logN, z);
      double[] g = gradient(beta, y, logN, z);
      double det = info[0][0] * info[1][1] - info[0][1] * info[0][1];
      double[] step = {
        (info[1][1] * g[0] - info[0][1] * g[1]) / det, (info[0][0] * g[1] - info[0][1] * g[0]) / det
      };
      // Step halving keeps every accepted step an ascent step (and exp() finite).
      double[] next = null;
      for (int halving = 0; halving < 40; halving++) {
        double[] candidate = {beta[0] + step[0], beta[1] + step[1]};
        double candidateLl = logLikelihood(candidate, y, logN, z);
        if (Double.isFinite(candidateLl) && candidateLl >= ll) {
          next = candidate;
          ll = candidateLl;
          break;
        }
        step[0] /= 2;
        step[1] /= 2;
      }
      if (next == null) {
        break;
      }
      boolean small = Math.abs(next[0] - beta[0]) < 1e-10 && Math.abs(next[1] - beta[1]) < 1e-10;
      beta = next;
      if (small) {
        break;
      }
    }
    double pearson = 0;
    for (int i = 0; i < m; i++) {
      double mu = Math.exp(logN[i] + beta[0] + beta[1] * z[i]);
      pearson += (y[i] - mu) * (y[i] - mu) / mu;
    }
    double dispersion = Math.max(1, pearson / Math.max(1, m - 2));
    double[][] info = information(beta, logN, z);
    double det = info[0][0] * info[1][1] - info[0][1] * info[0][1];
    double standardError = Math.sqrt(dispersion * info[0][0] / det);
    double deviance = Math.max(0, 2 * (ll - nullLl) / dispersion);
    double signedRoot = Math.signum(beta[1]) * Math.sqrt(deviance);
    return new TrendResult(
        m, totalUpheld, beta[1], standardError, dispersion, STANDARD_NORMAL.cumulativeProbability(signedRoot));
  }

  /** Poisson log-likelihood without the terms that do not depend on the coefficients. */
  private static double logLikelihood(double[] beta, double[] y, double[] logN, double[] z) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double eta = beta[0] + beta[1] * z[i];
      sum += y[i] * eta - Math.exp(logN[i] + eta);
    }
    return sum;
  }

  private static double[] gradient(double[] beta, double[] y, double[] logN, double[] z) {
    double[] g = new double[2];
    for (int i = 0; i < y.length; i++) {
      double residual = y[i] - Math.exp(logN[i] + beta[0] + beta[1] * z[i]);
      g[0] += residual;
      g[1] += residual * z[i];
    }
    return g;
  }

  private static double[][] information(double[] beta, double[] logN, double[] z) {
    double[][] info = new double[2][2];
    for (int i = 0; i < z.length; i++) {
      double mu = Math.exp(logN[i] + beta[0] + beta[1] * z[i]);
      info[0][0] += mu;
      info[0][1] += mu * z[i];
      info[1][1] += mu * z[i] * z[i];
    }
    info[1][0] = info[0][1];
    return info;
  }
}
