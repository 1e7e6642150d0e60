package org.chengxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A sample day on a real Spark standalone cluster on loopback (a master and two workers, each its
 * own JVM, started by {@code chengxin cluster up}) gives the same tables, row for row, as the
 * embedded local run: the job jar reaches the executors, and nothing depends on running in one JVM.
 */
class SparkClusterTest {
  private static final String DAY = "2026-11-01";

  @TempDir Path tmp;

  @Test
  void aSampleDayOnTheLoopbackClusterGivesTheTablesOfTheLocalRun() throws IOException {
    Path checkout = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    Map<String, String> environment = new java.util.HashMap<>(System.getenv());
    environment.put("CHENGXIN_HEAP", "2g");
    CommandLine chengxin = Chengxin.commandLine(new Launcher(checkout, environment));
    String masterPort = String.valueOf(freePort());
    String uiPort = String.valueOf(freePort());
    String clusterDir = tmp.resolve("cluster").toString();
    // The Flink session comes up too: free ports, so that a cluster already on the default ones does not fail the test.
    assertEquals(0, chengxin.execute("cluster", "up", "--dir", clusterDir, "--master-port", masterPort, "--ui-port", uiPort,
        "--worker-memory", "1500m", "--flink-port", String.valueOf(freePort()), "--flink-rpc-port", String.valueOf(freePort())));
    try {
      String local = tmp.resolve("local").toString();
      String onCluster = tmp.resolve("on-cluster").toString();
      assertEquals(0, chengxin.execute("nightly", "--date", DAY, "--warehouse", local));
      assertEquals(0, chengxin.execute("nightly", "--date", DAY, "--warehouse", onCluster,
          "--spark-master", "spark://127.0.0.1:" + masterPort));
      assertEquals(0, chengxin.execute("compare-warehouses", "--left", local, "--right", onCluster, "--date", DAY),
          "every table of the day identical (the differing ones are printed above)");
      // On the cluster each job checkpointed to the warehouse (Checkpoints), and removed its files when it ended.
      Path checkpoints = Path.of(onCluster, "_staging", "spark_checkpoints");
      assertTrue(Files.isDirectory(checkpoints), "the cluster's jobs checkpointed to " + checkpoints);
      try (Stream<Path> left = Files.walk(checkpoints)) {
        assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "checkpoint files left behind");
      }
    } finally {
      assertEquals(0, chengxin.execute("cluster", "down", "--dir", clusterDir));
    }
    assertEquals(3, chengxin.execute("cluster", "status", "--dir", clusterDir), "no cluster process left");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
