package org.chengxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Two sample days ingested on a real Flink session cluster on loopback (a job manager and a task
 * manager, each its own JVM, started by {@code chengxin cluster up}) give the tables of the embedded
 * local ingest, row for row, and the same reconciled counts: the job jar carries everything the
 * task manager needs, and the second day reads the first day's partitions there.
 */
class FlinkClusterTest {
  private static final String FIRST_DAY = "2026-11-01";
  private static final String SECOND_DAY = "2026-11-02";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void sampleDaysOnTheLoopbackFlinkClusterGiveTheTablesAndCountsOfTheLocalIngest() throws Exception {
    Path checkout = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("CHENGXIN_HEAP", "2g");
    CommandLine chengxin = Chengxin.commandLine(new Launcher(checkout, environment));
    String flinkMaster = "127.0.0.1:" + freePort();
    String clusterDir = tmp.resolve("cluster").toString();
    assertEquals(0, chengxin.execute("cluster", "up", "--dir", clusterDir, "--master-port", String.valueOf(freePort()),
        "--ui-port", String.valueOf(freePort()), "--flink-port", flinkMaster.split(":")[1],
        "--flink-rpc-port", String.valueOf(freePort())));
    try {
      Path local = tmp.resolve("local");
      Path onCluster = tmp.resolve("on-cluster");
      for (Path warehouse : List.of(local, onCluster)) {
        List<String> cluster = warehouse.equals(onCluster) ? List.of("--flink-master", flinkMaster) : List.of();
        // The first day through the nightly, the second through the ingest command itself.
        assertEquals(0, chengxin.execute(with(cluster, "nightly", "--ingest-only", "--date", FIRST_DAY, "--warehouse",
            warehouse.toString())));
        assertEquals(0, chengxin.execute(with(cluster, "ingest", "--input", checkout.resolve("data-samples/events/" + SECOND_DAY)
            .toString(), "--date", SECOND_DAY, "--warehouse", warehouse.toString())));
      }
      List<String> ran = new ArrayList<>();
      get("http://" + flinkMaster + "/jobs/overview").path("jobs")
          .forEach(job -> ran.add(job.path("name").asText() + " " + job.path("state").asText()));
      assertEquals(List.of("chengxin ingest " + FIRST_DAY + " FINISHED", "chengxin ingest " + SECOND_DAY + " FINISHED"),
          ran.stream().sorted().toList(), "the cluster ran both days, and only they");
      for (String day : List.of(FIRST_DAY, SECOND_DAY)) {
        assertEquals(0, chengxin.execute("compare-warehouses", "--left", local.toString(), "--right", onCluster.toString(),
            "--date", day), "every table of " + day + " identical (the differing ones are printed above)");
        JsonNode localCounts = ingestSummary(local, day);
        JsonNode clusterCounts = ingestSummary(onCluster, day);
        assertTrue(clusterCounts.path("reconciled").asBoolean(), day + " reconciled on the cluster");
        JsonNode totals = clusterCounts.path("totals");
        assertEquals(totals.path("read").asLong(), totals.path("accepted").asLong() + totals.path("rejected").asLong()
            + totals.path("duplicates").asLong() + totals.path("late").asLong() + totals.path("unknown_trade").asLong(),
            "every line read is accounted for: " + totals);
        assertEquals(localCounts.path("totals"), totals, day + ": the counts of the local run");
        assertEquals(localCounts.path("kinds"), clusterCounts.path("kinds"), day + ": per kind, reasons of dead letters too");
      }
    } finally {
      assertEquals(0, chengxin.execute("cluster", "down", "--dir", clusterDir));
    }
    assertEquals(3, chengxin.execute("cluster", "status", "--dir", clusterDir), "no cluster process left");
  }

  private static String[] with(List<String> cluster, String... command) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(cluster);
    return all.toArray(String[]::new);
  }

  /** The ingest's entry in a day's run summary (WAREHOUSE/_runs/DAY.json). */
  private static JsonNode ingestSummary(Path warehouse, String day) throws IOException {
    return JSON.readTree(warehouse.resolve("_runs/" + day + ".json").toFile()).path("jobs").path("ingest");
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
