package org.chengxin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
   * A day whose raw event files hold at most this many bytes (the bundled sample's days hold about
   * 2 MB) is small: its JVMs run in a minute or two, too short for the optimising compiler's work to
   * pay back, and they run with the quick compiler only ({@link #SMALL_DAY_JVM_FLAGS}).
   */
  static final long SMALL_DAY_BYTES = 16L << 20;

  /**
   * JIT with C1 only: a sample day's Spark jobs used 0.65 of their CPU and 0.81 of their wall time
   * with it (docs/rings.md, session 16). A larger day keeps the default tiered compiler, whose C2
   * code pays in long runs.
   */
  static final List<String> SMALL_DAY_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1");

  /**
   * One step of the plan: what it is, for which day, the main it runs with its arguments and JVM
   * flags, and the raw event folder it reads (ingest only).
   */
  record Step(LocalDate day, String what, JavaMain main, List<String> jvmFlags, List<String> arguments, Optional<Path> input) {}

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
      Path input = inputOf.apply(day);
      List<String> jvmFlags = isSmallDay(input) ? SMALL_DAY_JVM_FLAGS : List.of();
      if (parts.ingest()) {
        List<String> args = new ArrayList<>(List.of("--input", input.toString()));
        args.addAll(dayArgs);
        flinkMaster.ifPresent(master -> args.addAll(List.of(Launcher.FLINK_MASTER, master)));
        steps.add(new Step(day, "ingest", INGEST, jvmFlags, args, Optional.of(input)));
      }
      if (parts.spark()) {
        List<String> sparkArgs = new ArrayList<>(dayArgs);
        sparkMaster.ifPresent(master -> sparkArgs.addAll(List.of("--master", master)));
        // The review steps share the jobs' JVM and session: a JVM and a Spark start cost more than
        // the sync and the public record themselves on a sample day.
        List<String> jobs = new ArrayList<>(List.of("--job", "all", "--review"));
        jobs.addAll(sparkArgs);
        steps.add(new Step(day, "spark jobs", SPARK_JOBS, jvmFlags, jobs, Optional.empty()));
      }
    }
    return steps;
  }

  /** One line a step, as a reader checks a plan: day, step, JVM flags, main class and arguments. */
  static String describe(Step step) {
    return step.day() + "  " + String.format("%-13s", step.what()) + "  "
        + step.jvmFlags().stream().map(flag -> flag + " ").collect(Collectors.joining()) + step.main().className() + " "
        + String.join(" ", step.arguments());
  }

  /**
   * Whether the day's raw input folder holds at most {@link #SMALL_DAY_BYTES}; a folder that is
   * missing (the Spark jobs of a day ingested elsewhere) says nothing, and the day is not small.
   */
  static boolean isSmallDay(Path input) {
    if (!Files.isDirectory(input)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(input)) {
      long bytes = 0;
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        bytes += Files.size(file);
        if (bytes > SMALL_DAY_BYTES) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the input folder " + input, e);
    }
  }
}
