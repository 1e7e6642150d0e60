package org.chengxin.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.jobs.dissatisfaction.DissatisfactionJob;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.SparkJob;
import org.chengxin.jobs.frame.SparkSessions;
import org.chengxin.jobs.ratings.RaterReliabilityJob;
import org.chengxin.jobs.review.NightlyReview;
import org.chengxin.jobs.review.ReviewDatabaseOption;
import org.chengxin.jobs.scores.SellerScoresJob;

/**
 * The Spark part of the nightly run: every registered job, in dependency order, in one
 * SparkSession; or only the jobs named with {@code --job}. Entry point of {@code scripts/run-job}
 * and of {@code spark-submit} with the shaded job jar.
 */
public final class NightlySparkJobs {

  /** Every nightly Spark job, in dependency order: a job only reads tables of jobs before it. */
  // counterfeit_signals runs before dissatisfaction, whose attribution reads it; seller_risk (which
  // reads both) scores with the latest model committed under models/risk, review_queue comes last.
  public static final List<SparkJob<?>> JOBS = List.of(new org.chengxin.jobs.rings.RingsJob(), new RaterReliabilityJob(), new SellerScoresJob(),
      new org.chengxin.jobs.review.CounterfeitSignalsJob(), new DissatisfactionJob(),
      new org.chengxin.jobs.review.SellerRiskJob(), new org.chengxin.jobs.review.ReviewQueueJob());

  private static final String ALL = "all";

  private NightlySparkJobs() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> run(args));
  }

  private static void run(String[] args) throws java.io.IOException, java.sql.SQLException {
    Arguments cli = new Arguments("NightlySparkJobs", description());
    Supplier<JobOptions> shared = JobOptions.declare(cli);
    Arg<List<String>> jobNames = cli.repeated("job", "NAME", "a job to run, repeatable; 'all' (default) runs every job in order");
    Arg<Boolean> dryRun = cli.flag("dry-run", "check the options and print the jobs that would run, in order; start no Spark");
    Arg<Boolean> review = cli.flag("review", "after the jobs, in the same session: sync the day's review_queue into the "
        + "review database, write the day's seller_public_record, then the HTML run report _runs/DATE.html (what scripts/nightly runs)");
    Supplier<Optional<String>> dbUrl = ReviewDatabaseOption.declare(cli);
    Map<SparkJob<?>, Function<JobOptions, Function<SparkSession, JobResult>>> declared = new LinkedHashMap<>();
    JOBS.forEach(job -> declared.put(job, declare(job, cli)));
    if (!cli.parse(args)) {
      return;
    }
    List<SparkJob<?>> selected = select(jobNames.value());
    JobOptions common = shared.get();
    // Every selected job's options are built up front, so a bad option fails before any job has run.
    List<Function<SparkSession, JobResult>> runs = new ArrayList<>();
    for (SparkJob<?> job : selected) {
      runs.add(declared.get(job).apply(common));
    }
    if (dryRun.value()) {
      selected.forEach(job -> System.out.printf("%s  spark job      %s: %s%n", common.date(), job.name(), job.description()));
      if (review.value()) {
        System.out.printf("%s  review         review-queue sync, then seller_public_record, then the run report _runs/%s.html%n",
            common.date(), common.date());
      }
      return;
    }
    try (SparkSession spark = SparkSessions.create("chengxin-nightly " + common.date(), common.master())) {
      for (Function<SparkSession, JobResult> run : runs) {
        JobResult result = run.apply(spark);
        System.err.printf("[chengxin] %s %s: %d rows in, %d rows out, %.1f s%n",
            result.job(), result.day(), result.rowsIn(), result.rowsOut(), result.seconds());
      }
      if (review.value()) {
        NightlyReview.run(spark, common, dbUrl.get());
        // Last: the report reads every job's entry of the day's summary, and the tables they wrote.
        NightlyRunReport.write(spark, common);
      }
    }
  }

  /** Declares the job's options; returns how to build its run from the shared options once parsed. */
  private static <O> Function<JobOptions, Function<SparkSession, JobResult>> declare(SparkJob<O> job, Arguments cli) {
    Function<JobOptions, O> options = job.declareOptions(cli);
    return common -> {
      O built = options.apply(common);
      return spark -> job.run(spark, built);
    };
  }

  private static List<SparkJob<?>> select(List<String> names) {
    if (names.isEmpty() || names.contains(ALL)) {
      return JOBS;
    }
    Set<String> wanted = new LinkedHashSet<>(names);
    List<SparkJob<?>> selected = new ArrayList<>();
    for (SparkJob<?> job : JOBS) {
      if (wanted.remove(job.name())) {
        selected.add(job);
      }
    }
    if (!wanted.isEmpty()) {
      throw new UsageException("unknown job " + String.join(", ", wanted) + "; jobs: " + jobNames());
    }
    return selected;
  }

  private static String description() {
    StringBuilder text = new StringBuilder("Runs the nightly Spark jobs for one day, in this order:");
    JOBS.forEach(job -> text.append(String.format("%n  %-16s %s", job.name(), job.description())));
    return text.toString();
  }

  private static String jobNames() {
    List<String> names = new ArrayList<>();
    JOBS.forEach(job -> names.add(job.name()));
    return String.join(", ", names) + " (or all)";
  }
}
