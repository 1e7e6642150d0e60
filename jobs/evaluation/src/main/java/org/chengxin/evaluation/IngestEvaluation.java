package org.chengxin.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import org.chengxin.core.event.EventKind;

/**
 * Ingest against the generator's manifest for the evaluated day: every valid event accepted once,
 * every injected malformed line rejected, every re-delivery counted as a duplicate, every late
 * re-delivery counted late, and the run's own counts reconciling.
 */
final class IngestEvaluation implements DetectorEvaluation {

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void measure(EvaluationContext context, Metrics metrics) {
    JsonNode day = context.truthJson("manifest.json").path("days").path(context.date().toString());
    JsonNode ingest = context.runSummary().path("jobs").path("ingest");
    if (day.isMissingNode() || ingest.isMissingNode()) {
      for (String key : new String[] {"lines_read", "lines_expected", "accepted", "accepted_expected",
          "accepted_match", "rejected", "malformed_injected", "duplicates", "duplicates_injected",
          "late", "late_injected", "reconciled"}) {
        metrics.missing("ingest." + key);
      }
      return;
    }
    long expectedLines = 0;
    long expectedValid = 0;
    long injectedMalformed = 0;
    long injectedDuplicates = 0;
    long injectedLate = 0;
    boolean acceptedMatch = true;
    for (EventKind kind : EventKind.values()) {
      JsonNode truth = day.path(kind.table());
      expectedLines += truth.path("lines").asLong();
      expectedValid += truth.path("valid").asLong();
      injectedMalformed += truth.path("malformed").asLong();
      injectedDuplicates += truth.path("duplicates").asLong();
      injectedLate += truth.path("late_redeliveries").asLong();
      long accepted = ingest.path("kinds").path(kind.wireName()).path("accepted").asLong();
      acceptedMatch &= accepted == truth.path("valid").asLong();
    }
    JsonNode totals = ingest.path("totals");
    metrics.put("ingest.lines_read", totals.path("read").asLong())
        .put("ingest.lines_expected", expectedLines)
        .put("ingest.accepted", totals.path("accepted").asLong())
        .put("ingest.accepted_expected", expectedValid)
        .put("ingest.accepted_match", acceptedMatch)
        .put("ingest.rejected", totals.path("rejected").asLong())
        .put("ingest.malformed_injected", injectedMalformed)
        .put("ingest.duplicates", totals.path("duplicates").asLong())
        .put("ingest.duplicates_injected", injectedDuplicates)
        .put("ingest.late", totals.path("late").asLong())
        .put("ingest.late_injected", injectedLate)
        .put("ingest.reconciled", ingest.path("reconciled").asBoolean(false));
  }
}
