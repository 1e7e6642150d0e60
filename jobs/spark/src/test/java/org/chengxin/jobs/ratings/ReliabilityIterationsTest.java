package org.chengxin.jobs.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.detectors.ratings.NegativeShare;
import org.chengxin.detectors.ratings.RaterHistory;
import org.chengxin.detectors.ratings.RaterReliability;
import org.chengxin.detectors.ratings.RaterReliabilityOptions;
import org.chengxin.detectors.ratings.RaterScoringOptions;
import org.chengxin.detectors.ratings.RatingGraph;
import org.chengxin.detectors.ratings.RatingSkew;
import org.chengxin.jobs.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DataFrame fixed point and signals against the plain-Java core they port. */
class ReliabilityIterationsTest {
  private static final StructType EDGES =
      new StructType()
          .add("rating_id", DataTypes.StringType)
          .add("rater_id", DataTypes.StringType)
          .add("ratee_id", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("rated_at", DataTypes.TimestampType)
          .add("epoch_second", DataTypes.LongType);
  private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** One rating u -> v of +1 has the fixed point R = 0.4, F(u) = G(v) = 0.2; the loop stops near it. */
  @Test
  void oneRatingConvergesToTheKnownFixedPoint() {
    RatingGraph graph = RatingGraph.builder().add("u", "v", 1, T0).build();
    ReliabilityIterations.Result result = iterate(graph, RaterReliabilityOptions.defaults().withIterationLimits(1e-3, 100));
    assertTrue(result.converged());
    assertTrue(result.iterations() < 20, "rounds: " + result.iterations());
    assertEquals(0.2, byKey(result.fairness(), "fairness").get("u"), 3e-3);
    assertEquals(0.2, byKey(result.goodness(), "goodness").get("v"), 3e-3);
    assertEquals(0.4, result.edges().first().<Double>getAs("reliability"), 3e-3);
  }

  /**
   * A random graph with bursts on a day, mixed scores and a few heavy raters: after the same rounds
   * (capped at 6 to keep the test short) fairness and goodness agree within 1e-6.
   */
  @Test
  void fairnessAndGoodnessEqualThePlainJavaCore() {
    RatingGraph graph = randomGraph(new Random(7), 30, 240);
    RaterReliabilityOptions options = RaterReliabilityOptions.defaults().withIterationLimits(1e-6, 6);
    RaterReliability.Scores expected = RaterReliability.estimate(graph, options);
    ReliabilityIterations.Result result = iterate(graph, options);

    assertEquals(expected.iterations(), result.iterations(), "same number of rounds");
    assertEquals(expected.converged(), result.converged());
    Map<String, Double> fairness = byKey(result.fairness(), "fairness");
    Map<String, Double> goodness = byKey(result.goodness(), "goodness");
    int[] given = graph.ratingsGiven();
    int rated = 0;
    for (int u = 0; u < graph.accountCount(); u++) {
      if (given[u] > 0) {
        assertEquals(expected.fairness()[u], fairness.get(graph.account(u)), 1e-6, "fairness of " + graph.account(u));
      }
      if (goodness.containsKey(graph.account(u))) {
        assertEquals(expected.goodness()[u], goodness.get(graph.account(u)), 1e-6, "goodness of " + graph.account(u));
        rated++;
      }
    }
    assertEquals(given.length, graph.accountCount());
    assertTrue(rated > 20, "most accounts were rated");
  }

  @Test
  void signalsEqualThePlainJavaCore() {
    RatingGraph graph = randomGraph(new Random(11), 25, 200);
    RaterScoringOptions options = RaterScoringOptions.defaults();
    double[] thin = RaterHistory.of(graph).thinHistory(options.thinHistoryHalfLifeDays());
    double[] negative = NegativeShare.signal(graph, options.negativeSharePriorRatings());
    double[] skew = RatingSkew.signal(graph, options.skewPriorRatings());
    Map<String, Row> rows = new HashMap<>();
    for (Row r : RaterSignals.compute(edges(graph), options).perRater().collectAsList()) {
      rows.put(r.getAs("rater_id"), r);
    }
    int[] given = graph.ratingsGiven();
    for (int u = 0; u < graph.accountCount(); u++) {
      if (given[u] == 0) {
        continue;
      }
      Row r = rows.get(graph.account(u));
      assertEquals(given[u], r.<Long>getAs("ratings_given"));
      assertEquals(thin[u], r.<Double>getAs("thin_history"), 1e-9, "thin_history");
      assertEquals(negative[u], r.<Double>getAs("negative_share"), 1e-9, "negative_share");
      assertEquals(skew[u], r.<Double>getAs("rating_skew"), 1e-9, "rating_skew");
    }
  }

  private static ReliabilityIterations.Result iterate(RatingGraph graph, RaterReliabilityOptions options) {
    return new ReliabilityIterations(options).run(RatingEdges.withEvidence(edges(graph)));
  }

  private static Dataset<Row> edges(RatingGraph graph) {
    List<Row> rows = new ArrayList<>();
    for (int e = 0; e < graph.ratingCount(); e++) {
      long t = graph.epochSecond(e);
      rows.add(RowFactory.create("r" + e, graph.account(graph.rater(e)), graph.account(graph.ratee(e)), graph.score(e),
          Timestamp.from(Instant.ofEpochSecond(t)), t));
    }
    return spark.createDataFrame(rows, EDGES);
  }

  private static RatingGraph randomGraph(Random random, int accounts, int ratings) {
    RatingGraph.Builder builder = RatingGraph.builder();
    double[] values = {-1, -0.5, 0, 0.5, 1, 1, 1, 1};
    for (int e = 0; e < ratings; e++) {
      // Skewed raters: a few accounts give most ratings, some several on one day.
      int rater = (int) Math.floor(accounts * Math.pow(random.nextDouble(), 2));
      int ratee = random.nextInt(accounts);
      if (ratee == rater) {
        ratee = (ratee + 1) % accounts;
      }
      long time = T0 + random.nextInt(20) * 86_400L + random.nextInt(86_400);
      builder.add("a" + rater, "a" + ratee, values[random.nextInt(values.length)], time);
    }
    return builder.build();
  }

  private static Map<String, Double> byKey(Dataset<Row> rows, String value) {
    Map<String, Double> map = new HashMap<>();
    for (Row r : rows.collectAsList()) {
      map.put(r.getString(0), r.<Double>getAs(value));
    }
    return map;
  }
}
