package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A continuous run that fails mid-stream and restarts from its last checkpoint ends with exactly
 * the distinct valid events of its input: none lost, none written twice.
 */
class ContinuousIngestIntegrationTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final int TRADES_PER_FILE = 300;
  /** The injected failure fires once per JVM; the restarted job must not fail again. */
  private static final AtomicBoolean FAILED = new AtomicBoolean();
  /** Released when a checkpoint completes: the only moment the warehouse's rows can change. */
  private static final Semaphore CHECKPOINTS = new Semaphore(0);
  /** "Today" for the run, so the events' days stay plausible whatever the machine's date. */
  private static final Clock NOVEMBER_SECOND = Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void failureMidStreamLosesAndDuplicatesNothing() throws Exception {
    Path input = tmp.resolve("raw");
    Path warehouse = tmp.resolve("warehouse");
    TestEvents.write(input.resolve("batch-1.jsonl"), batch(0, "2026-11-01"));
    IngestOptions options = BoundedIngestIntegrationTest.options(input, warehouse, "2026-11-01",
        "--mode", "continuous", "--checkpoint-interval", "300ms", "--monitor-interval", "200ms",
        "--max-out-of-orderness", "1s", "--allowed-lateness", "7d");
    IngestJob job = new IngestJob(options, lines -> lines.map(new FailOnceMidStream()), NOVEMBER_SECOND);
    JobClient client = job.startContinuous();
    try {
      awaitRows(warehouse, "trades", TRADES_PER_FILE);
      TestEvents.write(input.resolve("batch-2.jsonl"), batch(TRADES_PER_FILE, "2026-11-02"));
      awaitRows(warehouse, "trades", 2 * TRADES_PER_FILE);
      awaitRows(warehouse, "ratings", 2 * TRADES_PER_FILE);
      // A redelivered file after the restart: every event in it is a duplicate.
      TestEvents.write(input.resolve("batch-2-again.jsonl"), batch(TRADES_PER_FILE, "2026-11-02"));
      TestEvents.write(input.resolve("batch-3.jsonl"), batch(2 * TRADES_PER_FILE, "2026-11-02"));
      awaitRows(warehouse, "trades", 3 * TRADES_PER_FILE);
      awaitRows(warehouse, "ratings", 3 * TRADES_PER_FILE);
      awaitRows(warehouse, "dead_letter", 4);
    } finally {
      client.cancel().get();
    }

    assertTrue(FAILED.get(), "the failure was not injected");
    assertEquals(expectedIds("t", 3 * TRADES_PER_FILE), ids(warehouse, "trades", "trade_id"));
    assertEquals(expectedIds("r", 3 * TRADES_PER_FILE), ids(warehouse, "ratings", "rating_id"));
    assertEquals(4, WarehouseRows.read(warehouse, "dead_letter", null).size(), "one broken line per file");
    Map<String, Integer> tradesPerDay = new TreeMap<>();
    for (String ds : List.of("2026-11-01", "2026-11-02")) {
      tradesPerDay.put(ds, WarehouseRows.read(warehouse, "trades", ds).size());
    }
    assertEquals(Map.of("2026-11-01", TRADES_PER_FILE, "2026-11-02", 2 * TRADES_PER_FILE), tradesPerDay);
    BoundedIngestIntegrationTest.assertNoPersonalValueUnder(warehouse);
  }

  /** One trade and one rating per number, plus one broken line, all on one day. */
  private static List<String> batch(int first, String day) {
    List<String> lines = new ArrayList<>();
    for (int i = first; i < first + TRADES_PER_FILE; i++) {
      String time = String.format("%sT%02d:%02d:00Z", day, (i / 60) % 24, i % 60);
      lines.add(TestEvents.trade("t" + i, time));
      lines.add(TestEvents.rating("r" + i, "t" + i, time.replace(":00Z", ":30Z")));
    }
    lines.add("{\"kind\":\"trade\",\"trade_id\":");
    return lines;
  }

  private static List<String> expectedIds(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(prefix + i);
    }
    return ids.stream().sorted().toList();
  }

  /** Ids as stored, sorted, duplicates kept (so a duplicate fails the comparison). */
  private static List<String> ids(Path warehouse, String table, String column) {
    return WarehouseRows.read(warehouse, table, null).stream().map(r -> r.get(column).toString()).sorted().toList();
  }

  private static void awaitRows(Path warehouse, String table, int atLeast) throws InterruptedException {
    await(() -> WarehouseRows.read(warehouse, table, null).size() >= atLeast, table + " to reach " + atLeast + " rows");
  }

  /** Checks the condition again after each completed checkpoint; the deadline only bounds a stuck job. */
  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (!CHECKPOINTS.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      CHECKPOINTS.drainPermits();
    }
  }

  /**
   * Fails once, in the middle of the second file, after batch 1 was committed by a checkpoint; and
   * tells the test of every completed checkpoint (the file sinks commit on the same notification,
   * so rows not yet visible at one show at the next).
   */
  private static final class FailOnceMidStream implements MapFunction<RawLine, RawLine>, CheckpointListener {
    private static final long serialVersionUID = 1L;

    @Override
    public RawLine map(RawLine line) {
      if (line.sourceFile.endsWith("batch-2.jsonl") && line.lineNumber == TRADES_PER_FILE / 2
          && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure mid-stream");
      }
      return line;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTS.release();
    }
  }
}
