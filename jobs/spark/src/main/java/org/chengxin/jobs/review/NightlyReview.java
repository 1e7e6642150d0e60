package org.chengxin.jobs.review;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.review.ConfirmedCase;
import org.chengxin.review.PublicRecordStore;
import org.chengxin.review.db.ReviewDatabase;

/**
 * The nightly run's review steps, run after the Spark jobs in their session ({@code NightlySparkJobs
 * --review}): the review-queue sync ({@link ReviewQueueSync}), then the day's public record
 * ({@link SellerPublicRecordJob}), with one database set-up. Each also runs alone through its own main.
 */
public final class NightlyReview {

  private NightlyReview() {}

  /**
   * @param dbUrl the review database; empty means the embedded server under the warehouse
   */
  public static void run(SparkSession spark, JobOptions options, Optional<String> dbUrl) throws SQLException {
    ReviewDatabase database = ReviewDatabase.open(dbUrl, Path.of(options.warehouse()));
    ReviewQueueSync.sync(spark, database, options);
    List<ConfirmedCase> cases = new PublicRecordStore(database).confirmedCases();
    JobResult result = SellerPublicRecordJob.run(spark, options, cases);
    SellerPublicRecordJob.report(result, cases.size());
  }
}
