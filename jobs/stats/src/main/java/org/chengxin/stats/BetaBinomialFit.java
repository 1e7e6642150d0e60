package org.chengxin.stats;

import java.util.Map;
import org.apache.commons.numbers.gamma.LogBeta;

/**
 * Maximum-likelihood fit of a Beta(alpha, beta) prior to per-seller (upheld, trades) counts under the
 * beta-binomial model: seller rate ~ Beta(alpha, beta), upheld | rate ~ Binomial(trades, rate).
 *
 * <p>Why not the method of moments: at rates near 1e-5 almost every seller has zero complaints, the
 * sample variance is dominated by binomial noise and the moment estimate of the spread is often
 * negative or wild. The likelihood uses every seller, including the clean ones.
 *
 * <p>Few sellers: with a handful of sellers whose spread binomial noise alone could explain, the
 * likelihood keeps rising as the concentration kappa = alpha + beta grows, and the maximum is a point
 * mass at the pooled rate that pulls every seller onto one rate (six flagged sellers with true rates
 * 1.3e-2 to 6e-2 all shrunk to 0.037). So the fit maximises the likelihood times a {@link Hyperprior}:
 * by default the weak {@link SpreadHyperprior}; a flagged kind's prior has the hyperprior of
 * {@link PartialPooling}. {@link PriorFit#logLikelihood()} stays the data's likelihood
 * alone.
 *
 * <p>How: Newton's method in (ln alpha, ln beta), which keeps both positive and makes the problem well
 * scaled whatever the rate, with a Levenberg damping and a step only accepted when it raises the
 * likelihood. Gradient and Hessian are analytic (digamma/trigamma differences computed without
 * cancellation, see {@link GammaDifferences}); the start is the best of a grid over the concentration
 * alpha + beta at the pooled rate. Parameters are kept in a box; hitting it is reported in
 * {@link PriorFit#atBound()}.
 *
 * <p>Cost is linear in the number of histogram cells per iteration and independent of the number of
 * sellers, so a Spark job feeds it a {@link CountHistogram} rather than seller rows.
 */
public final class BetaBinomialFit {
  private static final double MIN_ALPHA = 1e-3;
  private static final double MAX_ALPHA = 1e4;
  private static final double MIN_BETA = 1e-3;
  /** Concentrations beyond this are indistinguishable from "every seller has the pooled rate". */
  private static final double MAX_BETA = 1e13;

  private static final int MAX_ITERATIONS = 200;
  private static final double MAX_STEP = 3;
  private static final double STEP_TOLERANCE = 1e-9;

  private final CountHistogram histogram;
  private final Hyperprior hyperprior;
  private final long[] upheld;
  private final long[] trades;
  private final double[] weight;
  private final double[] lower = {Math.log(MIN_ALPHA), Math.log(MIN_BETA)};
  private final double[] upper = {Math.log(MAX_ALPHA), Math.log(MAX_BETA)};

  private BetaBinomialFit(CountHistogram histogram, Hyperprior hyperprior) {
    this.histogram = histogram;
    this.hyperprior = hyperprior;
    int cells = histogram.cells().size();
    upheld = new long[cells];
    trades = new long[cells];
    weight = new double[cells];
    int i = 0;
    for (Map.Entry<CountHistogram.Cell, Long> e : histogram.cells().entrySet()) {
      upheld[i] = e.getKey().upheld();
      trades[i] = e.getKey().trades();
      weight[i] = e.getValue();
      i++;
    }
  }

  /**
   * Fits the prior to {@code histogram}, which needs at least one seller with trades, under the weak
   * {@link SpreadHyperprior}.
   *
   * @throws IllegalArgumentException when the histogram has no trades
   */
  public static PriorFit fit(CountHistogram histogram) {
    return fit(histogram, SpreadHyperprior.WEAK);
  }

  /** {@link #fit(CountHistogram)} under {@code hyperprior}: the marginal posterior mode. */
  static PriorFit fit(CountHistogram histogram, Hyperprior hyperprior) {
    if (histogram.trades() == 0) {
      throw new IllegalArgumentException("cannot fit a prior without trades");
    }
    return new BetaBinomialFit(histogram, hyperprior).run();
  }

