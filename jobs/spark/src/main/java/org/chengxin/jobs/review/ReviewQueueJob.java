package org.chengxin.jobs.review;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.ReviewTables;
import org.chengxin.detectors.ratings.RatingPattern;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.JobRun;
import org.chengxin.jobs.frame.SparkJob;
import org.chengxin.jobs.frame.SparkSchemas;

/**
 * review_queue for one day: every seller whose risk reaches the threshold, or who is a counterfeit
 * suspect (burden of proof), with priority, reasons, evidence pointers and recommended action
 * from {@link QueueCase}. The first flagged day carries over from the previous partition.
 */
public final class ReviewQueueJob implements SparkJob<ReviewQueueJob.Options> {

  public static final String NAME = "review_queue";

  /** @param riskThreshold a seller at or above this risk is flagged */
  public record Options(JobOptions job, double riskThreshold) {
    public static final double DEFAULT_RISK_THRESHOLD = 0.5;

    public Options {
      Objects.requireNonNull(job, "job");
      if (!(riskThreshold > 0 && riskThreshold <= 1)) {
        throw new IllegalArgumentException("risk threshold must be in (0, 1]: " + riskThreshold);
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "flagged sellers with priority, reasons, evidence and action (review_queue)";
  }

  @Override
  public Function<JobOptions, Options> declareOptions(Arguments cli) {
    Arg<Double> threshold = cli.number("queue-risk-threshold", "P", NAME + ": flag sellers with risk >= P; counterfeit "
        + "suspects are flagged whatever their risk", Options.DEFAULT_RISK_THRESHOLD, 1e-9, 1);
    return job -> new Options(job, threshold.value());
  }

  @Override
  public JobResult run(SparkSession spark, Options options) {
    return JobRun.execute(spark, NAME, options.job(), run -> run.write(ReviewTables.REVIEW_QUEUE, queue(run, options)));
  }

  private static Dataset<Row> queue(JobRun run, Options options) {
    LocalDate day = run.day();
    Dataset<Row> risk = run.read(ReviewTables.SELLER_RISK, day, day).drop("ds");
    Dataset<Row> features = run.read(ReviewTables.SELLER_FEATURES, day, day).drop("ds");
    Optional<Dataset<Row>> counterfeit = run.readLatest(ReviewTables.COUNTERFEIT_SIGNALS);
    Column noIds = array().cast("array<string>");
    Dataset<Row> rows = risk.join(features, "seller_id");
    if (counterfeit.isPresent()) {
      rows = rows.join(counterfeit.get().select(col("seller_id"), col("suspected"), col("certificate_gaps"),
          col("upheld_counterfeit_complaints").as("upheld_counterfeit")), new String[] {"seller_id"}, "left");
    } else {
      rows = rows.withColumn("suspected", lit(false)).withColumn("certificate_gaps", noIds)
          .withColumn("upheld_counterfeit", lit(0L));
    }
    // A seller with a burst of bought revisions is a case whatever its risk; its victims of paid-off
    // extortion are not charged with the complaints they paid.
    Optional<Dataset<Row>> ratingFlags = ReviewInputs.detectorTable(run, "rating_flags",
        List.of("rating_id", "ratee_id", "pattern", "revised_at", "complaint_id"));
    rows = leftJoinBought(rows, ratingFlags.map(f -> boughtRevisions(f, day)).orElse(null));
    Dataset<Row> flagged = rows.filter(col("risk").geq(options.riskThreshold()).or(coalesce(col("suspected"), lit(false)))
        .or(col("bought_revisions").gt(0)));

    Dataset<Row> ringIds = ReviewInputs.detectorTable(run, "ring_members", List.of("ring_id", "account_id", "role"))
        .map(m -> m.filter(col("role").equalTo("seller")).groupBy(col("account_id").as("seller_id"))
            .agg(array_sort(collect_set("ring_id")).as("ring_ids")))
        .orElse(null);
    Dataset<Row> flaggedRatings = ratingFlags
        .map(f -> run.read(EventTables.RATINGS, ReviewInputs.windowStart(day), day)
            .filter(col("direction").equalTo(RatingDirection.BUYER_TO_SELLER.wire()))
            .join(f.select("rating_id").distinct(), "rating_id")
            .groupBy(col("ratee_id").as("seller_id"))
            .agg(slice(array_sort(collect_set("rating_id")), 1, CounterfeitSignalsJob.MAX_IDS).as("flagged_rating_ids")))
        .orElse(null);
    Dataset<Row> upheld = ReviewInputs.windowComplaints(run).filter(col("outcome").equalTo(ComplaintOutcome.UPHELD.wire()));
    Column paidOff = lit(false);
    if (ratingFlags.isPresent()) {
      Dataset<Row> paidOffIds = ratingFlags.get().filter(col("pattern").equalTo(RatingPattern.PAID_OFF_EXTORTION.wire()))
          .select(col("complaint_id").as("paid_off_id")).distinct();
      upheld = upheld.join(paidOffIds, col("complaint_id").equalTo(col("paid_off_id")), "left");
      paidOff = col("paid_off_id").isNotNull();
    }
    Dataset<Row> complaintIds = upheld
        .groupBy("seller_id")
        .agg(count_if(not(paidOff)).as("upheld_complaints"), count_if(paidOff).as("paid_off_complaints"),
            slice(array_sort(collect_set(when(not(paidOff), col("complaint_id")))), 1, CounterfeitSignalsJob.MAX_IDS)
                .as("complaint_ids"));
    Dataset<Row> previous = run.warehouse().latest(ReviewTables.REVIEW_QUEUE, day.minusDays(1))
        .map(d -> run.read(ReviewTables.REVIEW_QUEUE, d, d).select(col("seller_id"), col("first_flagged").as("previous_first_flagged")))
        .orElse(null);

    flagged = leftJoinIds(flagged, ringIds, "ring_ids", noIds);
    flagged = leftJoinIds(flagged, flaggedRatings, "flagged_rating_ids", noIds);
    flagged = leftJoinIds(flagged, complaintIds, "complaint_ids", noIds)
        .withColumn("upheld_complaints", coalesce(col("upheld_complaints"), lit(0L)))
        .withColumn("paid_off_complaints", coalesce(col("paid_off_complaints"), lit(0L)));
    flagged = previous == null ? flagged.withColumn("previous_first_flagged", lit(null).cast("date"))
        : flagged.join(previous, new String[] {"seller_id"}, "left");
    flagged = flagged.join(mainCategories(run), new String[] {"seller_id"}, "left");

    MapFunction<Row, Row> toCase = row -> {
      QueueCase.Input in = input(row, day);
      return toRow(QueueCase.of(in), in, row.getAs("category"));
    };
    return flagged.map(toCase, Encoders.row(SparkSchemas.of(ReviewTables.REVIEW_QUEUE)));
  }

  /**
   * seller_id, category: the category of most of the seller's trades in the window (a tie: the first
   * by name), which the review console's queue filters by.
   */
  private static Dataset<Row> mainCategories(JobRun run) {
    return ReviewInputs.windowTrades(run).groupBy("seller_id", "category").agg(count(lit(1)).as("category_trades"))
        .withColumn("place", row_number().over(Window.partitionBy("seller_id").orderBy(col("category_trades").desc(), col("category"))))
        .filter(col("place").equalTo(1)).select("seller_id", "category");
  }

  /**
   * seller_id, bought_revisions, bought_from, bought_to: the seller's ratings flagged bought_revision
   * whose revision came in the trailing window.
   */
  private static Dataset<Row> boughtRevisions(Dataset<Row> flags, LocalDate day) {
    Column revisedOn = to_date(col("revised_at"));
    return flags.filter(col("pattern").equalTo(RatingPattern.BOUGHT_REVISION.wire())
            .and(revisedOn.geq(lit(Date.valueOf(ReviewInputs.windowStart(day))))))
        .groupBy(col("ratee_id").as("seller_id"))
        .agg(countDistinct(col("rating_id")).as("bought_revisions"), min(revisedOn).as("bought_from"),
            max(revisedOn).as("bought_to"));
  }

  private static Dataset<Row> leftJoinBought(Dataset<Row> rows, Dataset<Row> bought) {
    if (bought == null) {
      return rows.withColumn("bought_revisions", lit(0L)).withColumn("bought_from", lit(null).cast("date"))
          .withColumn("bought_to", lit(null).cast("date"));
    }
    return rows.join(bought, new String[] {"seller_id"}, "left")
        .withColumn("bought_revisions", coalesce(col("bought_revisions"), lit(0L)));
  }

  private static Dataset<Row> leftJoinIds(Dataset<Row> rows, Dataset<Row> ids, String column, Column noIds) {
    if (ids == null) {
      return rows.withColumn(column, noIds);
    }
    return rows.join(ids, new String[] {"seller_id"}, "left").withColumn(column, coalesce(col(column), noIds));
  }

  static QueueCase.Input input(Row row, LocalDate day) {
    Date previous = row.getAs("previous_first_flagged");
    Boolean suspected = row.getAs("suspected");
    Long upheldCounterfeit = row.getAs("upheld_counterfeit");
    return new QueueCase.Input(row.getAs("seller_id"), day, row.getAs("risk"), row.getAs("model_version"),
        Math.round((double) row.getAs("trades")), Math.round((double) row.getAs("buyers")),
        row.<Long>getAs("upheld_complaints"),
        row.getAs("quick_confirm_share"), row.getAs("repeat_buyer_share"), row.getAs("credit_per_day"),
        row.getAs("account_age_days"), row.getAs("credit_suspect_share"),
        Math.round((double) row.getAs("luxury_trades")), row.getAs("uncertified_share"), row.getAs("underpriced_share"),
        upheldCounterfeit == null ? 0 : upheldCounterfeit, suspected != null && suspected,
        strings(row, "ring_ids"), strings(row, "flagged_rating_ids"), strings(row, "complaint_ids"),
        strings(row, "certificate_gaps"), previous == null ? null : previous.toLocalDate(), revisions(row));
  }

  private static QueueCase.Revisions revisions(Row row) {
    long bought = row.<Long>getAs("bought_revisions");
    Date from = row.getAs("bought_from");
    Date to = row.getAs("bought_to");
    return new QueueCase.Revisions(bought, from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(),
        row.<Long>getAs("paid_off_complaints"));
  }

  private static List<String> strings(Row row, String column) {
    int at = row.fieldIndex(column);
    return row.isNullAt(at) ? List.of() : row.getList(at);
  }

  private static Row toRow(QueueCase.Flag flag, QueueCase.Input in, String category) {
    return RowFactory.create(in.sellerId(), flag.priority(), in.risk(), flag.exposure(), in.trades(), in.buyers(),
        in.upheldComplaints(), seq(flag.reasons()), seq(in.ringIds()), seq(in.flaggedRatingIds()), seq(in.complaintIds()),
        seq(in.certificateGaps()), flag.action().wire(), Date.valueOf(flag.firstFlagged()),
        Date.valueOf(in.day()), flag.evidenceFingerprint(), in.modelVersion(), category);
  }

  /** Array columns of a Row built by hand must hold Scala sequences, not Java lists. */
  private static scala.collection.Seq<String> seq(List<String> values) {
    return scala.jdk.javaapi.CollectionConverters.asScala(values).toSeq();
  }
}
