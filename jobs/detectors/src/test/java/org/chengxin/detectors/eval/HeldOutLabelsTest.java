package org.chengxin.detectors.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.chengxin.detectors.ratings.RatingGraph;
import org.junit.jupiter.api.Test;

class HeldOutLabelsTest {
  private static final long T0 = 1_790_000_000L;

  /** A score built from received ratings, which would separate the labels perfectly if it could see them. */
  private static double[] negativesReceived(RatingGraph g) {
    double[] received = new double[g.accountCount()];
    for (int e = 0; e < g.ratingCount(); e++) {
      received[g.ratee(e)] += g.isNegative(e) ? 1 : 0;
    }
    return received;
  }

  @Test
  void eachLabelledAccountIsScoredWithoutTheRatingsItReceived() {
    RatingGraph g = RatingGraph.builder()
        .add("fraud", "x", 1, T0).add("core", "fraud", -1, T0)
        .add("honest", "x", 1, T0).add("core", "x", 1, T0)
        .add("fraud2", "y", 1, T0).add("core", "fraud2", -1, T0)
        .build();
    Map<String, Boolean> labels = Map.of("fraud", true, "fraud2", true, "honest", false, "x", false, "unknown", false);

    HeldOutLabels.Evaluation e = HeldOutLabels.evaluate(g, labels, HeldOutLabelsTest::negativesReceived);

    assertEquals(List.of("fraud", "fraud2", "honest"), e.accounts(), "x gave no rating; unknown is not in the graph");
    assertEquals(0.5, e.auc(), "received negatives must be invisible");
    assertEquals("{\"auc\": 0.5000, \"ap\": 0.6667, \"n\": 3}", e.toJson());
  }
}
