package org.chengxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightlyPlanTest {
  private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
  private static final Path WAREHOUSE = Path.of("/w");

  @Test
  void eachDayIngestsThenRunsTheSparkJobsAndTheReviewStepsInOneSession() {
    List<NightlyPlan.Step> steps = NightlyPlan.steps(List.of(NOV_1, NOV_2), day -> Path.of("/in", day.toString()),
        WAREHOUSE, Optional.empty(), Optional.empty(), NightlyPlan.Parts.ALL);

    assertEquals(List.of("2026-11-01 ingest", "2026-11-01 spark jobs", "2026-11-02 ingest", "2026-11-02 spark jobs"),
        steps.stream().map(s -> s.day() + " " + s.what()).toList());
    assertEquals(List.of("--input", "/in/2026-11-02", "--warehouse", "/w", "--date", "2026-11-02"), steps.get(2).arguments());
    assertEquals(Optional.of(Path.of("/in/2026-11-02")), steps.get(2).input());
    assertEquals(NightlyPlan.SPARK_JOBS, steps.get(1).main());
    assertEquals(List.of("--job", "all", "--review", "--warehouse", "/w", "--date", "2026-11-01"), steps.get(1).arguments());
  }

  @Test
  void eachMasterGoesToItsEngineStepsAndTheIngestCanBeLeftOutOrRunAlone() {
    List<NightlyPlan.Step> sparkOnly = NightlyPlan.steps(List.of(NOV_1), day -> Path.of("/in"), WAREHOUSE,
        Optional.of("spark://m:7077"), Optional.of("m:8081"), NightlyPlan.Parts.SKIP_INGEST);
    assertEquals(List.of("spark jobs"), sparkOnly.stream().map(NightlyPlan.Step::what).toList());
    sparkOnly.forEach(step -> assertEquals(List.of("--master", "spark://m:7077"),
        step.arguments().subList(step.arguments().size() - 2, step.arguments().size())));

    List<NightlyPlan.Step> ingestOnly = NightlyPlan.steps(List.of(NOV_1), day -> Path.of("/in"), WAREHOUSE,
        Optional.of("spark://m:7077"), Optional.of("m:8081"), NightlyPlan.Parts.INGEST_ONLY);
    assertEquals(List.of("ingest"), ingestOnly.stream().map(NightlyPlan.Step::what).toList());
    assertEquals(List.of("--input", "/in", "--warehouse", "/w", "--date", "2026-11-01", "--flink-master", "m:8081"),
        ingestOnly.get(0).arguments());
  }

  @Test
  void aSmallDayRunsWithTheQuickCompilerOnlyALargeOrUnknownDayWithTheDefault(@TempDir Path input) throws IOException {
    Path small = Files.createDirectories(input.resolve("2026-11-01"));
    Files.write(small.resolve("trades.jsonl"), new byte[1 << 20]);
    Path large = Files.createDirectories(input.resolve("2026-11-02"));
    Files.write(large.resolve("trades.jsonl"), new byte[(int) NightlyPlan.SMALL_DAY_BYTES]);
    Files.write(large.resolve("ratings.jsonl"), new byte[1]);

    List<NightlyPlan.Step> steps = NightlyPlan.steps(List.of(NOV_1, NOV_2), day -> input.resolve(day.toString()), WAREHOUSE,
        Optional.empty(), Optional.empty(), NightlyPlan.Parts.ALL);
    assertEquals(List.of(NightlyPlan.SMALL_DAY_JVM_FLAGS, NightlyPlan.SMALL_DAY_JVM_FLAGS, List.of(), List.of()),
        steps.stream().map(NightlyPlan.Step::jvmFlags).toList());
    assertTrue(NightlyPlan.describe(steps.get(1)).contains("-XX:TieredStopAtLevel=1 org.chengxin.jobs.NightlySparkJobs"));
    assertEquals(List.of(), NightlyPlan.steps(List.of(NOV_1), day -> input.resolve("missing"), WAREHOUSE, Optional.empty(),
        Optional.empty(), NightlyPlan.Parts.SKIP_INGEST).get(0).jvmFlags());
  }
}
