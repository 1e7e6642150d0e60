package org.chengxin.jobs.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.SparkSessions;
import org.chengxin.review.ConfirmedCase;
import org.chengxin.review.PublicRecordStore;
import org.chengxin.review.db.ReviewDatabase;

/**
 * The nightly run's review steps in one JVM, one Spark session and one database connection set-up:
 * the review-queue sync ({@link ReviewQueueSync}), then the day's public record
 * ({@link SellerPublicRecordJob}). Each also runs alone through its own main.
 */
public final class NightlyReview {

  private NightlyReview() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("NightlyReview",
          "Syncs a day's review_queue into the review database, then writes the day's seller_public_record.");
      Supplier<JobOptions> job = JobOptions.declare(cli);
      Supplier<Optional<String>> dbUrl = ReviewDatabaseOption.declare(cli);
      if (!cli.parse(args)) {
        return;
      }
      JobOptions options = job.get();
      ReviewDatabase database = ReviewDatabase.open(dbUrl.get(), Path.of(options.warehouse()));
      try (SparkSession spark = SparkSessions.create("chengxin-review " + options.date(), options.master())) {
        ReviewQueueSync.sync(spark, database, options);
        List<ConfirmedCase> cases = new PublicRecordStore(database).confirmedCases();
        JobResult result = SellerPublicRecordJob.run(spark, options, cases);
        SellerPublicRecordJob.report(result, cases.size());
      }
    });
  }
}
