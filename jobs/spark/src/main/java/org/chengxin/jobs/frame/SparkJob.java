package org.chengxin.jobs.frame;

import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.CommandLine;

/**
 * A nightly Spark job: one class, a typed options object, and one entry point. Jobs register in
 * {@link org.chengxin.jobs.NightlySparkJobs} in dependency order.
 *
 * @param <O> the job's options
 */
public interface SparkJob<O> {

  /** The job's name on the command line, in logs and in the run summary: snake_case. */
  String name();

  /** One line for --help. */
  String description();

  /** Declares the job's own options (beyond {@link JobOptions}) with their help text. */
  void declareOptions(CommandLine cli);

  /** Builds and validates the job's options from the shared ones and its own. */
  O options(JobOptions job, CommandLine cli);

  JobResult run(SparkSession spark, O options);
}
