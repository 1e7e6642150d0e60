package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.schema.EventTables;
import org.chengxin.detectors.ratings.NegativeShare;
import org.chengxin.detectors.ratings.RaterHistory;
import org.chengxin.detectors.ratings.RaterReliability;
import org.chengxin.detectors.ratings.RaterReliabilityOptions;
import org.chengxin.detectors.ratings.RaterScoringOptions;
import org.chengxin.detectors.ratings.RatingFlag;
import org.chengxin.detectors.ratings.RatingGraph;
import org.chengxin.detectors.ratings.RatingSkew;
import org.chengxin.jobs.SparkTestSession;
import org.chengxin.jobs.frame.SparkSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fixed point on Spark (one block in one task, or many blocks forced small) against the
 * plain-Java core, and the warm start against a cold run; the per-rater signals and the per-ratee
 * competitor attacks as Spark tasks run them against the core on a whole graph.
 */
class ReliabilityBlocksTest {
  private static final StructType EDGES =
      new StructType()
          .add("rating_id", DataTypes.StringType)
          .add("rater_id", DataTypes.StringType)
          .add("ratee_id", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("rated_at", DataTypes.TimestampType)
          .add("epoch_second", DataTypes.LongType);
  private static final long T0 = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
  private static final RaterReliabilityOptions CONVERGED = RaterReliabilityOptions.defaults().withIterationLimits(1e-9, 200);
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
    ReliabilityBlocks.Result result = iterate(graph, CONVERGED, 1_000, Optional.empty());
    assertTrue(result.converged());
    assertEquals(1, result.blocks());
    assertEquals(0.2, column(result, "fairness").get("u"), 1e-6);
    assertEquals(0.2, column(result, "goodness").get("v"), 1e-6);
    assertFalse(column(result, "fairness").containsKey("v"), "v gave no rating: no fairness");
    assertFalse(column(result, "goodness").containsKey("u"), "nobody rated u: no goodness");
  }

  /**
   * A random graph with bursts on a day, mixed scores and a few heavy raters: one block and twelve
   * blocks both give the plain-Java core's fixed point after the same rounds, within 1e-9.
   */
  @Test
  void oneBlockAndManyBlocksEqualThePlainJavaCore() {
    RatingGraph graph = randomGraph(new Random(7), 30, 240, 0);
    RaterReliability.Scores expected = RaterReliability.estimate(graph, CONVERGED);
    assertTrue(expected.converged());
    for (long ratingsPerBlock : new long[] {1_000, 20}) {
      ReliabilityBlocks.Result result = iterate(graph, CONVERGED, ratingsPerBlock, Optional.empty());
      assertEquals(ratingsPerBlock == 20 ? 12 : 1, result.blocks());
      assertEquals(expected.iterations(), result.iterations(), "same rounds with " + result.blocks() + " block(s)");
      assertTrue(result.converged());
      assertMatches(graph, expected, result, 1e-9);
    }
  }

  /** The iteration cap stops both paths at the same round, with the same values. */
  @Test
  void bothPathsStopAtTheCapWithTheCoresValues() {
    RatingGraph graph = randomGraph(new Random(3), 25, 200, 0);
    RaterReliabilityOptions capped = RaterReliabilityOptions.defaults().withIterationLimits(1e-12, 4);
    RaterReliability.Scores expected = RaterReliability.estimate(graph, capped);
    for (long ratingsPerBlock : new long[] {1_000, 30}) {
      ReliabilityBlocks.Result result = iterate(graph, capped, ratingsPerBlock, Optional.empty());
      assertEquals(4, result.iterations());
      assertFalse(result.converged());
      assertMatches(graph, expected, result, 1e-12);
    }
  }

  /**
   * A night's new ratings on top of a converged history: starting from the history's states, both
   * paths reach the cold run's fixed point within the tolerance's reach, in fewer rounds.
   */
  @Test
  void warmStartReachesTheColdFixedPointInFewerRounds() {
    RatingGraph history = randomGraph(new Random(19), 200, 2_000, 0);
    RatingGraph.Builder withNight = RatingGraph.builder();
    addAll(withNight, history);
    addAll(withNight, randomGraph(new Random(23), 205, 40, 20));
    RatingGraph night = withNight.build();
    RaterReliabilityOptions options = RaterReliabilityOptions.defaults();

    ReliabilityBlocks.Result yesterday = iterate(history, options, 1_000, Optional.empty());
    RaterReliability.Scores cold = RaterReliability.estimate(night, options);
    for (long ratingsPerBlock : new long[] {10_000, 500}) {
      ReliabilityBlocks.Result warm = iterate(night, options, ratingsPerBlock, Optional.of(yesterday.accounts()));
      System.out.printf("warm start, %d block(s): %d rounds; cold: %d rounds%n", warm.blocks(), warm.iterations(), cold.iterations());
      assertTrue(warm.converged());
      assertTrue(warm.iterations() < cold.iterations(),
          "warm " + warm.iterations() + " rounds vs cold " + cold.iterations());
      assertMatches(night, cold, warm, 2e-5);
    }
  }

  private static void assertMatches(RatingGraph graph, RaterReliability.Scores expected, ReliabilityBlocks.Result result,
      double tolerance) {
    Map<String, Double> fairness = column(result, "fairness");
    Map<String, Double> goodness = column(result, "goodness");
    int[] given = graph.ratingsGiven();
    int[] received = new int[graph.accountCount()];
    for (int e = 0; e < graph.ratingCount(); e++) {
      received[graph.ratee(e)]++;
    }
    for (int u = 0; u < graph.accountCount(); u++) {
      String id = graph.account(u);
      assertEquals(given[u] > 0, fairness.containsKey(id), "fairness only for raters: " + id);
      assertEquals(received[u] > 0, goodness.containsKey(id), "goodness only for ratees: " + id);
      if (given[u] > 0) {
        assertEquals(expected.fairness()[u], fairness.get(id), tolerance, "fairness of " + id);
      }
      if (received[u] > 0) {
        assertEquals(expected.goodness()[u], goodness.get(id), tolerance, "goodness of " + id);
      }
    }
  }

