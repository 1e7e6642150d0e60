package org.chengxin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.report.RunReport;
import org.chengxin.core.report.RunReport.Detection;
import org.chengxin.core.report.RunReport.RatePoint;
import org.chengxin.core.schema.DissatisfactionTables;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.core.schema.ReviewTables;
import org.chengxin.core.schema.RingTables;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.SparkWarehouse;

/**
 * The last step of a nightly Spark run ({@code NightlySparkJobs --review}): the day's HTML run report
 * beside its summary ({@link RunReport}), with the day's detections and the platform's 30-day
 * dissatisfaction rate over the runs read from the tables just written. Small reads: a few
 * aggregates of the day's partitions and one row per run day.
 */
final class NightlyRunReport {
  // The report's chart: the 30-day window, long enough for the rate to mean something day to day.
  private static final int WINDOW_DAYS = 30;

  private NightlyRunReport() {}

  static void write(SparkSession spark, JobOptions options) {
    SparkWarehouse warehouse = SparkWarehouse.open(spark, options.warehouse());
    LocalDate day = options.date();
    List<Detection> detections = new ArrayList<>();
    detections.add(new Detection("rings found", warehouse.read(RingTables.RINGS, day, day).count()));
    for (Row pattern : warehouse.read(RatingTables.RATING_FLAGS, day, day).groupBy("pattern").count().orderBy("pattern").collectAsList()) {
      detections.add(new Detection("flagged ratings (all history): " + pattern.getString(0), pattern.getLong(1)));
    }
    var queue = warehouse.read(ReviewTables.REVIEW_QUEUE, day, day);
    detections.add(new Detection("sellers flagged for review", queue.count()));
    detections.add(new Detection("newly flagged sellers", queue.filter(col("first_flagged").equalTo(lit(Date.valueOf(day)))).count()));

    List<RatePoint> rates = new ArrayList<>();
    for (Row row : warehouse.read(DissatisfactionTables.DISSATISFACTION, null, day)
        .filter(col("scope").equalTo("platform").and(col("window_days").equalTo(WINDOW_DAYS)))
        .select("ds", "rate", "clopper_pearson_lower", "clopper_pearson_upper").orderBy("ds").collectAsList()) {
      rates.add(new RatePoint(row.getDate(0).toLocalDate(), row.isNullAt(1) ? null : row.getDouble(1), row.getDouble(2), row.getDouble(3)));
    }
    RunReport.write(warehouse.warehouse(), day, new RunSummaries(warehouse.warehouse()).read(day), detections, rates);
    System.err.printf("[chengxin] %s run report: %s%n", day, warehouse.warehouse().runReportPath(day));
  }
}
