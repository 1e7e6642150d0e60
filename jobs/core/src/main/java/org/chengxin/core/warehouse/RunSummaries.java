package org.chengxin.core.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * The day's run summary, {@code WAREHOUSE/_runs/YYYY-MM-DD.json}: one entry per job under
 * {@code jobs}, each with that job's own reconciled counts. A re-run of a job replaces its entry,
 * so the file stays idempotent like the tables.
 */
public final class RunSummaries {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Warehouse warehouse;

  public RunSummaries(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** Records (or replaces) one job's entry in the day's summary. */
  public synchronized void record(LocalDate day, String job, JsonNode entry) {
    ObjectNode summary = read(day);
    summary.put("date", day.toString());
    summary.withObject("/jobs").set(job, entry);
    try {
      warehouse.fileSystem().writeAtomically(warehouse.runSummaryPath(day), JSON.writeValueAsBytes(summary));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The day's summary, or an empty object when no job has run for that day yet. */
  public ObjectNode read(LocalDate day) {
    String path = warehouse.runSummaryPath(day);
    if (!warehouse.fileSystem().exists(path)) {
      return JSON.createObjectNode();
    }
    try {
      return (ObjectNode) JSON.readTree(warehouse.fileSystem().read(path));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable run summary " + path, e);
    }
  }
}
