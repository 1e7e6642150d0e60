package org.chengxin.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.core.warehouse.Warehouse;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark JVM killed with SIGKILL while it writes a day, then run again, as a scheduler would: the
 * day's tables equal those of an uninterrupted run, the earlier partitions (the event tables) are
 * untouched, and the staging the killed run left is gone. Real processes: the jobs run in child
 * JVMs through {@link NightlySparkJobs#main}, and the kill is the operating system's.
 */
class KilledMidWriteTest {
  /** A job with three outputs, written one after the other. */
  private static final List<String> JOBS = List.of("rater_reliability");
  /**
   * The table being written when the process is killed: the job's second output, so the killed
   * run had committed one partition, which the re-run replaces.
   */
  private static final String KILLED_WHILE_WRITING = "rater_scores";
  private static SparkSession spark;

  @TempDir static Path tmp;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void aRunKilledMidWriteAndRunAgainLeavesTheTablesOfAnUninterruptedRun() throws Exception {
    Path killed = tmp.resolve("killed");
    GeneratedMonth month = GeneratedMonth.ingest(spark, tmp.resolve("generated"), killed.toString(), 3_000,
        LocalDate.of(2026, 10, 1), 41);
    Path uninterrupted = tmp.resolve("uninterrupted");
    copy(killed, uninterrupted);
    LocalDate day = month.lastDay;
    Map<String, String> eventFiles = files(killed, EventTables.all());

    Process first = jobs(killed, day, "first");
    Path staging = killed.resolve("_staging/" + KILLED_WHILE_WRITING + "/ds=" + day);
    try {
      awaitEntryIn(staging, first, tmp.resolve("first.log"));
    } finally {
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
      assertTrue(first.waitFor(1, TimeUnit.MINUTES));
    }
    assertFalse(Files.exists(killed.resolve(KILLED_WHILE_WRITING + "/ds=" + day)), "killed before its commit");
    assertTrue(Files.isDirectory(staging), "the killed run left its staging behind");

    assertEquals(0, jobs(killed, day, "again").waitFor(), "the re-run succeeds");
    assertEquals(0, jobs(uninterrupted, day, "uninterrupted").waitFor());

    assertEquals(List.of(), filesUnder(staging), "the re-run removed the killed run's staging");
    assertEquals(eventFiles, files(killed, EventTables.all()), "earlier partitions untouched");
    JsonNode summary = new RunSummaries(Warehouse.local(uninterrupted.toString())).read(day).path("jobs");
    List<String> outputs = new ArrayList<>();
    for (String job : JOBS) {
      assertEquals("succeeded", new RunSummaries(Warehouse.local(killed.toString())).read(day).path("jobs").path(job)
          .path("status").asText(), job);
      summary.path(job).path("outputs").fieldNames().forEachRemaining(outputs::add);
    }
    assertEquals(List.of("rating_flags", "rater_scores", "account_reliability"), outputs);
    // Every table of the day, row by row; doubles within a relative 1e-9, since two runs of the
    // same job may sum in another order (the last bits of a few reliabilities differ).
    assertEquals(0, CompareWarehouses.compare(SparkWarehouse.open(spark, uninterrupted.toString()),
        SparkWarehouse.open(spark, killed.toString()), day), "tables that differ: printed above");
  }

  /** The jobs for {@code day} in a child JVM on this test's class path and JVM flags. */
  private static Process jobs(Path warehouse, LocalDate day, String name) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(flag -> flag.startsWith("--add-") || flag.startsWith("-XX:+IgnoreUnrecognized") || flag.startsWith("-Dio.netty")
            || flag.startsWith("-Djdk.reflect"))
        .forEach(command::add);
    command.addAll(List.of("-Xmx1500m", "-cp", System.getProperty("java.class.path"), NightlySparkJobs.class.getName(),
        "--warehouse", warehouse.toString(), "--date", day.toString(), "--master", "local[2]"));
    JOBS.forEach(job -> command.addAll(List.of("--job", job)));
    Path log = tmp.resolve(name + ".log");
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits until the process has staged a write into {@code area} (its run directory exists). */
  private static void awaitEntryIn(Path area, Process process, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(area)) {
        try (Stream<Path> entries = Files.list(area)) {
          if (entries.findAny().isPresent()) {
            return;
          }
        }
      }
      assertTrue(process.isAlive(), () -> "the jobs ended before writing " + area + ":\n" + tail(log));
      // Polls another process's progress (no clock of this test involved); a write lasts far longer.
      TimeUnit.MILLISECONDS.sleep(1);
    }
    throw new AssertionError("nothing staged in " + area + " within 10 minutes:\n" + tail(log));
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Every file of the tables with its size and modification time, by path under the warehouse. */
  private static Map<String, String> files(Path warehouse, List<TableSchema> tables) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (TableSchema table : tables) {
      Path dir = warehouse.resolve(table.name());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
          files.put(warehouse.relativize(file).toString(), attributes.size() + " bytes, " + attributes.lastModifiedTime());
        }
      }
    }
    return files;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
