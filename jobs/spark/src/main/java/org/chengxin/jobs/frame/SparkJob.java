package org.chengxin.jobs.frame;

import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;

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

  /**
   * Declares the job's own options (beyond {@link JobOptions}), each once with its help, default and
   * range; returns how to build the job's options from the shared ones once the arguments are parsed.
   */
  Function<JobOptions, O> declareOptions(Arguments cli);

  JobResult run(SparkSession spark, O options);
}
