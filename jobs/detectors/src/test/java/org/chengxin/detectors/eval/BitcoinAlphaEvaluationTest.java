package org.chengxin.detectors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chengxin.detectors.ratings.RaterReliabilityOptions;
import org.chengxin.detectors.ratings.RaterScoring;
import org.chengxin.detectors.ratings.RaterScoringOptions;
import org.chengxin.detectors.ratings.RaterSignal;
import org.chengxin.detectors.ratings.RatingGraph;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bitcoin Alpha (../shared/datasets/bitcoin-alpha beside the repo): each labelled user is scored
 * from the ratings it gave only ({@link HeldOutLabels}), fraudulent = positive. Skips when absent.
 */
class BitcoinAlphaEvaluationTest {
  private static final Path DATA = Path.of("../../../shared/datasets/bitcoin-alpha");
  private static final DelimitedRatingFile.RatingColumns COLUMNS =
      new DelimitedRatingFile.RatingColumns(',', 0, 1, 2, 3, -10, 10);

  private static RatingGraph graph;
  private static Map<String, Boolean> labels;

  @BeforeAll
  static void load() {
    Assumptions.assumeTrue(Files.isReadable(DATA.resolve("alpha_network.csv")), "Bitcoin Alpha data absent");
    graph = DelimitedRatingFile.readRatings(DATA.resolve("alpha_network.csv"), COLUMNS);
    labels = DelimitedRatingFile.readLabels(DATA.resolve("alpha_gt.csv"), ',', 0, 1, "-1");
  }

  /** One held-out pass: the default suspicion, each signal alone and the out-degree floors. */
  @Test
  void suspicionWithDefaultsBeatsTheFloorsAndReachesTheTarget() {
    List<String> names = new ArrayList<>(List.of("suspicion, defaults", "floor: minus out-degree", "floor: out-degree"));
    for (RaterSignal s : RaterSignal.values()) {
      names.add("signal alone: " + s.wire());
    }
    List<HeldOutLabels.Evaluation> results = HeldOutLabels.evaluateEach(graph, labels, g -> {
      RaterScoring.Result r = RaterScoring.score(g, List.of(), RaterScoringOptions.defaults());
      double[] outDegree = toDouble(g.ratingsGiven());
      List<double[]> scores = new ArrayList<>(List.of(r.suspicion(), negate(outDegree), outDegree));
      scores.addAll(List.of(r.signals()));
      return scores;
    });
    print(names, results);
    HeldOutLabels.Evaluation suspicion = results.get(0);
    HeldOutLabels.Evaluation minusOutDegree = results.get(1);
    assertEquals(214, suspicion.n());
    assertEquals(83, suspicion.positives());
    assertTrue(suspicion.auc() >= 0.80, "ROC-AUC " + suspicion.auc());
    assertTrue(suspicion.auc() > minusOutDegree.auc(), "no better than minus out-degree " + minusOutDegree.auc());
  }

  /** Settings other than the defaults, reported for the docs; none of them is used by default. */
  @Test
  void sensitivityToSettings() {
    List<String> names = new ArrayList<>(List.of("REV2 start-fair prior (priorFairness 1): 1 - fairness"));
    List<RaterScoringOptions> variants = new ArrayList<>(List.of(RaterScoringOptions.defaults()
        .withReliability(RaterReliabilityOptions.defaults().withPriorFairness(1))));
    for (double halfLife : new double[] {7, 90, 365}) {
      names.add("suspicion, thin-history half-life " + halfLife + " days");
      variants.add(RaterScoringOptions.defaults().withThinHistoryHalfLifeDays(halfLife));
    }
    List<HeldOutLabels.Evaluation> results = HeldOutLabels.evaluateEach(graph, labels, g -> {
      List<double[]> scores = new ArrayList<>();
      scores.add(RaterScoring.score(g, List.of(), variants.get(0)).signal(RaterSignal.UNFAIRNESS));
      for (RaterScoringOptions v : variants.subList(1, variants.size())) {
        scores.add(RaterScoring.score(g, List.of(), v).suspicion());
      }
      return scores;
    });
    print(names, results);
    assertTrue(results.get(0).auc() < 0.6, "REV2's start-fair prior was expected near chance here");
  }

  private static void print(List<String> names, List<HeldOutLabels.Evaluation> results) {
    for (int i = 0; i < names.size(); i++) {
      System.out.printf(Locale.ROOT, "bitcoin-alpha %-58s %s positives=%d%n",
          names.get(i), results.get(i).toJson(), results.get(i).positives());
    }
  }

  private static double[] toDouble(int[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i];
    }
    return d;
  }

  private static double[] negate(double[] values) {
    double[] d = values.clone();
    for (int i = 0; i < d.length; i++) {
      d[i] = -d[i];
    }
    return d;
  }
}
