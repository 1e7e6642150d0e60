package org.chengxin.detectors.ratings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RaterReliabilityTest {
  private static final RaterReliabilityOptions DEFAULTS = RaterReliabilityOptions.defaults();
  private static final long DAY = 86_400;
  private static final long T0 = 1_790_000_000L;

  @Test
  void goodnessIsReliabilityWeightedScoreShrunkToPrior() {
    // (1 * 0 + 0.5 * 1 + 1.0 * -1) / (1 + 2)
    assertEquals(-0.5 / 3, RaterReliability.goodness(0.5 * 1 + 1.0 * -1, 2, DEFAULTS), 1e-12);
    assertEquals(0.0, RaterReliability.goodness(0, 0, DEFAULTS));
  }

  @Test
  void reliabilityAveragesFairnessAndAgreement() {
    // fairness 0.8; score 1 against goodness -0.2 agrees 1 - 1.2 / 2 = 0.4
    assertEquals((0.8 + 0.4) / 2, RaterReliability.reliability(0.8, 1, -0.2, DEFAULTS), 1e-12);
  }

  @Test
  void fairnessIsEvidenceWeightedReliabilityShrunkToPrior() {
    assertEquals((0 + 1.8) / (1 + 2), RaterReliability.fairness(1.8, 2, DEFAULTS), 1e-12);
    assertEquals(0.0, RaterReliability.fairness(0, 0, DEFAULTS));
  }

  @Test
  void ratingsOnTheSameDayShareOneDayOfEvidence() {
    RatingGraph graph = RatingGraph.builder()
        .add("u", "a", 1, T0).add("u", "b", 1, T0 + 3_600).add("u", "c", 1, T0 + 7_200)
        .add("u", "d", 1, T0 + 3 * DAY)
        .build();
    assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0}, RaterReliability.ratingDayEvidence(graph), 1e-12);
  }

  @Test
  void convergesToTheKnownFixedPointOfOneRating() {
    // One rating u -> v of +1 with the defaults: G = R / 2, F = R / 2 and
    // R = (F + 1 - (1 - G) / 2) / 2, whose solution is R = 0.4, F = G = 0.2.
    RatingGraph graph = RatingGraph.builder().add("u", "v", 1, T0).build();
    RaterReliability.Scores s = RaterReliability.estimate(graph, DEFAULTS);
    assertTrue(s.converged());
    assertTrue(s.iterations() > 3, "started at the fixed point?");
    assertEquals(0.4, s.reliability()[0], 1e-5);
    assertEquals(0.2, s.fairness()[0], 1e-5);
    assertEquals(0.2, s.goodness()[1], 1e-5);
  }

  @Test
  void stopsAtTheIterationCap() {
    RatingGraph graph = RatingGraph.builder().add("u", "v", 1, T0).build();
    RaterReliability.Scores s = RaterReliability.estimate(graph, DEFAULTS.withIterationLimits(1e-12, 2));
    assertEquals(2, s.iterations());
    assertFalse(s.converged());
  }

  @Test
  void raterAgainstTheConsensusIsLessFairThanTheConsensus() {
    RatingGraph.Builder b = RatingGraph.builder();
    for (int s = 0; s < 3; s++) {
      for (int i = 0; i < 4; i++) {
        b.add("honest" + i, "s" + s, 1, T0 + s * DAY);
      }
      b.add("sinker", "s" + s, -1, T0 + s * DAY);
    }
    RatingGraph graph = b.build();
    RaterReliability.Scores s = RaterReliability.estimate(graph, DEFAULTS);
    double honest = s.fairness()[graph.indexOf("honest0").orElseThrow()];
    double sinker = s.fairness()[graph.indexOf("sinker").orElseThrow()];
    assertTrue(sinker < 0.8 * honest, "sinker " + sinker + " vs honest " + honest);
    assertTrue(s.goodness()[graph.indexOf("s1").orElseThrow()] > 0.3);
  }

  @Test
  void coldStartKeepsAOneRatingRaterNearThePrior() {
    RatingGraph.Builder b = RatingGraph.builder();
    for (int d = 0; d < 10; d++) {
      b.add("veteran", "s" + d, 1, T0 + d * DAY);
      b.add("newcomer" + d, "s" + d, 1, T0 + d * DAY);
    }
    RatingGraph graph = b.build();
    RaterReliability.Scores s = RaterReliability.estimate(graph, DEFAULTS);
    double veteran = s.fairness()[graph.indexOf("veteran").orElseThrow()];
    double newcomer = s.fairness()[graph.indexOf("newcomer0").orElseThrow()];
    assertTrue(newcomer < 0.5 * veteran, "newcomer " + newcomer + ", veteran " + veteran);
  }
}
