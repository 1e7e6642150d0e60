package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.csv.Delimited;
import org.chengxin.core.schema.ColumnType;
import org.chengxin.core.schema.EventTables;
import org.chengxin.detectors.eval.RankingMetrics;
import org.chengxin.jobs.SparkTestSession;
import org.chengxin.jobs.frame.SparkSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark job's suspicion on Bitcoin Alpha (../shared/datasets/bitcoin-alpha, skipped when
 * absent) against its labels, fraudulent = positive, over labelled users who rated someone. The
 * ratings are read as scripts/import-ratings maps them (>= 1 positive, <= -1 negative). Protocol:
 * every rating a labelled user received is left out of the graph before the job runs (the labels
 * came from those ratings), so no received rating reaches any labelled user's score, not even
 * through the fixed point; this is what {@code scripts/import-ratings --hold-out-ratees} does.
 */
class BitcoinAlphaEvaluationTest {
  private static final Path DATA = Path.of("../../../shared/datasets/bitcoin-alpha");
  private static final StructType NETWORK = new StructType()
      .add("rater", DataTypes.StringType).add("ratee", DataTypes.StringType)
      .add("rating", DataTypes.IntegerType).add("time", DataTypes.LongType);
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    assumeTrue(Files.isRegularFile(DATA.resolve("alpha_network.csv")) && Files.isRegularFile(DATA.resolve("alpha_gt.csv")),
        "Bitcoin Alpha is not beside the repo");
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void suspicionWithoutReceivedRatingsReachesTheTarget() throws IOException {
    Map<String, Boolean> labels = labels();
    Dataset<Row> heldOut = ratings().filter(col("ratee_id").isin(labels.keySet().toArray()).unary_$bang());
    double[] figures = evaluate(suspicion(heldOut), labels);
    System.out.printf("bitcoin-alpha spark suspicion, received ratings of labelled users held out: auc=%.3f ap=%.3f n=%d%n",
        figures[0], figures[1], (int) figures[2]);
    // Every labelled user's received ratings go at once, so labelled users who rated only other
    // labelled users drop out: n is below the 214 who ever rated someone.
    long stillRating = heldOut.select("rater_id").distinct().filter(col("rater_id").isin(labels.keySet().toArray())).count();
    assertEquals(stillRating, (long) figures[2], "every labelled user still rating someone is scored");
    assertTrue(figures[2] >= 180, "labelled users scored: " + figures[2]);
    assertTrue(figures[0] >= 0.80, "ROC-AUC " + figures[0]);
  }

  private static Map<String, Double> suspicion(Dataset<Row> ratings) {
    RatingDetection.Result result = new RatingDetection(RatingDetectionOptions.defaults(), ReliabilityBlocks.defaultRatingsPerBlock(spark))
        .detect(ratings, empty(EventTables.COMPLAINTS), empty(EventTables.TRADES), Optional.empty(), Optional.empty());
    Map<String, Double> scores = new HashMap<>();
    for (Row r : result.raterScores().select("rater_id", "suspicion").collectAsList()) {
      scores.put(r.getString(0), r.getDouble(1));
    }
    return scores;
  }

  /** auc, ap, n over labelled accounts with a rater_scores row. */
  private static double[] evaluate(Map<String, Double> scores, Map<String, Boolean> labels) {
    List<Double> s = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    labels.forEach((account, fraud) -> {
      if (scores.containsKey(account)) {
        s.add(scores.get(account));
        y.add(fraud);
      }
    });
    double[] score = s.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] positive = new boolean[y.size()];
    for (int i = 0; i < positive.length; i++) {
      positive[i] = y.get(i);
    }
    return new double[] {RankingMetrics.rocAuc(score, positive), RankingMetrics.averagePrecision(score, positive), score.length};
  }

  private static Map<String, Boolean> labels() throws IOException {
    Map<String, Boolean> labels = new HashMap<>();
    for (String line : Files.readAllLines(DATA.resolve("alpha_gt.csv"))) {
      List<String> f = Delimited.CSV.split(line);
      if (f != null && f.size() >= 2) {
        labels.merge("ba-" + f.get(0).strip(), f.get(1).strip().equals("-1"), Boolean::logicalOr);
      }
    }
    return labels;
  }

  /** The network as rows of the ratings table, mapped like scripts/import-ratings --positive-min 1 --negative-max -1. */
  private static Dataset<Row> ratings() {
    Dataset<Row> network = spark.read().schema(NETWORK).csv(DATA.resolve("alpha_network.csv").toString())
        .withColumn("line", org.apache.spark.sql.functions.monotonically_increasing_id());
    Map<String, Column> given = Map.of(
        "rating_id", concat(lit("ba-r"), col("line")), "trade_id", concat(lit("ba-t"), col("line")),
        "rater_id", concat(lit("ba-"), col("rater")), "ratee_id", concat(lit("ba-"), col("ratee")),
        "direction", lit("buyer_to_seller"),
        "score", when(col("rating").geq(1), lit("positive")).when(col("rating").leq(-1), lit("negative")).otherwise(lit("neutral")),
        "rated_at", timestamp_seconds(col("time")));
    List<Column> columns = new ArrayList<>();
    for (org.chengxin.core.schema.Column c : EventTables.RATINGS.columns()) {
      Column value = given.getOrDefault(c.name(), c.nullable() ? lit(null) : lit(c.type() == ColumnType.BOOLEAN ? "false" : "1"));
      columns.add(value.cast(SparkSchemas.dataType(c.type())).as(c.name()));
    }
    return network.select(columns.toArray(Column[]::new)).cache();
  }

  private static Dataset<Row> empty(org.chengxin.core.schema.TableSchema table) {
    return spark.createDataFrame(List.of(), SparkSchemas.of(table));
  }
}
