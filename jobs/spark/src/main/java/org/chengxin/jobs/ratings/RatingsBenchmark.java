package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.CommandLine;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.jobs.frame.SparkSessions;
import org.chengxin.jobs.frame.SparkWarehouse;

/**
 * {@code scripts/bench-ratings}: writes a synthetic rating history of N ratings (skewed raters and
 * sellers, 2% negative, 3% neutral, over 90 days; one rater per 5 ratings, one seller per 50) into a
 * fresh warehouse as the ratings table, with complaints and trades, and times the
 * rater_reliability job on it. Prints one JSON line per size.
 */
public final class RatingsBenchmark {
  private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 30);
  private static final long HISTORY_SECONDS = 90L * 86_400;

  private RatingsBenchmark() {}

  public static void main(String[] args) {
    CommandLine.runMain(() -> {
      CommandLine cli = new CommandLine("RatingsBenchmark --ratings N --work DIR [--master URL]")
          .option("ratings", "N", "ratings to generate (required)")
          .option("work", "DIR", "scratch folder; the warehouse goes to DIR/warehouse-N (required)")
          .option("master", "URL", "Spark master (default embedded local[*])");
      if (!cli.parse(args)) {
        return;
      }
      long n = cli.longValue("ratings", 0, 1_000, 1_000_000_000);
      String warehouse = cli.path("work").resolve("warehouse-" + n).toString();
      try (SparkSession spark = SparkSessions.create("chengxin-bench-ratings", cli.get("master"))) {
        long started = System.nanoTime();
        write(spark, warehouse, n);
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        JobResult result = new RaterReliabilityJob().run(spark,
            RaterReliabilityJob.Options.of(JobOptions.of(warehouse, LAST_DAY), RatingDetectionOptions.defaults()));
        var entry = new org.chengxin.core.warehouse.RunSummaries(SparkWarehouse.open(spark, warehouse).warehouse())
            .read(LAST_DAY).path("jobs").path(RaterReliabilityJob.NAME);
        System.out.printf("{\"ratings\":%d,\"generate_seconds\":%.1f,\"job_seconds\":%.1f,\"iterations\":%s,"
                + "\"converged\":%s,\"rater_scores\":%d,\"rating_flags\":%d,\"ratings_per_second\":%.0f}%n",
            n, generateSeconds, result.seconds(), entry.path("reliability_iterations").asText(),
            entry.path("reliability_converged").asText(), result.outputs().getOrDefault("rater_scores", 0L),
            result.outputs().getOrDefault("rating_flags", 0L), n / result.seconds());
      }
    });
  }

  /** The synthetic ratings (one partition per day would be slower to write; one partition holds them all). */
  private static void write(SparkSession spark, String root, long n) {
    long raters = Math.max(10, n / 5);
    long sellers = Math.max(10, n / 50);
    long start = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - HISTORY_SECONDS;
    Dataset<Row> base = spark.range(n)
        .select(col("id"),
            floor(pow(rand(1), 2).multiply(raters)).as("rater"),
            floor(pow(rand(2), 3).multiply(sellers)).as("seller"),
            rand(3).as("u"),
            floor(rand(4).multiply(HISTORY_SECONDS)).plus(start).as("t"));
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root);
    Column score = when(col("u").lt(0.02), lit("negative")).when(col("u").lt(0.05), lit("neutral")).otherwise(lit("positive"));
    warehouse.writeDay(EventTables.RATINGS, LAST_DAY, rows(EventTables.RATINGS, base, Map.of(
        "rating_id", concat(lit("r"), col("id")), "trade_id", concat(lit("t"), col("id")),
        "rater_id", concat(lit("b"), col("rater")), "ratee_id", concat(lit("s"), col("seller")),
        "direction", lit("buyer_to_seller"), "score", score, "rated_at", timestamp_seconds(col("t")))));
    warehouse.writeDay(EventTables.TRADES, LAST_DAY, rows(EventTables.TRADES, base, Map.of(
        "trade_id", concat(lit("t"), col("id")), "buyer_id", concat(lit("b"), col("rater")), "seller_id", concat(lit("s"), col("seller")),
        "created_at", timestamp_seconds(col("t").minus(86_400)), "device_key", concat(lit("d"), col("rater")),
        "ip_key", concat(lit("i"), floor(col("rater").divide(3))), "address_key", concat(lit("a"), col("rater")))));
    Dataset<Row> complaining = base.filter(col("u").lt(0.02).and(col("id").mod(4).equalTo(0)));
    warehouse.writeDay(EventTables.COMPLAINTS, LAST_DAY, rows(EventTables.COMPLAINTS, complaining, Map.of(
        "complaint_id", concat(lit("c"), col("id")), "trade_id", concat(lit("t"), col("id")), "buyer_id", concat(lit("b"), col("rater")), "seller_id", concat(lit("s"), col("seller")),
        "filed_at", timestamp_seconds(col("t").minus(3 * 86_400)), "resolved_at", timestamp_seconds(col("t").minus(3_600)),
        "outcome", when(col("id").mod(8).equalTo(0), lit("rejected")).otherwise(lit("upheld")))));
  }

  /** The table's columns in order: the given ones, the rest constant defaults (nullable ones null). */
  private static Dataset<Row> rows(TableSchema table, Dataset<Row> base, Map<String, Column> given) {
    List<Column> columns = new ArrayList<>();
    for (org.chengxin.core.schema.Column column : table.columns()) {
      Column value = given.containsKey(column.name()) ? given.get(column.name())
          : column.nullable() ? lit(null) : switch (column.type()) {
        case STRING -> lit("bench");
        case INT -> lit(1);
        case LONG -> lit(1L);
        case BOOLEAN -> lit(column.name().equals("trade_known"));
        case TIMESTAMP -> timestamp_seconds(col("t"));
        default -> lit(0.0);
      };
      columns.add(value.cast(SparkSchemas.dataType(column.type())).as(column.name()));
    }
    return base.select(columns.toArray(Column[]::new));
  }
}
