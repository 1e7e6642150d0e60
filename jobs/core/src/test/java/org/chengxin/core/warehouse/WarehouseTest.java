package org.chengxin.core.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  @TempDir Path root;

  @Test
  void commitReplacesPartitionWhole() throws IOException {
    Warehouse warehouse = Warehouse.local(root.toString());
    writeStaged(warehouse, "first.parquet");
    writeStaged(warehouse, "second.parquet");
    Path live = Path.of(warehouse.partitionPath("trades", DAY));
    assertEquals(1, Files.list(live).count(), "re-run replaces, never appends");
    assertTrue(Files.exists(live.resolve("second.parquet")));
    assertFalse(Files.exists(root.resolve("_trash/trades/ds=" + DAY)));
  }

  @Test
  void stagingAbandonedByAKilledRunGoesWhenThePartitionIsStagedAgainAndNoOtherPartitionsDoes() throws IOException {
    Warehouse warehouse = Warehouse.local(root.toString());
    Path abandoned = Path.of(warehouse.newStagingPath("trades", DAY));
    Files.writeString(abandoned.resolve("part-0.parquet"), "half written");
    Path otherDay = Path.of(warehouse.newStagingPath("trades", DAY.plusDays(1)));
    Path otherTable = Path.of(warehouse.newStagingPath("ratings", DAY));

    warehouse.discardAbandonedStaging("trades", DAY);

    assertFalse(Files.exists(abandoned.getParent()));
    assertTrue(Files.isDirectory(otherDay) && Files.isDirectory(otherTable));
    warehouse.discardAbandonedStaging("trades", DAY); // nothing left: no error
  }

  @Test
  void aFileWrittenAtomicallyIsReadableByOthersAsAnExportIsServed() throws IOException {
    Path file = root.resolve("out/record.jsonl");
    new LocalWarehouseFileSystem().writeAtomically(file.toString(), "{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("{}\n", Files.readString(file));
    assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var left = Files.list(file.getParent())) {
      assertEquals(1, left.count(), "no temporary file left");
    }
  }

  @Test
  void failedCommitLeavesPreviousPartitionIntact() throws IOException {
    Warehouse warehouse = Warehouse.local(root.toString());
    writeStaged(warehouse, "good.parquet");
    String missingStaging = root.resolve("_staging/never-written").toString();
    assertThrows(RuntimeException.class, () -> warehouse.commitPartition("trades", DAY, missingStaging));
    assertTrue(Files.exists(Path.of(warehouse.partitionPath("trades", DAY), "good.parquet")));
  }

  @Test
  void recoverRestoresPartitionTrashedByInterruptedSwap() throws IOException {
    Warehouse warehouse = Warehouse.local(root.toString());
    writeStaged(warehouse, "good.parquet");
    // Simulate a crash after the first rename of a swap.
    Path trash = root.resolve("_trash/trades/ds=" + DAY);
    Files.createDirectories(trash.getParent());
    Files.move(Path.of(warehouse.partitionPath("trades", DAY)), trash);
    warehouse.recover("trades", DAY);
    assertTrue(Files.exists(Path.of(warehouse.partitionPath("trades", DAY), "good.parquet")));
    assertFalse(Files.exists(trash));
  }

  @Test
  void runSummaryKeepsOneEntryPerJob() {
    Warehouse warehouse = Warehouse.local(root.toString());
    RunSummaries summaries = new RunSummaries(warehouse);
    summaries.record(DAY, "ingest", JsonNodeFactory.instance.objectNode().put("read", 10));
    summaries.record(DAY, "seller_scores", JsonNodeFactory.instance.objectNode().put("rows_out", 3));
    summaries.record(DAY, "ingest", JsonNodeFactory.instance.objectNode().put("read", 12));
    var summary = summaries.read(DAY);
    assertEquals(12, summary.at("/jobs/ingest/read").asInt());
    assertEquals(3, summary.at("/jobs/seller_scores/rows_out").asInt());
    assertEquals(DAY.toString(), summary.get("date").asText());
  }

  private static void writeStaged(Warehouse warehouse, String fileName) throws IOException {
    String staging = warehouse.newStagingPath("trades", DAY);
    Files.writeString(Path.of(staging, fileName), "data");
    warehouse.commitPartition("trades", DAY, staging);
  }
}
