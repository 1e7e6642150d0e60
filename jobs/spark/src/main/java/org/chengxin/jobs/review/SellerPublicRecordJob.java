package org.chengxin.jobs.review;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.schema.PublicRecordTables;
import org.chengxin.core.schema.ScoreTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.JobRun;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.jobs.frame.SparkSessions;
import org.chengxin.review.ConfirmedCase;
import org.chengxin.review.PublicRecord;
import org.chengxin.review.PublicRecord.SellerRecord;
import org.chengxin.review.PublicRecordStore;
import org.chengxin.review.PublicViolation;
import org.chengxin.review.db.ReviewDatabase;

/**
 * seller_public_record for one day, the nightly run's step after the review-queue sync: each
 * seller's credit and DSR from the latest seller_scores partition at or before the day, joined with
 * the violations the case store says are public that day. The rules (which cases, each penalty's
 * end) are {@link PublicRecord}'s; the confirmed cases are few and read on the driver.
 */
public final class SellerPublicRecordJob {
  public static final String NAME = "seller_public_record";
  private static final TableSchema TABLE = PublicRecordTables.SELLER_PUBLIC_RECORD;
  /** The columns copied from seller_scores, in the table's order after scores_day. */
  private static final List<String> SCORE_COLUMNS = List.of("credit_points", "credit_level", "credit_badge", "credit_badge_count",
      "positive_rate", "dsr_item_as_described", "dsr_item_as_described_count", "dsr_service", "dsr_service_count",
      "dsr_logistics", "dsr_logistics_count");
  private static final List<String> RECORD_COLUMNS = List.of("seller_id", "confirmed_violations", "currently_penalised",
      "closed_until", "violations");

  private SellerPublicRecordJob() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("SellerPublicRecordJob",
          "Writes a day's seller_public_record: credit, DSR and confirmed violations per seller (docs/public-record.md).");
      Supplier<JobOptions> job = JobOptions.declare(cli);
      Supplier<Optional<String>> dbUrl = ReviewDatabaseOption.declare(cli);
      if (!cli.parse(args)) {
        return;
      }
      JobOptions options = job.get();
      List<ConfirmedCase> cases = new PublicRecordStore(ReviewDatabase.open(dbUrl.get(), Path.of(options.warehouse()))).confirmedCases();
      try (SparkSession spark = SparkSessions.create("chengxin-public-record " + options.date(), options.master())) {
        report(run(spark, options, cases), cases.size());
      }
    });
  }

  /** The one line an analyst reads on the terminal. */
  static void report(JobResult result, int confirmedCases) {
    System.err.printf("[chengxin] %s %s: %d confirmed cases, %d rows in, %d rows out, %.1f s%n",
        result.job(), result.day(), confirmedCases, result.rowsIn(), result.rowsOut(), result.seconds());
  }

  /** Writes the day's partition from the confirmed cases (all of them: the rules keep those public that day). */
  public static JobResult run(SparkSession spark, JobOptions options, List<ConfirmedCase> cases) {
    return JobRun.execute(spark, NAME, options, run -> {
      List<SellerRecord> sellers = PublicRecord.sellers(cases, run.day());
      run.note("sellers_with_violations", String.valueOf(sellers.size()));
      run.write(TABLE, table(run, sellers));
    });
  }

  private static Dataset<Row> table(JobRun run, List<SellerRecord> sellers) {
    Dataset<Row> scores = run.readLatest(ScoreTables.SELLER_SCORES)
        .orElseGet(() -> run.warehouse().empty(ScoreTables.SELLER_SCORES));
    List<Column> scoreColumns = new ArrayList<>(List.of(col("seller_id"), col("ds").as("scores_day")));
    SCORE_COLUMNS.forEach(name -> scoreColumns.add(col(name)));
    Dataset<Row> records = run.spark().createDataFrame(rows(sellers), recordSchema());
    Dataset<Row> joined = scores.select(scoreColumns.toArray(Column[]::new)).join(records, "seller_id", "full_outer");
    List<Column> out = new ArrayList<>();
    for (org.chengxin.core.schema.Column column : TABLE.columns()) {
      Column value = col(column.name());
      value = switch (column.name()) {
        case "confirmed_violations" -> coalesce(value, lit(0));
        case "currently_penalised" -> coalesce(value, lit(false));
        case "violations" -> coalesce(value, array().cast(SparkSchemas.dataType(column)));
        default -> value;
      };
      out.add(value.as(column.name()));
    }
    return joined.select(out.toArray(Column[]::new));
  }

  private static StructType recordSchema() {
    StructType schema = new StructType();
    for (String name : RECORD_COLUMNS) {
      org.chengxin.core.schema.Column column = TABLE.column(name).orElseThrow();
      schema = schema.add(name, SparkSchemas.dataType(column), column.nullable());
    }
    return schema;
  }

  static List<Row> rows(List<SellerRecord> sellers) {
    List<Row> rows = new ArrayList<>(sellers.size());
    for (SellerRecord seller : sellers) {
      List<Row> violations = new ArrayList<>();
      for (PublicViolation v : seller.violations()) {
        violations.add(RowFactory.create(date(v.decidedOn()), v.kind(), v.penalty().wire(), date(v.penaltyStart()),
            date(v.penaltyEnd()), v.penaltyState().wire(), v.appeal() == null ? null : v.appeal().wire()));
      }
      rows.add(RowFactory.create(seller.sellerId(), seller.violations().size(), seller.currentlyPenalised(),
          date(seller.closedUntil()), violations));
    }
    return rows;
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
