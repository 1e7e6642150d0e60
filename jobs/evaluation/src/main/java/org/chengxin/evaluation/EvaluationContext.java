package org.chengxin.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.core.warehouse.Warehouse;

/** What every evaluation reads: the truth folder, the warehouse and the evaluated day. */
public final class EvaluationContext {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path truth;
  private final Warehouse warehouse;
  private final LocalDate date;

  public EvaluationContext(Path truth, Warehouse warehouse, LocalDate date) {
    this.truth = truth;
    this.warehouse = warehouse;
    this.date = date;
  }

  public Path truthFile(String name) {
    return truth.resolve(name);
  }

  public JsonNode truthJson(String name) {
    try {
      return JSON.readTree(Files.readAllBytes(truthFile(name)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read truth file " + truthFile(name), e);
    }
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public LocalDate date() {
    return date;
  }

  /** The evaluated day's run summary ({@code _runs/DATE.json}); empty when nothing ran. */
  public JsonNode runSummary() {
    return new RunSummaries(warehouse).read(date);
  }
}
