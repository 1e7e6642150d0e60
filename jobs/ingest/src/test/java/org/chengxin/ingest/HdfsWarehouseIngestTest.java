package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest into a warehouse given as an {@code hdfs://} URI, on a real HDFS (a name node and a data
 * node in this JVM): the same rows as into a local warehouse, the day's look-back read from HDFS,
 * the partition swap and the run summary done through HDFS, and no staging left behind.
 */
class HdfsWarehouseIngestTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final String DAY = "2026-11-01";
  private static final String NEXT_DAY = "2026-11-02";
  private static final List<String> TABLES = List.of("trades", "ratings", "complaints", "certificates", "dead_letter", "late_events");

  @TempDir static Path hdfsData;
  private static MiniDFSCluster hdfs;

  @TempDir Path tmp;

  @BeforeAll
  static void startHdfs() throws Exception {
    hdfs = new MiniDFSCluster.Builder(new Configuration(), hdfsData.toFile()).numDataNodes(1).build();
    hdfs.waitClusterUp();
  }

  @AfterAll
  static void stopHdfs() {
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  @Test
  void twoDaysIngestedIntoHdfsHoldTheRowsOfALocalWarehouse() throws Exception {
    Path firstDay = tmp.resolve("raw/" + DAY);
    TestEvents.write(firstDay.resolve("a.jsonl"), List.of(
        TestEvents.trade("t1", DAY + "T08:00:00Z"),
        TestEvents.trade("t2", DAY + "T09:00:00Z"),
        TestEvents.rating("r1", "t1", DAY + "T12:00:00Z"),
        TestEvents.rating("r2", "t404", DAY + "T12:30:00Z"),
        TestEvents.complaint("c1", "t2", DAY + "T13:00:00Z"),
        TestEvents.certificate("cert1", DAY + "T07:00:00Z"),
        TestEvents.trade("t1", DAY + "T08:00:00Z"),
        "{not json"));
    // The next day rates a trade of the first: found only through the look-back into HDFS.
    Path nextDay = tmp.resolve("raw/" + NEXT_DAY);
    TestEvents.write(nextDay.resolve("a.jsonl"), List.of(TestEvents.rating("r9", "t2", NEXT_DAY + "T01:00:00Z")));

    String onHdfs = hdfs.getURI() + "/chengxin/warehouse";
    Path local = tmp.resolve("local-warehouse");
    List<ObjectNode> summaries = new ArrayList<>();
    for (String[] run : new String[][] {{DAY, firstDay.toString()}, {DAY, firstDay.toString()}, {NEXT_DAY, nextDay.toString()}}) {
      summaries.add(ingest(run[1], onHdfs, run[0]));
      ingest(run[1], local.toString(), run[0]);
    }

    Path copied = tmp.resolve("copied-from-hdfs");
    FileSystem fs = hdfs.getFileSystem();
    fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(onHdfs), new org.apache.hadoop.fs.Path(copied.toUri()), true);
    assertEquals(BoundedIngestIntegrationTest.allRows(local), BoundedIngestIntegrationTest.allRows(copied));
    assertEquals(List.of("t1", "t2"), BoundedIngestIntegrationTest.ids(WarehouseRows.read(copied, "trades", DAY), "trade_id"));
    assertEquals(true, WarehouseRows.read(copied, "ratings", NEXT_DAY).get(0).get("trade_known"), "look-back read from HDFS");
    assertEquals(1, WarehouseRows.read(copied, "dead_letter", DAY).size());

    assertEquals(8, summaries.get(0).path("totals").path("read").asLong());
    assertEquals(summaries.get(0).path("totals"), summaries.get(1).path("totals"), "a re-run of the day counts the same");
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path(onHdfs + "/_runs/" + NEXT_DAY + ".json")), "run summary on HDFS");
    for (String table : TABLES) {
      for (org.apache.hadoop.fs.FileStatus child : fs.listStatus(new org.apache.hadoop.fs.Path(onHdfs + "/" + table))) {
        assertTrue(child.getPath().getName().startsWith("ds="), "only day partitions in " + table + ": " + child.getPath());
      }
      for (String day : List.of(DAY, NEXT_DAY)) {
        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(onHdfs + "/_staging/" + table + "/ds=" + day);
        assertTrue(!fs.exists(staging) || fs.listStatus(staging).length == 0, "staging left behind in " + staging);
      }
    }
  }

  private static ObjectNode ingest(String input, String warehouse, String day) throws Exception {
    IngestOptions options = IngestOptions.parse(new String[] {
        "--input", input, "--warehouse", warehouse, "--date", day, "--parallelism", "2"}).orElseThrow();
    return new IngestJob(options).runBounded();
  }
}
