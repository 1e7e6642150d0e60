package org.chengxin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code chengxin nightly}: the nightly pipeline ({@link NightlyPlan}) for one day or the whole sample. */
@Command(name = "nightly", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {
        "Runs the nightly pipeline for one day: ingest (Flink) of the raw event files, then the Spark jobs in "
            + "dependency order, then the review-queue sync, then the day's public record (seller_public_record). Outputs land under WAREHOUSE/TABLE/ds=DATE/, written "
            + "atomically; a re-run of the same day replaces that day's partitions (idempotent). Each job records "
            + "its counts in WAREHOUSE/_runs/DATE.json. One run at a time per warehouse: a second run exits 75 and "
            + "names the holder (WAREHOUSE/_nightly.lock).",
        "With no arguments it runs on the bundled sample (data-samples/events) into ./warehouse, every day of the "
            + "sample in date order, so the last day has its history.",
        "Environment: CHENGXIN_PSEUDONYM_KEY (pseudonymisation key; a development key is used for the sample)."})
final class NightlyCommand implements Callable<Integer> {
  /** Exit status when another run holds the warehouse (sysexits' EX_TEMPFAIL: try again later). */
  static final int WAREHOUSE_BUSY = 75;

  private final Launcher launcher;

  @Spec private CommandSpec spec;

  @Option(names = "--input", paramLabel = "DIR",
      description = "folder of raw JSON Lines event files (read recursively), e.g. the generator's OUT/events/DATE; "
          + "default: data-samples/events/DATE")
  private Path input;

  @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
      description = "warehouse root (default: ./${DEFAULT-VALUE})")
  private Path warehouse;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the day to run (default: every day of the sample)")
  private LocalDate date;

  @Option(names = "--spark-master", paramLabel = "URL", description = "Spark master (default: embedded local[*])")
  private String sparkMaster;

  @Option(names = Launcher.FLINK_MASTER, paramLabel = "HOST:PORT",
      description = "the REST address of the Flink session cluster the ingest runs on, e.g. 127.0.0.1:8081 "
          + "(scripts/cluster up; default: embedded local Flink)")
  private String flinkMaster;

  @Option(names = "--skip-ingest", description = "run only the Spark jobs, the sync and the public record (the day's event tables must exist)")
  private boolean skipIngest;

  @Option(names = "--ingest-only", description = "run only the ingest")
  private boolean ingestOnly;

  @Option(names = "--dry-run", description = "print the plan (every step with its command) and run nothing")
  private boolean dryRun;

  @Mixin private HeapOption heap;

  NightlyCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  /** The plan these options ask for. */
  List<NightlyPlan.Step> plan() {
    if (skipIngest && ingestOnly) {
      throw new ParameterException(spec.commandLine(), "--skip-ingest and --ingest-only exclude each other");
    }
    NightlyPlan.Parts parts = skipIngest ? NightlyPlan.Parts.SKIP_INGEST
        : ingestOnly ? NightlyPlan.Parts.INGEST_ONLY : NightlyPlan.Parts.ALL;
    Path sample = launcher.home().resolve("data-samples/events");
    List<LocalDate> days;
    if (date != null) {
      days = List.of(date);
    } else if (input != null) {
      throw new ParameterException(spec.commandLine(), "--input needs --date (which day of the input to run)");
    } else {
      days = sampleDays(sample);
    }
    Path root = warehouse.toAbsolutePath().normalize();
    return NightlyPlan.steps(days, day -> input != null ? input.toAbsolutePath() : sample.resolve(day.toString()),
        root, Optional.ofNullable(sparkMaster), Optional.ofNullable(flinkMaster), parts);
  }

  @Override
  public Integer call() {
    List<NightlyPlan.Step> steps = plan();
    if (dryRun) {
      return printPlan(steps);
    }
    for (NightlyPlan.Step step : steps) {
      // Every night's input is checked before the first step runs: a missing folder fails fast.
      step.input().filter(folder -> !Files.isDirectory(folder)).ifPresent(folder -> {
        throw new ParameterException(spec.commandLine(), "input folder not found: " + folder);
      });
    }
    Path root = warehouse.toAbsolutePath().normalize();
    try (WarehouseLock lock = WarehouseLock.acquire(root, "chengxin nightly " + steps.get(0).day()
        + (steps.size() > 1 ? ".." + steps.get(steps.size() - 1).day() : ""), Clock.systemUTC())) {
      return runSteps(steps);
    } catch (WarehouseLock.Busy busy) {
      System.err.println("[chengxin] nightly not started: " + busy.getMessage());
      return WAREHOUSE_BUSY;
    }
  }

  private int runSteps(List<NightlyPlan.Step> steps) {
    for (NightlyPlan.Step step : steps) {
      System.err.println("[chengxin] nightly " + NightlyPlan.describe(step));
      long started = System.nanoTime();
      int status = launcher.run(step.main(), heap.value(), step.jvmFlags(), step.arguments());
      if (status != 0) {
        System.err.printf("[chengxin] nightly %s: %s failed (exit %d); later steps not run%n", step.day(), step.what(), status);
        return status;
      }
      System.err.printf("[chengxin] nightly %s: %s done in %.1f s%n", step.day(), step.what(), (System.nanoTime() - started) / 1e9);
    }
    steps.stream().map(NightlyPlan.Step::day).distinct().forEach(day -> System.err.println(
        "[chengxin] nightly " + day + " run report: " + runReport(day)));
    return 0;
  }

  /**
   * Prints each step; a Spark step is followed by its jobs in order, as the Spark entry point lists
   * them after checking the options (one dry run of it: the jobs and their order are the same every day).
   */
  private int printPlan(List<NightlyPlan.Step> steps) {
    Optional<NightlyPlan.Step> firstSpark = steps.stream().filter(step -> step.main() == NightlyPlan.SPARK_JOBS).findFirst();
    for (NightlyPlan.Step step : steps) {
      System.out.println(NightlyPlan.describe(step));
      System.out.flush();
      if (firstSpark.isPresent() && step == firstSpark.get()) {
        List<String> args = new ArrayList<>(step.arguments());
        args.add("--dry-run");
        int status = launcher.run(step.main(), heap.value(), args);
        if (status != 0) {
          return status;
        }
      }
    }
    steps.stream().map(NightlyPlan.Step::day).distinct().forEach(day -> System.out.println(
        day + "  run report     " + runReport(day)));
    return 0;
  }

  /** The night's run report: every job's counts, seconds and status (docs/tables.md, run summaries). */
  private Path runReport(LocalDate day) {
    return warehouse.toAbsolutePath().normalize().resolve("_runs/" + day + ".json");
  }

  private List<LocalDate> sampleDays(Path sample) {
    List<LocalDate> days = new ArrayList<>();
    try (Stream<Path> entries = Files.list(sample)) {
      for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
        try {
          days.add(LocalDate.parse(entry.getFileName().toString()));
        } catch (DateTimeParseException e) {
          // not a day folder (e.g. the sample's README): not part of the run
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("no --date given and no bundled sample at " + sample, e);
    }
    if (days.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no day folders in " + sample);
    }
    return days;
  }
}
