package org.chengxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The continuous ingest from a real Kafka broker (KRaft, its own JVM on loopback) killed with
 * SIGKILL twice in the middle of a live stream and restarted from its latest retained checkpoint (or,
 * on a Flink session cluster, its task manager killed twice and the job restarted by the job manager):
 * afterwards every produced record has exactly one row in the tables (event tables, dead_letter,
 * late_events) or is a repeated delivery of an event that has one; no record has two rows, no row
 * names a record never produced, no event id is twice in a table, and the tables hold only
 * committed part files. Through {@code bench-kafka-ingest}, as a user runs it.
 */
class KafkaIngestKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void killedTwiceMidStreamEveryEventIsInTheTablesExactlyOnce() throws Exception {
    // About 60,000 events sent over 50 s; each run killed 20-26 s after its start, so both kills fall while the
    // producer is still sending, after the ingest has started reading.
    JsonNode result = benchmark(1200, "--kill-after", "20-26");
    assertEquals("ingest", result.path("killed").asText());
  }

  /**
   * The same stream ingested on a Flink session cluster (a job manager and a task manager, each its
   * own JVM): the task manager is the JVM killed, a new one started, and the job manager restarts the
   * job on it from the last completed checkpoint.
   */
  @Test
  void taskManagerKilledTwiceMidStreamEveryEventIsInTheTablesExactlyOnce() throws Exception {
    // About 60,000 events sent over 120 s; each kill 10-14 s after the job runs (again) on the cluster: two
    // checkpoint intervals, so the first kill comes after committed files, and both inside the stream even
    // when a loaded machine takes 50 s to start the job and restart it after the first kill (seen in CI).
    JsonNode result = benchmark(500, "--kill-after", "10-14", "--kill-process", "taskmanager", "--taskmanager-memory", "2g");
    assertEquals("taskmanager", result.path("killed").asText());
    assertTrue(result.path("part_files_committed_at_kills").path(0).asInt() > 0, "the first kill after progress: " + result);
    assertTrue(result.path("job_failures_on_cluster").asInt() >= 2,
        "the job manager restarted the job after each lost task manager: " + result);
  }

  /** Runs bench-kafka-ingest at test size with two kills, checks its account and returns its result. */
  private JsonNode benchmark(int eventsPerSecond, String... killArgs) throws Exception {
    Path checkout = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("CHENGXIN_HEAP", "1g");
    CommandLine chengxin = Chengxin.commandLine(new Launcher(checkout, environment));
    Path work = tmp.resolve("work");
    List<String> args = new ArrayList<>(List.of("bench-kafka-ingest", "--trades", "35000", "--produce-rate", String.valueOf(eventsPerSecond),
        "--kills", "2", "--seed", "16", "--work", work.toString()));
    args.addAll(List.of(killArgs));
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int status;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      status = chengxin.execute(args.toArray(String[]::new));
    } finally {
      System.setOut(stdout);
    }
    String output = printed.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, output);
    JsonNode result = JSON.readTree(output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
    JsonNode account = result.path("account");
    assertEquals(2, result.path("kills").asInt());
    assertEquals("[true,true]", result.path("producer_running_at_kills").toString(), "both kills in the middle of the stream: " + result);
    assertTrue(result.path("events").asLong() > 50_000, result.toString());
    assertEquals(result.path("events").asLong(), account.path("records").asLong(), "the audit read every produced record");
    assertEquals(0, account.path("missing").asLong(), "nothing lost: " + account);
    assertEquals(0, account.path("records_with_rows_twice").asLong(), "no record written twice: " + account);
    assertEquals(0, account.path("event_ids_twice_in_a_table").asLong(), "no event twice in a table: " + account);
    assertEquals(0, account.path("rows_of_no_record").asLong(), account.toString());
    assertTrue(account.path("duplicates").asLong() > 0, "the generator's repeated deliveries were produced and dropped: " + account);
    assertTrue(account.path("rows").path("dead_letter").asLong() > 0, "its bad lines dead-lettered: " + account);
    assertTrue(account.path("exactly_once").asBoolean(), account.toString());
    assertEquals(List.of(), strayFiles(work.resolve("warehouse")), "only committed part files (and hidden in-progress ones) in the tables");
    return result;
  }

  /** Files in the tables' partitions that are neither committed part files nor hidden. */
  private static List<Path> strayFiles(Path warehouse) throws Exception {
    try (Stream<Path> files = Files.walk(warehouse)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> !warehouse.relativize(f).getName(0).toString().startsWith("_"))
          .filter(f -> {
            String name = f.getFileName().toString();
            return !name.startsWith(".") && !(name.startsWith("part-") && name.endsWith(".parquet"));
          }).toList();
    }
  }
}
