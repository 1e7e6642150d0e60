package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.chengxin.core.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestOptionsTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void defaultsForABoundedDay() {
    IngestOptions o = parse("--input", tmp.toString(), "--warehouse", "/w", "--date", "2026-11-01");
    assertEquals(IngestOptions.Mode.BOUNDED, o.mode());
    assertEquals(LocalDate.parse("2026-11-01"), o.date());
    assertEquals("/w/_checkpoints/ingest", o.checkpointDir());
    assertEquals(Duration.ofHours(1), o.allowedLateness());
    assertEquals(30, o.lookbackDays());
  }

  @Test
  void continuousWithDurationsAndSeveralInputs() {
    java.nio.file.Path other = tmp.resolve("..");
    IngestOptions o = parse("--input", tmp + "," + other, "--warehouse", "/w", "--mode", "continuous",
        "--allowed-lateness", "90m", "--max-out-of-orderness", "PT30S", "--checkpoint-interval", "500ms");
    assertTrue(o.continuous());
    assertEquals(List.of(tmp.toString(), other.toString()), o.inputs());
    assertEquals(Duration.ofMinutes(90), o.allowedLateness());
    assertEquals(Duration.ofSeconds(30), o.maxOutOfOrderness());
    assertEquals(Duration.ofMillis(500), o.checkpointInterval());
  }

  @Test
  void rejectsWhatCannotRun() {
    String in = tmp.toString();
    assertThrows(UsageException.class, () -> parse("--input", in, "--warehouse", "/w"));
    assertThrows(UsageException.class, () -> parse("--input", in + "/missing", "--warehouse", "/w", "--date", "2026-11-01"));
    assertThrows(UsageException.class, () -> parse("--input", in, "--warehouse", "/w", "--date", "2026-11-01", "--mode", "fast"));
    assertThrows(UsageException.class, () -> parse("--input", in, "--warehouse", "/w", "--mode", "continuous", "--allowed-lateness", "soon"));
    assertThrows(UsageException.class, () -> parse("--input", in, "--warehouse", "/w", "--date", "2026-11-01", "--parallelism", "0"));
  }

  private static IngestOptions parse(String... args) {
    return IngestOptions.parse(args).orElseThrow();
  }
}
