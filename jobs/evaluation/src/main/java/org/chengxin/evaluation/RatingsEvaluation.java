package org.chengxin.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.detectors.eval.RankingMetrics;
import org.chengxin.detectors.ratings.RatingPattern;

/**
 * rating_flags and rater_scores against the generator's planted malicious ratings and raters:
 * average precision of the flag scores over every buyer_to_seller rating up to the day, recall of
 * each planted pattern (flagged by any pattern), honest raters flagged, and honest raters whose
 * only negative is their one unlucky rating (the generator's ~1% of honest negatives) flagged. The
 * revision patterns (paid_off_extortion, bought_revision) are left out: {@link RevisionsEvaluation}.
 */
final class RatingsEvaluation implements DetectorEvaluation {
  static final String MALICIOUS_RATINGS = "malicious_ratings.csv";
  static final String MALICIOUS_RATERS = "malicious_raters.csv";
  private static final List<String> KEYS = List.of("malicious_ap", "malicious_ratings", "flagged_ratings",
      "extortion_recall", "attack_recall", "ring_boost_recall", "honest_flagged", "honest_flagged_share", "unlucky_raters", "unlucky_flagged");

  @Override
  public String name() {
    return "ratings";
  }

  @Override
  public void measure(EvaluationContext context, Metrics metrics) {
    boolean truthPresent = Files.isRegularFile(context.truthFile(MALICIOUS_RATINGS))
        && Files.isRegularFile(context.truthFile(MALICIOUS_RATERS));
    if (!truthPresent || !Files.isDirectory(java.nio.file.Path.of(
        context.warehouse().partitionPath(RatingTables.RATING_FLAGS.name(), context.date())))) {
      KEYS.forEach(k -> metrics.missing(name() + "." + k));
      return;
    }
    measure(context, new WarehouseTables(context.warehouse()), metrics);
  }

  private void measure(EvaluationContext context, WarehouseTables tables, Metrics metrics) {
    SparkSession spark = tables.spark();
    Dataset<Row> truth = spark.read().option("header", true).csv(context.truthFile(MALICIOUS_RATINGS).toString())
        .select(col("rating_id").as("truth_id"), col("pattern").as("truth_pattern"));
    Dataset<Row> maliciousRaters = spark.read().option("header", true).csv(context.truthFile(MALICIOUS_RATERS).toString())
        .select(col("account_id").as("rater_id")).distinct();
    // The revision patterns judge a rating's later revision, not the rating: revisions.* measures them.
    Dataset<Row> flags = tables.day(RatingTables.RATING_FLAGS, context.date()).orElseThrow()
        .filter(not(col("pattern").isin(RatingPattern.PAID_OFF_EXTORTION.wire(), RatingPattern.BOUGHT_REVISION.wire())));
    Optional<Dataset<Row>> ratings = tables.upTo(EventTables.RATINGS, context.date());
    if (ratings.isEmpty()) {
      KEYS.forEach(k -> metrics.missing(name() + "." + k));
      return;
    }
    Dataset<Row> scored =
        ratings.get().filter(col("direction").equalTo(RatingDirection.BUYER_TO_SELLER.wire()))
            .select(col("rating_id"), col("rater_id"), col("score").equalTo(RatingScore.NEGATIVE.wire()).as("negative"))
            .join(flags.groupBy("rating_id").agg(max("score").as("flag_score")), new String[] {"rating_id"}, "left")
            .join(truth, col("rating_id").equalTo(col("truth_id")), "left")
            .select(col("rating_id"), col("rater_id"), col("negative"), col("flag_score"), col("truth_pattern"))
            .cache();
    List<Row> rows = scored.select(col("flag_score"), col("truth_pattern").isNotNull()).collectAsList();
    double[] scores = new double[rows.size()];
    boolean[] malicious = new boolean[rows.size()];
    int positives = 0;
    for (int i = 0; i < scores.length; i++) {
      scores[i] = rows.get(i).isNullAt(0) ? 0 : rows.get(i).getDouble(0);
      malicious[i] = rows.get(i).getBoolean(1);
      positives += malicious[i] ? 1 : 0;
    }
    metrics.put(name() + ".malicious_ap", positives == 0 ? Double.NaN : RankingMetrics.averagePrecision(scores, malicious));
    metrics.put(name() + ".malicious_ratings", positives);
    metrics.put(name() + ".flagged_ratings", scored.filter(col("flag_score").isNotNull()).count());
    metrics.put(name() + ".extortion_recall", recall(scored, "extortion"));
    metrics.put(name() + ".attack_recall", recall(scored, "competitor_attack"));
    metrics.put(name() + ".ring_boost_recall", recall(scored, "ring_boost"));
    Dataset<Row> honest = scored.select("rater_id").distinct().join(maliciousRaters, new String[] {"rater_id"}, "left_anti");
    long honestRaters = honest.count();
    long honestFlagged = scored.filter(col("flag_score").isNotNull()).select("rater_id").distinct()
        .join(maliciousRaters, new String[] {"rater_id"}, "left_anti").count();
    metrics.put(name() + ".honest_flagged", honestFlagged);
    metrics.put(name() + ".honest_flagged_share", honestRaters == 0 ? Double.NaN : (double) honestFlagged / honestRaters);
    // Honest buyers with exactly one negative among the ratings they gave: none should be flagged.
    Row unlucky = scored.groupBy("rater_id")
        .agg(count_if(col("negative")).as("negatives"), count(col("flag_score")).as("flags"))
        .filter(col("negatives").equalTo(1))
        .join(maliciousRaters, new String[] {"rater_id"}, "left_anti")
        .agg(count(lit(1)), count_if(col("flags").gt(0)))
        .first();
    metrics.put(name() + ".unlucky_raters", unlucky.getLong(0));
    metrics.put(name() + ".unlucky_flagged", unlucky.getLong(1));
    scored.unpersist();
  }

  /** Share of the planted ratings of {@code pattern} (up to the day) that any flag caught; NaN when none were planted. */
  private static double recall(Dataset<Row> scored, String pattern) {
    Row r = scored.filter(col("truth_pattern").equalTo(lit(pattern)))
        .agg(count(lit(1)), count(col("flag_score"))).first();
    return r.getLong(0) == 0 ? Double.NaN : (double) r.getLong(1) / r.getLong(0);
  }
}
