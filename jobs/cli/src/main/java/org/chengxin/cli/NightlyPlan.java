package org.chengxin.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The nightly pipeline, defined once: for each day in date order (so each day has its history),
 * the ingest of that day's raw events (Flink), then, in one JVM and one Spark session, every Spark
 * job in dependency order, the sync of the day's flagged sellers into the review database and the
 * day's public record (seller_public_record: scores and the confirmed violations). Each job
 * records its counts in {@code WAREHOUSE/_runs/DAY.json}, the night's run report.
 */
final class NightlyPlan {
  static final JavaMain INGEST = new JavaMain(JavaMain.FLINK, "org.chengxin.ingest.IngestJob", "6g");
  static final JavaMain SPARK_JOBS = new JavaMain(JavaMain.SPARK, "org.chengxin.jobs.NightlySparkJobs", "6g");

  /**
   * One step of the plan: what it is, for which day, the main it runs with its arguments, and the
   * raw event folder it reads (ingest only).
   */
  record Step(LocalDate day, String what, JavaMain main, List<String> arguments, Optional<Path> input) {}

  /** Which parts of each night run. */
  enum Parts {
    ALL, INGEST_ONLY, SKIP_INGEST;

    boolean ingest() {
      return this != SKIP_INGEST;
    }

    boolean spark() {
      return this != INGEST_ONLY;
    }
  }

  private NightlyPlan() {}

  /**
   * The steps for {@code days}, in order.
   *
   * @param inputOf the raw event folder of a day
   * @param flinkMaster the REST address (HOST:PORT) of the Flink session cluster the ingest runs on; empty: embedded
   */
  static List<Step> steps(List<LocalDate> days, Function<LocalDate, Path> inputOf, Path warehouse,
      Optional<String> sparkMaster, Optional<String> flinkMaster, Parts parts) {
    List<Step> steps = new ArrayList<>();
    for (LocalDate day : days) {
      List<String> dayArgs = List.of("--warehouse", warehouse.toString(), "--date", day.toString());
      if (parts.ingest()) {
        Path input = inputOf.apply(day);
        List<String> args = new ArrayList<>(List.of("--input", input.toString()));
        args.addAll(dayArgs);
        flinkMaster.ifPresent(master -> args.addAll(List.of(Launcher.FLINK_MASTER, master)));
        steps.add(new Step(day, "ingest", INGEST, args, Optional.of(input)));
      }
      if (parts.spark()) {
        List<String> sparkArgs = new ArrayList<>(dayArgs);
        sparkMaster.ifPresent(master -> sparkArgs.addAll(List.of("--master", master)));
        // The review steps share the jobs' JVM and session: a JVM and a Spark start cost more than
        // the sync and the public record themselves on a sample day.
        List<String> jobs = new ArrayList<>(List.of("--job", "all", "--review"));
        jobs.addAll(sparkArgs);
        steps.add(new Step(day, "spark jobs", SPARK_JOBS, jobs, Optional.empty()));
      }
    }
    return steps;
  }

  /** One line a step, as a reader checks a plan: day, step, main class and arguments. */
  static String describe(Step step) {
    return step.day() + "  " + String.format("%-13s", step.what()) + "  " + step.main().className() + " "
        + String.join(" ", step.arguments());
  }
}
