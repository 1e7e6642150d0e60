package org.chengxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cluster down} stops only the processes {@code cluster up} started: a pid file whose pid now
 * belongs to another process (pids are reused) leaves that process alone.
 */
class ClusterPidFileTest {

  @TempDir Path tmp;

  @Test
  void aPidNowHeldByAnotherProcessIsNotStopped() throws IOException, InterruptedException {
    Process stranger = new ProcessBuilder("sleep", "60").start();
    try {
      // As if the master had run under this pid and the system had given the pid to "sleep" since.
      Files.writeString(tmp.resolve("master.pid"), stranger.pid() + " 2020-01-01T00:00:00Z");
      CommandLine chengxin = Chengxin.commandLine(new Launcher(tmp, System.getenv()));
      assertEquals(3, chengxin.execute("cluster", "status", "--dir", tmp.toString()), "the stranger is not the cluster");
      assertEquals(0, chengxin.execute("cluster", "down", "--dir", tmp.toString()));
      assertFalse(stranger.waitFor(1, TimeUnit.SECONDS), "the stranger still runs");
      assertFalse(Files.exists(tmp.resolve("master.pid")), "the stale pid file is gone");
    } finally {
      stranger.destroyForcibly();
    }
  }

  @Test
  void theProcessThePidFileRecordsIsStopped() throws IOException, InterruptedException {
    Process started = new ProcessBuilder("sleep", "60").start();
    try {
      String start = started.toHandle().info().startInstant().orElseThrow().toString();
      Files.writeString(tmp.resolve("worker-1.pid"), started.pid() + " " + start);
      CommandLine chengxin = Chengxin.commandLine(new Launcher(tmp, System.getenv()));
      assertEquals(0, chengxin.execute("cluster", "down", "--dir", tmp.toString()));
      assertTrue(started.waitFor(20, TimeUnit.SECONDS), "stopped");
    } finally {
      started.destroyForcibly();
    }
  }
}
