package org.chengxin.jobs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.CommandLine;
import org.chengxin.core.cli.UsageException;
import org.chengxin.jobs.dissatisfaction.DissatisfactionJob;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.JobResult;
import org.chengxin.jobs.frame.SparkJob;
import org.chengxin.jobs.frame.SparkSessions;
import org.chengxin.jobs.ratings.RaterReliabilityJob;
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
    CommandLine.runMain(() -> run(args));
  }

  private static void run(String[] args) throws java.io.IOException {
    CommandLine cli = new CommandLine(usage());
    JobOptions.declare(cli).option("job", "NAME", "a job to run, repeatable; 'all' (default) runs every job in order")
        .flag("dry-run", "check the options and print the jobs that would run, in order; start no Spark");
    JOBS.forEach(job -> job.declareOptions(cli));
    if (!cli.parse(args)) {
      return;
    }
    List<SparkJob<?>> selected = select(cli.all("job"));
    JobOptions common = JobOptions.from(cli);
    List<Function<SparkSession, JobResult>> runs = new ArrayList<>();
    for (SparkJob<?> job : selected) {
      runs.add(prepare(job, common, cli));
    }
    if (cli.isSet("dry-run")) {
      selected.forEach(job -> System.out.printf("%s  spark job     %s: %s%n", common.date(), job.name(), job.description()));
      return;
    }
    try (SparkSession spark = SparkSessions.create("chengxin-nightly " + common.date(), common.master())) {
      for (Function<SparkSession, JobResult> run : runs) {
        JobResult result = run.apply(spark);
        System.err.printf("[chengxin] %s %s: %d rows in, %d rows out, %.1f s%n",
            result.job(), result.day(), result.rowsIn(), result.rowsOut(), result.seconds());
      }
    }
  }

  /** Parses the job's options up front, so a bad option fails before any job has run. */
  private static <O> Function<SparkSession, JobResult> prepare(SparkJob<O> job, JobOptions common, CommandLine cli) {
    O options = job.options(common, cli);
    return spark -> job.run(spark, options);
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

  private static String usage() {
    StringBuilder text = new StringBuilder("NightlySparkJobs --warehouse DIR --date YYYY-MM-DD [--job NAME]... [options]\n\n");
    text.append("Runs the nightly Spark jobs for one day, in this order:\n");
    JOBS.forEach(job -> text.append(String.format("  %-16s %s%n", job.name(), job.description())));
    return text.toString().stripTrailing();
  }

  private static String jobNames() {
    List<String> names = new ArrayList<>();
    JOBS.forEach(job -> names.add(job.name()));
    return String.join(", ", names) + " (or all)";
  }
}