  /** Log-likelihood of the data under Beta(alpha, beta), without the binomial coefficients. */
  public static double logLikelihood(CountHistogram histogram, BetaPrior prior) {
    return new BetaBinomialFit(histogram, SpreadHyperprior.WEAK)
        .logLikelihood(Math.log(prior.alpha()), Math.log(prior.beta()));
  }

  /** What {@link #fit(CountHistogram)} maximises at {@code prior}: the log-likelihood plus the log-hyperprior, up to constants. */
  public static double logPosterior(CountHistogram histogram, BetaPrior prior) {
    return logPosterior(histogram, prior, SpreadHyperprior.WEAK);
  }

  /** What {@link #fit(CountHistogram, Hyperprior)} maximises at {@code prior}. */
  static double logPosterior(CountHistogram histogram, BetaPrior prior, Hyperprior hyperprior) {
    return new BetaBinomialFit(histogram, hyperprior).objective(Math.log(prior.alpha()), Math.log(prior.beta()));
  }

  private PriorFit run() {
    double[] theta = start();
    double ll = objective(theta[0], theta[1]);
    int iteration = 0;
    boolean converged = false;
    while (iteration < MAX_ITERATIONS && !converged) {
      iteration++;
      double[] next = dampedNewtonStep(theta, ll);
      if (next == null) {
        // No damping found an ascent step: we are at the maximum to machine precision.
        converged = true;
        break;
      }
      double moved = Math.max(Math.abs(next[0] - theta[0]), Math.abs(next[1] - theta[1]));
      theta = next;
      ll = objective(theta[0], theta[1]);
      converged = moved < STEP_TOLERANCE;
    }
    boolean atBound = false;
    for (int k = 0; k < 2; k++) {
      atBound |= theta[k] <= lower[k] + 1e-6 || theta[k] >= upper[k] - 1e-6;
    }
    return new PriorFit(
        new BetaPrior(Math.exp(theta[0]), Math.exp(theta[1])),
        logLikelihood(theta[0], theta[1]),
        iteration,
        converged,
        atBound,
        histogram.sellers(),
        histogram.upheld(),
        histogram.trades());
  }

  /** Best point of a grid over the concentration at the pooled rate (at least half a complaint). */
  private double[] start() {
    double pooled = Math.max(histogram.upheld(), 0.5) / histogram.trades();
    double[] best = null;
    double bestLl = Double.NEGATIVE_INFINITY;
    for (double log10Kappa = 0; log10Kappa <= 13; log10Kappa += 0.5) {
      double kappa = Math.pow(10, log10Kappa);
      double[] theta = clamp(new double[] {Math.log(pooled * kappa), Math.log((1 - pooled) * kappa)});
      double ll = objective(theta[0], theta[1]);
      if (ll > bestLl) {
        bestLl = ll;
        best = theta;
      }
    }
    return best;
  }

  /**
   * One Newton step on the coordinates not pinned at a bound (a coordinate is pinned when it sits on
   * its bound and the gradient points outward), with Levenberg damping increased until the likelihood
   * does not drop. Returns null when no damping gives such a step.
   */
  private double[] dampedNewtonStep(double[] theta, double ll) {
    double[] g = new double[2];
    double[][] h = new double[2][2];
    derivatives(theta, g, h);
    boolean[] free = new boolean[2];
    for (int k = 0; k < 2; k++) {
      boolean pinnedLow = theta[k] <= lower[k] && g[k] < 0;
      boolean pinnedHigh = theta[k] >= upper[k] && g[k] > 0;
      free[k] = !(pinnedLow || pinnedHigh);
    }
    double tolerance = 1e-12 * Math.max(1, Math.abs(ll));
    double scale = Math.abs(h[0][0]) + Math.abs(h[1][1]) + 1e-12;
    for (double lambda = 0; lambda < 1e12 * scale; lambda = lambda == 0 ? 1e-6 * scale : lambda * 10) {
      double[] step = solve(h, g, lambda, free);
      if (step == null) {
        continue;
      }
      double norm = Math.max(Math.abs(step[0]), Math.abs(step[1]));
      if (norm > MAX_STEP) {
        step[0] *= MAX_STEP / norm;
        step[1] *= MAX_STEP / norm;
      }
      double[] next = clamp(new double[] {theta[0] + step[0], theta[1] + step[1]});
      if (objective(next[0], next[1]) >= ll - tolerance) {
        return next;
      }
    }
    return null;
  }

