package org.chengxin.detectors.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chengxin.detectors.ratings.RatingGraph;

/**
 * Evaluates an account score against labels without letting labels leak through received ratings:
 * each labelled account is scored on the graph minus every rating it received, so its score can use
 * only the ratings it gave and the rest of the graph. Accounts that gave no rating are left out.
 */
public final class HeldOutLabels {
  private HeldOutLabels() {}

  /** The labelled accounts evaluated, their held-out scores and the resulting metrics. */
  public record Evaluation(List<String> accounts, double[] scores, boolean[] fraudulent, double auc, double ap) {
    public int n() {
      return accounts.size();
    }

    public int positives() {
      int p = 0;
      for (boolean f : fraudulent) {
        p += f ? 1 : 0;
      }
      return p;
    }

    /** Flat JSON object with auc, ap and n, the shape evaluation scripts print. */
    public String toJson() {
      return String.format(java.util.Locale.ROOT, "{\"auc\": %.4f, \"ap\": %.4f, \"n\": %d}", auc, ap, n());
    }
  }

  /**
   * @param labels account id to fraudulent (true) or benign (false)
   * @param scorer a whole-graph account score, higher = more suspicious, indexed like the graph
   */
  public static Evaluation evaluate(RatingGraph graph, Map<String, Boolean> labels, Function<RatingGraph, double[]> scorer) {
    return evaluateEach(graph, labels, g -> List.of(scorer.apply(g))).get(0);
  }

  /**
   * Several scores from one held-out pass: {@code scorers} returns the same number of whole-graph
   * account scores for every graph; the result has one evaluation per score, in that order.
   */
  public static List<Evaluation> evaluateEach(
      RatingGraph graph, Map<String, Boolean> labels, Function<RatingGraph, List<double[]>> scorers) {
    int[] given = graph.ratingsGiven();
    List<String> accounts = new ArrayList<>();
    List<double[]> scoreRows = new ArrayList<>();
    List<Boolean> fraudulent = new ArrayList<>();
    labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(label -> {
      graph.indexOf(label.getKey()).filter(u -> given[u] > 0).ifPresent(u -> {
        accounts.add(label.getKey());
        scoreRows.add(scorers.apply(graph.withoutRatingsReceivedBy(u)).stream().mapToDouble(s -> s[u]).toArray());
        fraudulent.add(label.getValue());
      });
    });
    boolean[] f = new boolean[fraudulent.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = fraudulent.get(i);
    }
    int columns = scoreRows.isEmpty() ? 0 : scoreRows.get(0).length;
    List<Evaluation> evaluations = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      int column = c;
      double[] s = scoreRows.stream().mapToDouble(row -> row[column]).toArray();
      evaluations.add(new Evaluation(
          List.copyOf(accounts), s, f, RankingMetrics.rocAuc(s, f), RankingMetrics.averagePrecision(s, f)));
    }
    return evaluations;
  }
}
