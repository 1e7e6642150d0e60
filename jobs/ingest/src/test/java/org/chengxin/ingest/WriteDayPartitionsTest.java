package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backfill writer through Flink's operator harness: one file per day, one open at a time. */
class WriteDayPartitionsTest {
  private static final long DAY_MS = 86_400_000L;

  @TempDir Path staging;

  /** Rows are "YYYY-MM-DD id"; their event time is noon of that day. */
  private static final TableSinks.EventTime<String> NOON =
      row -> LocalDate.parse(row.substring(0, 10)).toEpochDay() * DAY_MS + DAY_MS / 2;

  @Test
  void writesEachDayToItsOwnFileWithOneFileOpenAtATime() throws Exception {
    OpenFiles format = new OpenFiles();
    List<String> rows = List.of("2026-10-30 a", "2026-10-30 b", "2026-10-31 c", "2026-11-01 d", "2026-11-01 e");
    try (var harness = harness(format)) {
      for (String row : rows) {
        harness.processElement(row, 0);
      }
      harness.endInput();
      assertEquals(0, format.open.get(), "the last day's file is finished when the input ends");
    }

    assertEquals(1, format.mostOpen.get(), "never two files open at once");
    assertEquals(Map.of(
        "ds=2026-10-30", List.of("2026-10-30 a", "2026-10-30 b"),
        "ds=2026-10-31", List.of("2026-10-31 c"),
        "ds=2026-11-01", List.of("2026-11-01 d", "2026-11-01 e")), filesByDay());
  }

  @Test
  void aFailedRunClosesItsOpenFileWithoutFinishingIt() throws Exception {
    OpenFiles format = new OpenFiles();
    var harness = harness(format);
    harness.processElement("2026-10-30 a", 0);
    harness.close();
    assertEquals(1, format.open.get(), "the half-written file is abandoned, not given a footer");
  }

  private KeyedOneInputStreamOperatorTestHarness<Long, String, Void> harness(OpenFiles format) throws Exception {
    var harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new WriteDayPartitions<>(format, staging.toString(), NOON), row -> LatePolicy.dayOf(NOON.of(row)), Types.LONG);
    harness.open();
    return harness;
  }

  /** ds folder to the rows of its only file. */
  private Map<String, List<String>> filesByDay() throws IOException {
    Map<String, List<String>> days = new TreeMap<>();
    try (Stream<Path> files = Files.walk(staging)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String day = file.getParent().getFileName().toString();
        assertEquals(null, days.put(day, Files.readAllLines(file)), "one file for " + day);
      }
    }
    return days;
  }

  /** Writes rows as lines and counts the files between create and finish. */
  private static final class OpenFiles implements BulkWriter.Factory<String> {
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger mostOpen = new AtomicInteger();

    @Override
    public BulkWriter<String> create(FSDataOutputStream out) {
      mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      return new BulkWriter<>() {
        @Override
        public void addElement(String row) throws IOException {
          out.write((row + "\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void finish() throws IOException {
          out.flush();
          open.decrementAndGet();
        }
      };
    }
  }
}
