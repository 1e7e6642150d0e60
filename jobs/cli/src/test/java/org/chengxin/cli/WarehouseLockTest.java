package org.chengxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One nightly run per warehouse, with a real second process holding the lock and killed with SIGKILL. */
class WarehouseLockTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void aSecondTakerIsRefusedWithTheHoldersLineAndTheLockIsFreeOnceReleased() throws Exception {
    Path warehouse = tmp.resolve("warehouse");
    try (WarehouseLock first = WarehouseLock.acquire(warehouse, "chengxin nightly 2026-11-04", CLOCK)) {
      WarehouseLock.Busy busy = assertThrows(WarehouseLock.Busy.class,
          () -> WarehouseLock.acquire(warehouse, "chengxin nightly 2026-11-05", CLOCK));
      assertTrue(busy.getMessage().contains("pid " + ProcessHandle.current().pid() + " on "), busy.getMessage());
      assertTrue(busy.getMessage().endsWith("since 2026-12-04T02:00:00Z: chengxin nightly 2026-11-04"), busy.getMessage());
    }
    try (WarehouseLock again = WarehouseLock.acquire(warehouse, "chengxin nightly 2026-11-05", CLOCK)) {
      assertTrue(Files.readString(warehouse.resolve(WarehouseLock.FILE)).trim().endsWith("chengxin nightly 2026-11-05"));
    }
  }

  @Test
  void aNightlyIsRefusedWhileAnotherProcessHoldsTheWarehouseAndRunsOnceThatProcessIsKilled() throws Exception {
    Path warehouse = tmp.resolve("warehouse");
    Path input = Files.createDirectories(tmp.resolve("events/2026-11-04"));
    Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HoldWarehouseLock.class.getName(), warehouse.toString()))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("held", out.readLine());

      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream original = System.err;
      int status;
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        status = Chengxin.commandLine(new Launcher(tmp.resolve("no-build"), Map.of()))
            .execute("nightly", "--warehouse", warehouse.toString(), "--date", "2026-11-04", "--input", input.toString());
      } finally {
        System.setErr(original);
      }
      String said = err.toString(StandardCharsets.UTF_8);
      assertEquals(NightlyCommand.WAREHOUSE_BUSY, status, said);
      assertTrue(said.contains("in use by another run: pid " + holder.pid() + " on "), said);
      assertTrue(said.contains("a test's holder process"), said);
    } finally {
      holder.destroyForcibly();
      assertTrue(holder.waitFor(1, TimeUnit.MINUTES));
    }
    // SIGKILL ran no cleanup: the system dropped the lock with the process.
    try (WarehouseLock next = WarehouseLock.acquire(warehouse, "chengxin nightly 2026-11-04", CLOCK)) {
      assertTrue(Files.readString(warehouse.resolve(WarehouseLock.FILE)).contains("pid " + ProcessHandle.current().pid()));
    }
  }
}
