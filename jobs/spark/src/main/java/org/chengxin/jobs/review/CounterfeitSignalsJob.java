package org.chengxin.jobs.review;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.event.CertificateStatus;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.event.ComplaintType;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.ReviewTables;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.JobRun;
import org.chengxin.jobs.frame.SparkJob;

/**
 * counterfeit_signals for one day: per seller, luxury sales in the trailing window without a
 * verified certificate for the brand (latest certificate status as of the day), luxury sales far
 * below the brand's usual price in its category (median and MAD over the market), and counterfeit
 * complaints upheld. Rules in {@link CounterfeitRules}.
 */
public final class CounterfeitSignalsJob implements SparkJob<JobOptions> {

  public static final String NAME = "counterfeit_signals";
  /** Evidence lists are capped so a queue case stays readable. */
  static final int MAX_IDS = 50;
  /** Relative accuracy of the approximate percentiles (1 / 10,000 of the range). */
  private static final int PERCENTILE_ACCURACY = 10_000;

  private static final UserDefinedFunction UNDERPRICED =
      udf((UDF3<Long, Double, Double, Boolean>) CounterfeitRules::underpriced, DataTypes.BooleanType).asNonNullable();
  private static final UserDefinedFunction SUSPECTED =
      udf((UDF4<Long, Long, Long, Long, Boolean>) CounterfeitRules::suspected, DataTypes.BooleanType).asNonNullable();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "uncertified and underpriced luxury sales, upheld counterfeit complaints per seller (counterfeit_signals)";
  }

  @Override
  public Function<JobOptions, JobOptions> declareOptions(Arguments cli) {
    // The window and thresholds are documented constants (docs/review.md).
    return Function.identity();
  }

  @Override
  public JobResult run(SparkSession spark, JobOptions options) {
    return JobRun.execute(spark, NAME, options, run -> run.write(ReviewTables.COUNTERFEIT_SIGNALS,
        signals(ReviewInputs.windowTrades(run), run.read(EventTables.CERTIFICATES, null, run.day()),
            ReviewInputs.windowComplaints(run))));
  }

  /**
   * @param trades the window's trades (not cancelled)
   * @param certificates every certificate event up to the day
   * @param complaints complaints filed in the window
   */
  static Dataset<Row> signals(Dataset<Row> trades, Dataset<Row> certificates, Dataset<Row> complaints) {
    // Every branded item is a luxury brand's: the catalogue only names brands that certificates cover.
    Dataset<Row> luxury = trades.filter(col("brand").isNotNull()).select("seller_id", "category", "brand", "price_minor");
    Dataset<Row> medians = luxury.groupBy("brand", "category")
        .agg(percentile_approx(col("price_minor").cast("double"), lit(0.5), lit(PERCENTILE_ACCURACY)).as("median_price"));
    Dataset<Row> market = luxury.join(medians, new String[] {"brand", "category"})
        .groupBy("brand", "category", "median_price")
        .agg(percentile_approx(abs(col("price_minor").minus(col("median_price"))), lit(0.5), lit(PERCENTILE_ACCURACY)).as("mad"));
    Dataset<Row> latestCertificate = certificates
        .withColumn("latest", row_number().over(Window.partitionBy("seller_id", "brand")
            .orderBy(col("recorded_at").desc(), col("certificate_id").desc())))
        .filter(col("latest").equalTo(1))
        .select(col("seller_id"), col("brand"), col("status").as("certificate_status"));
    // Burden of proof on the seller: only a verified latest status certifies the brand.
    Column uncertified = coalesce(col("certificate_status"), lit("")).notEqual(lit(CertificateStatus.VERIFIED.wire()));
    Dataset<Row> sales = luxury.join(market, new String[] {"brand", "category"})
        .join(latestCertificate, new String[] {"seller_id", "brand"}, "left")
        .withColumn("uncertified", uncertified)
        .withColumn("underpriced", UNDERPRICED.apply(col("price_minor"), col("median_price"), col("mad")))
        .groupBy("seller_id")
        .agg(count(lit(1)).as("luxury_trades"),
            count_if(col("uncertified")).as("uncertified_trades"),
            count_if(col("underpriced")).as("underpriced_trades"),
            array_sort(collect_set(when(col("uncertified"), col("brand")))).as("certificate_gaps"));
    Column upheld = col("outcome").equalTo(ComplaintOutcome.UPHELD.wire());
    Dataset<Row> counterfeitComplaints = complaints.filter(col("type").equalTo(ComplaintType.COUNTERFEIT.wire()))
        .groupBy("seller_id")
        .agg(count(lit(1)).as("counterfeit_complaints"),
            count_if(upheld).as("upheld_counterfeit_complaints"),
            slice(array_sort(collect_set(when(upheld, col("complaint_id")))), 1, MAX_IDS).as("complaint_ids"));
    Column noIds = array().cast("array<string>");
    return sales.join(counterfeitComplaints, new String[] {"seller_id"}, "full_outer")
        .select(col("seller_id"),
            coalesce(col("luxury_trades"), lit(0L)).as("luxury_trades"),
            coalesce(col("uncertified_trades"), lit(0L)).as("uncertified_trades"),
            coalesce(col("underpriced_trades"), lit(0L)).as("underpriced_trades"),
            coalesce(col("counterfeit_complaints"), lit(0L)).as("counterfeit_complaints"),
            coalesce(col("upheld_counterfeit_complaints"), lit(0L)).as("upheld_counterfeit_complaints"),
            coalesce(col("certificate_gaps"), noIds).as("certificate_gaps"),
            coalesce(col("complaint_ids"), noIds).as("complaint_ids"))
        .select(col("seller_id"), col("luxury_trades"), col("uncertified_trades"),
            share(col("uncertified_trades"), col("luxury_trades")).as("uncertified_share"),
            col("underpriced_trades"),
            share(col("underpriced_trades"), col("luxury_trades")).as("underpriced_share"),
            col("counterfeit_complaints"), col("upheld_counterfeit_complaints"), col("certificate_gaps"), col("complaint_ids"),
            SUSPECTED.apply(col("luxury_trades"), col("uncertified_trades"), col("underpriced_trades"),
                col("upheld_counterfeit_complaints")).as("suspected"));
  }

  /** part / whole, 0 when whole is 0. */
  static Column share(Column part, Column whole) {
    return when(whole.gt(0), part.cast("double").divide(whole)).otherwise(lit(0.0));
  }
}
