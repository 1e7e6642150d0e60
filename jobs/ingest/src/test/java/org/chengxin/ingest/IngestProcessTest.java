package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chengxin.core.privacy.PseudonymKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest command as its own process, as scripts run it: a bounded run must end the process by
 * itself, with status 0 only once its partitions are committed and 1 when it failed.
 */
class IngestProcessTest {
  /** A heap in which one open Parquet writer per day (about 2 MB each) does not fit for {@link #DAYS} days. */
  private static final String SMALL_HEAP = "-Xmx320m";
  private static final int DAYS = 300;
  private static final LocalDate FIRST = LocalDate.parse("2025-01-01");

  @TempDir Path tmp;

  @Test
  void aLongBackfillInASmallHeapExitsZeroWithEveryDayCommitted() throws Exception {
    Path input = tmp.resolve("raw");
    for (int i = 0; i < DAYS; i++) {
      String d = FIRST.plusDays(i).toString();
      TestEvents.write(input.resolve(d + "/ratings.jsonl"), List.of(
          TestEvents.rating("r" + i, "t" + i, d + "T09:00:00Z"), TestEvents.rating("q" + i, "t" + i, d + "T10:00:00Z")));
    }
    Path warehouse = tmp.resolve("warehouse");
    String last = FIRST.plusDays(DAYS - 1).toString();

    assertEquals(0, ingest("--input", input.toString(), "--warehouse", warehouse.toString(),
        "--from-date", FIRST.toString(), "--date", last, "--parallelism", "2"));
    for (int i = 0; i < DAYS; i++) {
      String d = FIRST.plusDays(i).toString();
      assertEquals(2, WarehouseRows.read(warehouse, "ratings", d).size(), "ratings ds=" + d);
    }
    assertTrue(Files.exists(warehouse.resolve("_runs/" + last + ".json")));
  }

  @Test
  void aFailedRunExitsOne() throws Exception {
    Path input = tmp.resolve("raw/2025-01-01/ratings.jsonl");
    TestEvents.write(input, List.of(TestEvents.rating("r1", "t1", "2025-01-01T09:00:00Z")));
    Path notADirectory = Files.writeString(tmp.resolve("warehouse"), "a file where the warehouse should be");

    assertEquals(1, ingest("--input", input.toString(), "--warehouse", notADirectory.toString(),
        "--date", "2025-01-01", "--parallelism", "2"));
  }

  @Test
  void inputThatIsNotTheGeneratorsIsRefusedTheDevelopmentKey() throws Exception {
    Path input = tmp.resolve("raw/2025-01-01/ratings.jsonl");
    TestEvents.write(input, List.of(TestEvents.rating("r1", "t1", "2025-01-01T09:00:00Z")));
    Path warehouse = tmp.resolve("warehouse");
    String[] args = {"--input", input.getParent().toString(), "--warehouse", warehouse.toString(), "--date", "2025-01-01"};

    assertEquals(2, ingest(false, args), "a usage error");
    assertTrue(Files.readString(tmp.resolve("ingest.log")).contains("the input is not the generator's output"));
    assertTrue(Files.notExists(warehouse.resolve("ratings")), "nothing written");

    // The same events under the generator's manifest are sample data: the development key does.
    Files.createDirectories(tmp.resolve("truth"));
    Files.writeString(tmp.resolve("truth/manifest.json"), "{\"generator\": \"chengxin-generator\"}");
    assertEquals(0, ingest(false, args));
    assertEquals(1, WarehouseRows.read(warehouse, "ratings", "2025-01-01").size());
  }

  /** Runs IngestJob's main in a new JVM on this test's class path, under the tests' key; its exit status. */
  private int ingest(String... args) throws IOException, InterruptedException {
    return ingest(true, args);
  }

  /** ... with the tests' key in the environment, or without any key. */
  private int ingest(boolean testKey, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        SMALL_HEAP, "-cp", System.getProperty("java.class.path"), IngestJob.class.getName()));
    command.addAll(List.of(args));
    Path log = tmp.resolve("ingest.log");
    ProcessBuilder builder = new ProcessBuilder(command);
    if (!testKey) {
      builder.environment().remove(PseudonymKeys.ENV_VAR);
    }
    Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the process did not end by itself; its log is " + log);
    } finally {
      process.destroyForcibly();
    }
    return process.exitValue();
  }
}
