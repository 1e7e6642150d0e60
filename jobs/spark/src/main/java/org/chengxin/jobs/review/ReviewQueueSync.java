package org.chengxin.jobs.review;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.schema.ReviewTables;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.SparkSessions;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.chengxin.review.CaseStore;
import org.chengxin.review.Evidence;
import org.chengxin.review.FlaggedSeller;
import org.chengxin.review.RecommendedAction;
import org.chengxin.review.SyncResult;
import org.chengxin.review.db.ReviewDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly run's last step: syncs the day's review_queue partition into the PostgreSQL case
 * store (docs/review-queue.md: new cases open, open cases refresh, cases in review stay as they
 * are, cleared sellers without new evidence stay cleared). The queue is one row per flagged
 * seller, small enough to pass through the driver.
 */
public final class ReviewQueueSync {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewQueueSync.class);

  private ReviewQueueSync() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("ReviewQueueSync", "Brings a day's review_queue partition into the review database.");
      Supplier<JobOptions> job = JobOptions.declare(cli);
      Supplier<Optional<String>> dbUrl = ReviewDatabaseOption.declare(cli);
      if (!cli.parse(args)) {
        return;
      }
      JobOptions options = job.get();
      Path warehouse = Path.of(options.warehouse());
      ReviewDatabase database = ReviewDatabase.open(dbUrl.get(), warehouse);
      try (SparkSession spark = SparkSessions.create("chengxin-review-sync " + options.date(), options.master())) {
        sync(spark, database, options);
      }
    });
  }

  /** Syncs the day's review_queue partition into {@code database}; fails when the day has none. */
  static SyncResult sync(SparkSession spark, ReviewDatabase database, JobOptions options) throws java.sql.SQLException {
    LocalDate day = options.date();
    SparkWarehouse tables = SparkWarehouse.open(spark, options.warehouse());
    if (!tables.days(ReviewTables.REVIEW_QUEUE).contains(day)) {
      throw new UsageException("no review_queue partition for " + day + " in " + options.warehouse() + ": run the Spark jobs first");
    }
    List<FlaggedSeller> flagged = flaggedSellers(tables.read(ReviewTables.REVIEW_QUEUE, day, day).collectAsList());
    SyncResult result = new CaseStore(database, Clock.systemUTC()).sync(day, flagged);
    LOG.info("review queue {}: {} flagged sellers; {} cases opened, {} refreshed, {} left in review, {} suppressed",
        day, flagged.size(), result.opened(), result.refreshed(), result.leftInReview(), result.suppressed());
    System.err.printf("[chengxin] review sync %s: %d flagged, %d opened, %d refreshed, %d in review, %d suppressed%n",
        day, flagged.size(), result.opened(), result.refreshed(), result.leftInReview(), result.suppressed());
    return result;
  }

  static List<FlaggedSeller> flaggedSellers(List<Row> rows) {
    List<FlaggedSeller> sellers = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Evidence evidence = new Evidence(row.getList(row.fieldIndex("ring_ids")), row.getList(row.fieldIndex("flagged_rating_ids")),
          row.getList(row.fieldIndex("complaint_ids")), row.getList(row.fieldIndex("certificate_gaps")));
      sellers.add(new FlaggedSeller(row.getAs("seller_id"), row.getAs("priority"), row.getList(row.fieldIndex("reasons")),
          evidence, RecommendedAction.fromWire(row.getAs("recommended_action")),
          row.<java.sql.Date>getAs("first_flagged").toLocalDate(), row.<java.sql.Date>getAs("last_flagged").toLocalDate(),
          row.getAs("evidence_fingerprint"), row.getAs("category")));
    }
    return sellers;
  }
}
