package org.chengxin.jobs.review;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.unix_millis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.ReviewTables;
import org.chengxin.core.schema.ScoreTables;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.JobRun;
import org.chengxin.jobs.frame.SparkJob;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.models.RiskFeatures;
import org.chengxin.models.RiskModel;
import org.chengxin.models.RiskModelStore;
import scala.reflect.ClassTag$;

/**
 * seller_features and seller_risk for one day: every seller's features from every table that
 * exists (absent tables give 0), then the probability of fraud from the latest saved risk model,
 * whose version lands in a column and in the run summary.
 */
public final class SellerRiskJob implements SparkJob<SellerRiskJob.Options> {

  public static final String NAME = "seller_risk";
  private static final long QUICK_CONFIRM_MS = 3 * 3_600_000L;
  private static final double MS_PER_DAY = 86_400_000.0;
  private static final int PERCENTILE_ACCURACY = 10_000;

  /** @param models root of the saved model versions; the latest one scores */
  public record Options(JobOptions job, Path models) {
    public Options {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(models, "models");
    }

    /** The repository's models/risk (CHENGXIN_HOME is set by the scripts), else ./models/risk. */
    public static Path defaultModels() {
      String home = System.getenv("CHENGXIN_HOME");
      return (home == null ? Path.of("") : Path.of(home)).resolve("models").resolve("risk").toAbsolutePath();
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "risk model features and fraud probability per seller (seller_features, seller_risk)";
  }

  @Override
  public Function<JobOptions, Options> declareOptions(Arguments cli) {
    Arg<Path> models = cli.path("risk-models", "DIR",
        NAME + ": saved risk model versions; the latest scores (default: models/risk of the repository)");
    return job -> new Options(job, models.optional().orElseGet(Options::defaultModels));
  }

  @Override
  public JobResult run(SparkSession spark, Options options) {
    return JobRun.execute(spark, NAME, options.job(), run -> {
      run.write(ReviewTables.SELLER_FEATURES, features(run));
      // Features first: they are what scripts/train-risk-model needs when no model exists yet.
      RiskModel model = latestModel(options.models());
      run.note("model_version", model.version());
      Dataset<Row> features = run.warehouse().read(ReviewTables.SELLER_FEATURES, run.day(), run.day());
      run.write(ReviewTables.SELLER_RISK, score(features, model));
    });
  }

