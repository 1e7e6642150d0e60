package org.chengxin.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Files;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.DissatisfactionTables;

/**
 * The dissatisfaction job against the generator's per-seller truth, over the trailing 90-day window
 * (which is all history for runs of up to 90 days):
 *
 * <ul>
 *   <li>{@code shrunk_mse_ratio}: mean squared error of the empirical-Bayes {@code shrunk_rate} over
 *       that of the raw {@code upheld / trades}, both against {@code true_dissatisfaction_rate} of
 *       {@code truth/seller_truth.csv}, over sellers with trades in the window (the issue asks <= 0.5);
 *   <li>{@code raw_mse}, {@code shrunk_mse}, {@code sellers}: the parts of the ratio;
 *   <li>{@code shrunk_mse_ratio_honest}: the same ratio over the truth's {@code honest} sellers only
 *       (the planted fraudulent sellers' rates are orders of magnitude higher and dominate both errors);
 *   <li>{@code shrunk_mse_ratio_flagged}, {@code flagged_sellers}: the same ratio over the sellers the
 *       job flagged ({@code flagged_trades > 0}: shrunk toward their kind's prior; the issue asks <= 1),
 *       and how many they are (null ratio when none);
 *   <li>{@code interval_coverage}: share of sellers whose posterior interval
 *       [{@code shrunk_lower}, {@code shrunk_upper}] holds the true rate;
 *   <li>{@code platform_rate}, {@code platform_target_met}: the platform row of the same window.
 * </ul>
 *
 * The raw rates are biased low near the run day (complaints come days after their trades), and so
 * are the shrunk ones: both are measured as the job reports them.
 */
final class DissatisfactionEvaluation implements DetectorEvaluation {
  static final int WINDOW_DAYS = 90;
  private static final String TRUTH = "seller_truth.csv";
  private static final List<String> KEYS =
      List.of("shrunk_mse_ratio", "shrunk_mse_ratio_honest", "shrunk_mse_ratio_flagged", "interval_coverage", "raw_mse",
          "shrunk_mse", "sellers", "flagged_sellers", "platform_rate", "platform_target_met");
  /** The keys that need at least one seller with trades. */
  private static final List<String> ERROR_KEYS =
      List.of("shrunk_mse_ratio", "shrunk_mse_ratio_honest", "shrunk_mse_ratio_flagged", "interval_coverage", "raw_mse",
          "shrunk_mse");

  @Override
  public String name() {
    return "dissatisfaction";
  }

  @Override
  public void measure(EvaluationContext context, Metrics metrics) {
    String table = DissatisfactionTables.DISSATISFACTION.name();
    String partition = context.warehouse().partitionPath(table, context.date());
    if (!context.warehouse().fileSystem().exists(partition) || !Files.isRegularFile(context.truthFile(TRUTH))) {
      KEYS.forEach(key -> metrics.missing(name() + "." + key));
      return;
    }
    SparkSession spark = WarehouseTables.session();
    Dataset<Row> rows = spark.read().parquet(partition).filter(col("window_days").equalTo(lit(WINDOW_DAYS)));
    Dataset<Row> truth = spark.read().option("header", "true").csv(context.truthFile(TRUTH).toString())
        .select(col("seller_id").as("truth_seller_id"), col("true_dissatisfaction_rate").cast("double").as("truth"),
            col("kind").equalTo(lit("honest")).as("honest"));
    Column raw = pow(col("upheld").divide(col("trades")).minus(col("truth")), 2);
    Column shrunk = pow(col("shrunk_rate").minus(col("truth")), 2);
    Column flagged = col("flagged_trades").gt(0);
    Column covered = col("shrunk_lower").leq(col("truth")).and(col("truth").leq(col("shrunk_upper")));
    Row errors = rows
        .filter(col("scope").equalTo(lit("seller")).and(col("trades").gt(0)))
        .join(truth, col("scope_id").equalTo(col("truth_seller_id")))
        .agg(count(lit(1)).as("sellers"),
            sum(raw).as("raw"),
            sum(shrunk).as("shrunk"),
            sum(when(col("honest"), raw)).as("raw_honest"),
            sum(when(col("honest"), shrunk)).as("shrunk_honest"),
            sum(when(flagged, raw)).as("raw_flagged"),
            sum(when(flagged, shrunk)).as("shrunk_flagged"),
            sum(when(flagged, 1L).otherwise(0L)).as("flagged_sellers"),
            sum(when(covered, 1L).otherwise(0L)).as("covered"))
        .first();
    long sellers = errors.getLong(0);
    if (sellers == 0) {
      ERROR_KEYS.forEach(key -> metrics.missing(name() + "." + key));
    } else {
      double rawMse = errors.getDouble(1) / sellers;
      double shrunkMse = errors.getDouble(2) / sellers;
      metrics.put(name() + ".shrunk_mse_ratio", shrunkMse / rawMse)
          .put(name() + ".shrunk_mse_ratio_honest", errors.isNullAt(4) ? Double.NaN : errors.getDouble(4) / errors.getDouble(3))
          .put(name() + ".shrunk_mse_ratio_flagged", errors.isNullAt(6) ? Double.NaN : errors.getDouble(6) / errors.getDouble(5))
          .put(name() + ".interval_coverage", (double) errors.getLong(8) / sellers)
          .put(name() + ".raw_mse", rawMse)
          .put(name() + ".shrunk_mse", shrunkMse);
    }
    metrics.put(name() + ".sellers", sellers).put(name() + ".flagged_sellers", sellers == 0 ? 0L : errors.getLong(7));
    List<Row> platform = rows.filter(col("scope").equalTo(lit("platform"))).select(col("rate"), col("target_met")).collectAsList();
    if (platform.isEmpty() || platform.get(0).isNullAt(0)) {
      metrics.missing(name() + ".platform_rate");
    } else {
      metrics.put(name() + ".platform_rate", platform.get(0).getDouble(0));
    }
    if (platform.isEmpty()) {
      metrics.missing(name() + ".platform_target_met");
    } else {
      metrics.put(name() + ".platform_target_met", platform.get(0).getBoolean(1));
    }
  }
}
