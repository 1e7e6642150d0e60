package org.chengxin.detectors.ratings;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rating detector on one graph and combines their account signals: the plain-Java core
 * behind {@code rater_scores} (account, fairness, ratings given, suspicion) and {@code rating_flags}.
 */
public final class RaterScoring {
  private RaterScoring() {}

  /**
   * All results for one graph. {@code signals[s.ordinal()][account]} is signal s of an account;
   * fairness, goodness and suspicion are per account, reliability per rating.
   */
  public record Result(
      RaterReliability.Scores reliability,
      RaterHistory history,
      double[][] signals,
      double[] suspicion,
      List<RatingFlag> flags) {

    /** Signal s of every account. */
    public double[] signal(RaterSignal signal) {
      return signals[signal.ordinal()];
    }
  }

  public static Result score(RatingGraph graph, List<ComplaintResolution> complaints, RaterScoringOptions options) {
    RaterReliability.Scores reliability = RaterReliability.estimate(graph, options.reliability());
    RaterHistory history = RaterHistory.of(graph);
    List<RatingFlag> flags = new ArrayList<>(options.extortion().flags(graph, complaints));
    flags.addAll(options.attack().flags(graph, options.negativeSharePriorRatings()));

    int n = graph.accountCount();
    double[][] signals = new double[RaterSignal.values().length][];
    double[] unfairness = new double[n];
    for (int u = 0; u < n; u++) {
      unfairness[u] = 1 - reliability.fairness()[u];
    }
    signals[RaterSignal.UNFAIRNESS.ordinal()] = unfairness;
    signals[RaterSignal.THIN_HISTORY.ordinal()] = history.thinHistory(options.thinHistoryHalfLifeDays());
    signals[RaterSignal.NEGATIVE_SHARE.ordinal()] = NegativeShare.signal(graph, options.negativeSharePriorRatings());
    signals[RaterSignal.RATING_SKEW.ordinal()] = RatingSkew.signal(graph, options.skewPriorRatings());
    signals[RaterSignal.EXTORTION.ordinal()] =
        strongestFlag(graph, flags, RatingPattern.EXTORTION, RatingPattern.EXTORTION_REPEAT);
    signals[RaterSignal.COMPETITOR_ATTACK.ordinal()] = strongestFlag(graph, flags, RatingPattern.COMPETITOR_ATTACK);

    double[] suspicion = new double[n];
    double[] values = new double[signals.length];
    for (int u = 0; u < n; u++) {
      for (int s = 0; s < signals.length; s++) {
        values[s] = signals[s][u];
      }
      suspicion[u] = options.combiner().combine(values);
    }
    return new Result(reliability, history, signals, suspicion, List.copyOf(flags));
  }

  /** Per account, the highest score of a flag of one of {@code patterns} on a rating it gave (0 if none). */
  static double[] strongestFlag(RatingGraph graph, List<RatingFlag> flags, RatingPattern... patterns) {
    List<RatingPattern> wanted = List.of(patterns);
    double[] strongest = new double[graph.accountCount()];
    for (RatingFlag f : flags) {
      if (wanted.contains(f.pattern())) {
        int rater = graph.rater(f.rating());
        strongest[rater] = Math.max(strongest[rater], f.score());
      }
    }
    return strongest;
  }
}
