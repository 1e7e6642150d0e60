package org.chengxin.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A night's run report, {@code WAREHOUSE/_runs/DAY.json}: {@code {"date": ..., "jobs": {NAME: {...}}}},
 * each Spark job with {@code rows_in}, {@code rows_out}, {@code seconds} and its own figures (some
 * written as strings), the ingest with its totals.
 */
record RunSummary(JsonNode root) {
  /** One job's entry. */
  record Job(String name, JsonNode node) {
    double seconds() {
      return number("seconds");
    }

    long rowsIn() {
      return (long) number("rows_in");
    }

    long rowsOut() {
      return (long) number("rows_out");
    }

    /** The figure at {@code path} as written (a number or a string), e.g. {@code inputs, trades}. */
    JsonNode get(String... path) {
      JsonNode node = this.node;
      for (String key : path) {
        node = node.path(key);
      }
      if (node.isMissingNode() || node.isNull()) {
        throw new Steps.Failed("the run summary's " + name + " has no " + String.join(".", path), 1);
      }
      return node;
    }

    /** The figure {@code key} as text, as the summary writes it. */
    String text(String... path) {
      return get(path).asText();
    }

    /** The figure {@code key} as a number, whether written as a number or a string. */
    double number(String... path) {
      JsonNode node = get(path);
      return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText());
    }
  }

  static RunSummary read(Path warehouse, LocalDate day) throws IOException {
    return new RunSummary(Results.JSON.readTree(warehouse.resolve("_runs").resolve(day + ".json").toFile()));
  }

  /** The job {@code name}'s entry; fails if it did not run. */
  Job job(String name) {
    JsonNode node = root.path("jobs").path(name);
    if (!node.isObject()) {
      throw new Steps.Failed("the run summary of " + root.path("date").asText() + " has no job " + name, 1);
    }
    return new Job(name, node);
  }

  /** The Spark jobs of the night (those that count rows read), not the ingest. */
  List<Job> sparkJobs() {
    List<Job> jobs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : root.path("jobs").properties()) {
      if (entry.getValue().has("rows_in")) {
        jobs.add(new Job(entry.getKey(), entry.getValue()));
      }
    }
    return jobs;
  }
}