  /** Solves (-H + lambda I) d = g on the free coordinates; null when that matrix is not positive definite. */
  private static double[] solve(double[][] h, double[] g, double lambda, boolean[] free) {
    double a00 = -h[0][0] + lambda;
    double a11 = -h[1][1] + lambda;
    double a01 = -h[0][1];
    if (free[0] && free[1]) {
      double det = a00 * a11 - a01 * a01;
      if (!(a00 > 0 && det > 0)) {
        return null;
      }
      return new double[] {(a11 * g[0] - a01 * g[1]) / det, (a00 * g[1] - a01 * g[0]) / det};
    }
    double[] step = new double[2];
    for (int k = 0; k < 2; k++) {
      double akk = k == 0 ? a00 : a11;
      if (free[k]) {
        if (!(akk > 0)) {
          return null;
        }
        step[k] = g[k] / akk;
      }
    }
    return step;
  }

  private double[] clamp(double[] theta) {
    for (int k = 0; k < 2; k++) {
      theta[k] = Math.min(upper[k], Math.max(lower[k], theta[k]));
    }
    return theta;
  }

  /** What the fit maximises: the log-likelihood plus the log-hyperprior. */
  private double objective(double logAlpha, double logBeta) {
    return logLikelihood(logAlpha, logBeta) + hyperprior.logDensity(logAlpha, logBeta);
  }

  private double logLikelihood(double logAlpha, double logBeta) {
    double a = Math.exp(logAlpha);
    double b = Math.exp(logBeta);
    double priorTerm = LogBeta.value(a, b);
    double sum = 0;
    for (int i = 0; i < weight.length; i++) {
      sum += weight[i] * (LogBeta.value(upheld[i] + a, trades[i] - upheld[i] + b) - priorTerm);
    }
    return sum;
  }

  /**
   * Gradient and Hessian of the objective (log-likelihood and log-hyperprior) in (ln alpha, ln beta). Per cell with x complaints in n
   * trades, in (a, b) = (alpha, beta):
   * dL/da = [psi(a+x) - psi(a)] - [psi(a+b+n) - psi(a+b)] and
   * dL/db = [psi(a+b) - psi(b)] - [psi(a+b+n) - psi(b+n-x)], each bracket a cancellation-free
   * difference; the Hessian uses the same differences of trigamma. Then the chain rule for
   * a = e^s, b = e^t.
   */
  private void derivatives(double[] theta, double[] g, double[][] h) {
    double a = Math.exp(theta[0]);
    double b = Math.exp(theta[1]);
    double ga = 0;
    double gb = 0;
    double haa = 0;
    double hbb = 0;
    double hab = 0;
    for (int i = 0; i < weight.length; i++) {
      double x = upheld[i];
      double n = trades[i];
      double w = weight[i];
      double clean = n - x;
      ga += w * (GammaDifferences.digamma(a, x) - GammaDifferences.digamma(a + b, n));
      gb += w * (GammaDifferences.digamma(b, a) - GammaDifferences.digamma(clean + b, a + x));
      haa += w * (-GammaDifferences.trigamma(a, x) + GammaDifferences.trigamma(a + b, n));
      hbb += w * (-GammaDifferences.trigamma(b, a) + GammaDifferences.trigamma(clean + b, a + x));
      hab += w * GammaDifferences.trigamma(a + b, n);
    }
    g[0] = a * ga;
    g[1] = b * gb;
    h[0][0] = a * a * haa + a * ga;
    h[1][1] = b * b * hbb + b * gb;
    h[0][1] = a * b * hab;
    h[1][0] = h[0][1];
    hyperprior.addDerivatives(theta[0], theta[1], g, h);
  }
}