  private static ReliabilityBlocks.Result iterate(RatingGraph graph, RaterReliabilityOptions options, long ratingsPerBlock,
      Optional<Dataset<Row>> start) {
    return new ReliabilityBlocks(options, ratingsPerBlock).run(edges(graph).cache(), start);
  }

  private static Map<String, Double> column(ReliabilityBlocks.Result result, String name) {
    Map<String, Double> map = new HashMap<>();
    for (Row r : result.accounts().select(col("account_id"), col(name)).where(col(name).isNotNull()).collectAsList()) {
      map.put(r.getString(0), r.getDouble(1));
    }
    return map;
  }

  private static void addAll(RatingGraph.Builder builder, RatingGraph graph) {
    for (int e = 0; e < graph.ratingCount(); e++) {
      builder.add(graph.account(graph.rater(e)), graph.account(graph.ratee(e)), graph.score(e), graph.epochSecond(e));
    }
  }

  @Test
  void signalsEqualThePlainJavaCore() {
    RatingGraph graph = randomGraph(new Random(11), 25, 200, 0);
    RaterScoringOptions options = RaterScoringOptions.defaults();
    double[] thin = RaterHistory.of(graph).thinHistory(options.thinHistoryHalfLifeDays());
    double[] negative = NegativeShare.signal(graph, options.negativeSharePriorRatings());
    double[] skew = RatingSkew.signal(graph, options.skewPriorRatings());
    Map<String, Row> rows = new HashMap<>();
    for (Row r : RaterSignals.compute(RatingsByRater.of(edges(graph), noComplaints()), spark, options).perRater().collectAsList()) {
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

  @Test
  void competitorAttacksEqualThePlainJavaCore() {
    RatingGraph.Builder builder = RatingGraph.builder();
    Random random = new Random(6);
    // An honest market: one rating in fifty negative.
    for (int e = 0; e < 3_000; e++) {
      builder.add("buyer" + random.nextInt(300), "a" + random.nextInt(60), random.nextInt(50) == 0 ? -1 : 1,
          T0 + random.nextInt(20 * 86_400));
    }
    // Bursts of new accounts' negatives, some at the same second, on a few of the accounts.
    for (int burst = 0; burst < 8; burst++) {
      long start = T0 + random.nextInt(20) * 86_400L;
      for (int i = 0; i < 3 + burst % 4; i++) {
        builder.add("sock" + burst + "_" + i, "a" + burst * 7, -1, start + (i % 2 == 0 ? 0 : random.nextInt(40_000)));
      }
    }
    RatingGraph graph = builder.build();
    RatingDetectionOptions options = RatingDetectionOptions.defaults();
    double prior = options.scoring().negativeSharePriorRatings();
    Map<String, RatingFlag> expected = new HashMap<>();
    for (RatingFlag f : options.scoring().attack().flags(graph, prior)) {
      expected.put("r" + f.rating(), f);
    }
    assertTrue(expected.size() >= 20, "the bursts are found: " + expected.size());
    RatingsByRater byRater = RatingsByRater.of(edges(graph), noComplaints());
    StructType keys = new StructType().add("rater_id", DataTypes.StringType).add("key", DataTypes.StringType);
    List<Row> rows = ReceivedRatingFlags.flags(byRater, spark.createDataFrame(List.of(), keys),
        NegativeShare.marketShare(graph), options.scoring().attack(), options.sharedKeyBoost(), prior).collectAsList();
    assertEquals(expected.size(), rows.size());
    for (Row r : rows) {
      RatingFlag f = expected.get(r.<String>getAs("rating_id"));
      assertEquals(f.score(), r.<Double>getAs("score"), 1e-12);
      assertEquals(f.evidence().get("burst_raters"), r.<Integer>getAs("burst_raters").doubleValue());
      assertEquals(f.evidence().get("window_ratings"), r.<Long>getAs("window_ratings").doubleValue());
      assertEquals(f.evidence().get("expected_negatives"), r.<Double>getAs("expected_negatives"), 1e-12);
      assertEquals(0, r.<Integer>getAs("linked_raters"));
    }
    byRater.release();
  }

  private static Dataset<Row> noComplaints() {
    return spark.createDataFrame(List.of(), SparkSchemas.of(EventTables.COMPLAINTS));
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

  /** Ratings among {@code accounts} accounts over 20 days from day {@code firstDay}. */
  private static RatingGraph randomGraph(Random random, int accounts, int ratings, int firstDay) {
    RatingGraph.Builder builder = RatingGraph.builder();
    double[] values = {-1, -0.5, 0, 0.5, 1, 1, 1, 1};
    for (int e = 0; e < ratings; e++) {
      // Skewed raters: a few accounts give most ratings, some several on one day.
      int rater = (int) Math.floor(accounts * Math.pow(random.nextDouble(), 2));
      int ratee = random.nextInt(accounts);
      if (ratee == rater) {
        ratee = (ratee + 1) % accounts;
      }
      long time = T0 + (firstDay + random.nextInt(20)) * 86_400L + random.nextInt(86_400);
      builder.add("a" + rater, "a" + ratee, values[random.nextInt(values.length)], time);
    }
    return builder.build();
  }
}
