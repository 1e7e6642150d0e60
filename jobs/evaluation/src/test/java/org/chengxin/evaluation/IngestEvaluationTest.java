package org.chengxin.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.core.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestEvaluationTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path truth;
  @TempDir Path warehouseRoot;

  @Test
  void comparesRunSummaryWithManifest() throws Exception {
    int kindCount = EventKind.values().length; // every kind's truth counts; adding a kind must not break the sums
    ObjectNode manifest = JSON.createObjectNode();
    ObjectNode day = manifest.putObject("days").putObject(DAY.toString());
    for (EventKind kind : EventKind.values()) {
      day.putObject(kind.table()).put("lines", 13).put("valid", 10).put("duplicates", 1)
          .put("late_redeliveries", 1).put("malformed", 1);
    }
    Files.writeString(truth.resolve("manifest.json"), manifest.toString());

    Warehouse warehouse = Warehouse.local(warehouseRoot.toString());
    ObjectNode ingest = JSON.createObjectNode();
    ingest.putObject("totals").put("read", 13 * kindCount).put("accepted", 10 * kindCount - 1)
        .put("rejected", kindCount).put("duplicates", kindCount).put("late", kindCount);
    ObjectNode kinds = ingest.putObject("kinds");
    for (EventKind kind : EventKind.values()) {
      kinds.putObject(kind.wireName()).put("accepted", kind == EventKind.TRADE ? 9 : 10);
    }
    ingest.put("reconciled", true);
    new RunSummaries(warehouse).record(DAY, "ingest", ingest);

    Metrics metrics = new Metrics();
    new IngestEvaluation().measure(new EvaluationContext(truth, warehouse, DAY), metrics);
    assertEquals(13L * kindCount, metrics.get("ingest.lines_expected"));
    assertEquals(10L * kindCount, metrics.get("ingest.accepted_expected"));
    assertEquals(10L * kindCount - 1, metrics.get("ingest.accepted"));
    assertEquals(false, metrics.get("ingest.accepted_match"), "one trade was lost");
    assertEquals((long) kindCount, metrics.get("ingest.malformed_injected"));
    assertEquals(true, metrics.get("ingest.reconciled"));
    assertTrue(metrics.toJson().startsWith("{\"ingest.lines_read\":" + 13 * kindCount + ","));
  }

  @Test
  void reportsNullsWhenTheDayWasNotIngested() throws Exception {
    Files.writeString(truth.resolve("manifest.json"), "{\"days\":{}}");
    Metrics metrics = new Metrics();
    new IngestEvaluation().measure(
        new EvaluationContext(truth, Warehouse.local(warehouseRoot.toString()), DAY), metrics);
    assertTrue(metrics.toJson().contains("\"ingest.accepted\":null"));
  }
}