  private static RiskModel latestModel(Path models) {
    try {
      return new RiskModelStore(models).loadLatest();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** One row per seller with a trade in the window or a seller_scores row; the documented feature columns. */
  static Dataset<Row> features(JobRun run) {
    Dataset<Row> trades = ReviewInputs.windowTrades(run);
    Column confirmHours = unix_millis(col("confirmed_at")).minus(unix_millis(col("created_at")));
    Dataset<Row> activity = trades.groupBy("seller_id").agg(
        count(lit(1)).as("trades"),
        countDistinct("buyer_id").as("buyers"),
        count_if(col("confirmed_at").isNotNull()).as("confirmed"),
        count_if(confirmHours.leq(QUICK_CONFIRM_MS)).as("quick_confirmed"));
    Dataset<Row> categoryMedians = trades.groupBy("category")
        .agg(percentile_approx(col("price_minor").cast("double"), lit(0.5), lit(PERCENTILE_ACCURACY)).as("category_median"));
    Dataset<Row> prices = trades.join(categoryMedians, "category").groupBy("seller_id")
        .agg(percentile_approx(col("price_minor").divide(col("category_median")), lit(0.5), lit(PERCENTILE_ACCURACY))
            .as("price_to_category_median"));
    Timestamp dayEnd = Timestamp.from(run.day().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    // Only two narrow columns of all trade history: Parquet reads just those.
    Dataset<Row> firstTrade = run.read(EventTables.TRADES, null, run.day()).groupBy("seller_id")
        .agg(min("created_at").as("first_trade_at"));
    Dataset<Row> upheld = ReviewInputs.windowComplaints(run)
        .filter(col("outcome").equalTo(ComplaintOutcome.UPHELD.wire()))
        .groupBy("seller_id").agg(count(lit(1)).as("upheld_complaints"));

    Dataset<Row> sellers = activity.select("seller_id");
    Optional<Dataset<Row>> scores = run.readLatest(ScoreTables.SELLER_SCORES);
    if (scores.isPresent()) {
      sellers = sellers.union(scores.get().select("seller_id")).distinct();
    }
    Dataset<Row> rows = sellers.join(activity, new String[] {"seller_id"}, "left")
        .join(prices, new String[] {"seller_id"}, "left")
        .join(firstTrade, new String[] {"seller_id"}, "left")
        .join(upheld, new String[] {"seller_id"}, "left");
    rows = joinOptional(rows, scores.map(s -> s.select(col("seller_id"), col("credit_points"), col("credit_gap"),
        col("flagged_ratings"),
        col("positive_ratings").plus(col("neutral_ratings")).plus(col("negative_ratings")).as("counted_ratings"),
        col("negative_ratings"), col("dsr_item_as_described"))),
        "credit_points", "credit_gap", "flagged_ratings", "counted_ratings", "negative_ratings", "dsr_item_as_described");
    rows = joinOptional(rows, run.readLatest(ReviewTables.COUNTERFEIT_SIGNALS).map(c -> c.select(
        col("seller_id"), col("luxury_trades"), col("uncertified_share"), col("underpriced_share"),
        col("upheld_counterfeit_complaints"))),
        "luxury_trades", "uncertified_share", "underpriced_share", "upheld_counterfeit_complaints");
    rows = joinOptional(rows, ReviewInputs.detectorTable(run, "ring_members", List.of("account_id", "role", "member_score"))
        .map(m -> m.filter(col("role").equalTo("seller")).groupBy(col("account_id").as("seller_id"))
            .agg(lit(1.0).as("ring_member"), max("member_score").as("ring_score"))),
        "ring_member", "ring_score");
    rows = joinOptional(rows, ReviewInputs.detectorTable(run, "dissatisfaction", List.of("scope", "scope_id", "window_days", "shrunk_rate"))
        .map(d -> d.filter(col("scope").equalTo("seller").and(col("window_days").equalTo(ReviewInputs.WINDOW_DAYS)))
            .select(col("scope_id").as("seller_id"), col("shrunk_rate"))),
        "shrunk_rate");

    Column age = greatest(lit(0.0), lit(dayEnd.getTime()).minus(unix_millis(col("first_trade_at"))).divide(MS_PER_DAY));
    Column tradeCount = num("trades");
    List<Column> out = new ArrayList<>();
    out.add(col("seller_id"));
    out.add(tradeCount.as("trades"));
    out.add(num("buyers").as("buyers"));
    out.add(CounterfeitSignalsJob.share(tradeCount.minus(num("buyers")), tradeCount).as("repeat_buyer_share"));
    out.add(CounterfeitSignalsJob.share(num("quick_confirmed"), num("confirmed")).as("quick_confirm_share"));
    out.add(num("price_to_category_median").as("price_to_category_median"));
    out.add(coalesce(age, lit(0.0)).as("account_age_days"));
    out.add(num("credit_points").as("credit_points"));
    out.add(num("credit_points").divide(greatest(coalesce(age, lit(0.0)), lit(1.0))).as("credit_per_day"));
    out.add(least(lit(1.0), greatest(lit(0.0), num("credit_gap").divide(greatest(num("credit_points"), lit(1.0)))))
        .as("credit_suspect_share"));
    out.add(CounterfeitSignalsJob.share(num("flagged_ratings"), num("counted_ratings")).as("flagged_rating_share"));
    out.add(CounterfeitSignalsJob.share(num("negative_ratings"), num("counted_ratings")).as("negative_rate"));
    out.add(num("dsr_item_as_described").as("dsr_item_as_described"));
    out.add(num("ring_member").as("ring_member"));
    out.add(num("ring_score").as("ring_score"));
    out.add(num("luxury_trades").as("luxury_trades"));
    out.add(num("uncertified_share").as("uncertified_share"));
    out.add(num("underpriced_share").as("underpriced_share"));
    out.add(num("upheld_counterfeit_complaints").as("upheld_counterfeit_complaints"));
    out.add(coalesce(col("shrunk_rate"), CounterfeitSignalsJob.share(num("upheld_complaints"), tradeCount))
        .as("upheld_complaint_rate"));
    return rows.select(out.toArray(Column[]::new));
  }

  /** The model's probability per seller; the model is broadcast once and applied per partition. */
  static Dataset<Row> score(Dataset<Row> features, RiskModel model) {
    SparkSession spark = features.sparkSession();
    Broadcast<RiskModel> shared = spark.sparkContext().broadcast(model, ClassTag$.MODULE$.apply(RiskModel.class));
    String version = model.version();
    int[] at = RiskFeatures.NAMES.stream().mapToInt(features.schema()::fieldIndex).toArray();
    int sellerAt = features.schema().fieldIndex("seller_id");
    MapPartitionsFunction<Row, Row> scoreAll = rows -> new Iterator<>() {
      private final RiskModel local = shared.value();

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        double[] values = new double[at.length];
        for (int i = 0; i < at.length; i++) {
          values[i] = row.getDouble(at[i]);
        }
        return RowFactory.create(row.getString(sellerAt), local.risk(values), version);
      }
    };
    return features.mapPartitions(scoreAll, Encoders.row(SparkSchemas.of(ReviewTables.SELLER_RISK)));
  }

  /** Left-joins a per-seller table that may be absent; without it, its {@code columns} are nulls (features 0). */
  private static Dataset<Row> joinOptional(Dataset<Row> rows, Optional<Dataset<Row>> table, String... columns) {
    if (table.isPresent()) {
      return rows.join(table.get(), new String[] {"seller_id"}, "left");
    }
    for (String column : columns) {
      rows = rows.withColumn(column, lit(null).cast("double"));
    }
    return rows;
  }

  /** A numeric column as double, 0 when null or when its table was absent (column missing). */
  private static Column num(String name) {
    return coalesce(col(name).cast("double"), lit(0.0));
  }
}
