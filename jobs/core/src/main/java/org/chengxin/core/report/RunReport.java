package org.chengxin.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.chengxin.core.warehouse.Warehouse;

/**
 * The night's run report as one self-contained HTML file beside its summary
 * ({@code WAREHOUSE/_runs/DATE.html}): the ingest's counts with their reconciliation, the
 * dead-letter reasons, each job's status, time and rows, the day's detections, and the platform's
 * dissatisfaction rate as an inline SVG. No script, no link out: it opens from disk, offline.
 */
public final class RunReport {
  /** One run day's platform rate (per trade; null without trades) and its two-sided 95% interval. */
  public record RatePoint(LocalDate day, Double rate, double lower, double upper) {}

  /** One of the day's detections: what (in words) and how many. */
  public record Detection(String what, long count) {}

  private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;max-width:60em}table{border-collapse:collapse;margin:.5em 0}"
      + "td,th{border-bottom:1px solid #ccc;padding:.25em .6em;text-align:right}td:first-child,th:first-child{text-align:left}"
      + ".bad{color:#a00;font-weight:bold}.ok{color:#060}";

  private RunReport() {}

  /** Writes the report of {@code day} atomically (a temporary file renamed over the old one): a reader never sees half of it. */
  public static void write(Warehouse warehouse, LocalDate day, JsonNode summary, List<Detection> detections, List<RatePoint> rates) {
    warehouse.fileSystem().writeAtomically(warehouse.runReportPath(day), html(day, summary, detections, rates).getBytes(StandardCharsets.UTF_8));
  }

  /** The report as HTML: {@code summary} is the day's run summary ({@code _runs/DATE.json}), {@code rates} the platform's runs up to the day. */
  public static String html(LocalDate day, JsonNode summary, List<Detection> detections, List<RatePoint> rates) {
    StringBuilder body = new StringBuilder("<h1>Nightly run ").append(day).append("</h1>");
    JsonNode ingest = summary.path("jobs").path("ingest");
    if (ingest.isObject()) {
      ingest(body, ingest);
    } else {
      body.append("<p>No ingest ran for this day (the run summary has no <code>ingest</code> entry).</p>");
    }
    jobs(body, summary.path("jobs"));
    body.append("<h2>The day's detections</h2><table><tr><th>What</th><th>Count</th></tr>");
    detections.forEach(d -> body.append("<tr><td>").append(text(d.what())).append("</td><td>").append(number(d.count())).append("</td></tr>"));
    body.append("</table>");
    dissatisfaction(body, rates);
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Nightly run " + day + " · Chengxin</title><style>" + STYLE
        + "</style></head><body>" + body + "</body></html>\n";
  }

  private static void ingest(StringBuilder body, JsonNode ingest) {
    body.append("<h2>Ingest: counts that reconcile</h2><p>Every line read ends in exactly one place: read = accepted + rejected + ")
        .append("duplicates + late.</p><table><tr><th>Kind</th><th>Read</th><th>Accepted</th><th>Rejected</th><th>Duplicates</th>")
        .append("<th>Late</th><th>Reconciles</th></tr>");
    Map<String, Long> reasons = new TreeMap<>();
    for (Map.Entry<String, JsonNode> kind : ingest.path("kinds").properties()) {
      body.append(countsRow(kind.getKey(), kind.getValue()));
      kind.getValue().path("rejected_by_reason").properties().forEach(r -> reasons.merge(r.getKey(), r.getValue().asLong(), Long::sum));
    }
    body.append(countsRow("all", ingest.path("totals"))).append("</table>");
    body.append("<h2>Dead letters by reason</h2>");
    if (reasons.isEmpty()) {
      body.append("<p>No line was rejected.</p>");
      return;
    }
    body.append("<table><tr><th>Reason</th><th>Lines</th></tr>");
    reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(r -> body.append("<tr><td>").append(text(r.getKey())).append("</td><td>").append(number(r.getValue())).append("</td></tr>"));
    body.append("</table>");
  }

  private static String countsRow(String kind, JsonNode counts) {
    long read = counts.path("read").asLong();
    long accepted = counts.path("accepted").asLong();
    long rejected = counts.path("rejected").asLong();
    long duplicates = counts.path("duplicates").asLong();
    long late = counts.path("late").asLong();
    boolean holds = read == accepted + rejected + duplicates + late;
    return "<tr><td>" + text(kind) + "</td><td>" + number(read) + "</td><td>" + number(accepted) + "</td><td>" + number(rejected) + "</td><td>"
        + number(duplicates) + "</td><td>" + number(late) + "</td><td class=\"" + (holds ? "ok\">yes" : "bad\">NO") + "</td></tr>";
  }

  private static void jobs(StringBuilder body, JsonNode jobs) {
    body.append("<h2>Jobs</h2><table><tr><th>Job</th><th>Status</th><th>Seconds</th><th>Rows in</th><th>Rows out</th></tr>");
    for (Map.Entry<String, JsonNode> job : jobs.properties()) {
      JsonNode entry = job.getValue();
      double seconds = entry.has("seconds") ? entry.path("seconds").asDouble() : entry.path("elapsed_ms").asDouble() / 1000;
      boolean ingest = job.getKey().equals("ingest");
      // Spark jobs record "succeeded" or "failed"; the ingest records that its counts reconciled.
      String status = entry.path("status").asText(ingest && entry.path("reconciled").asBoolean() ? "succeeded" : "not recorded");
      body.append("<tr><td>").append(text(job.getKey())).append("</td><td").append(status.equals("succeeded") ? ">" : " class=\"bad\">")
          .append(text(status)).append("</td><td>").append(String.format(Locale.ROOT, "%.1f", seconds)).append("</td><td>")
          .append(ingest ? number(entry.path("totals").path("read").asLong()) : number(entry.path("rows_in").asLong())).append("</td><td>")
          .append(ingest ? number(entry.path("totals").path("accepted").asLong()) : number(entry.path("rows_out").asLong()))
          .append("</td></tr>");
    }
    body.append("</table>");
  }

  private static void dissatisfaction(StringBuilder body, List<RatePoint> rates) {
    body.append("<h2>The platform's dissatisfaction rate (trailing 30 days)</h2>");
    if (rates.isEmpty()) {
      body.append("<p>No dissatisfaction rows for the platform yet.</p>");
      return;
    }
    RatePoint latest = rates.get(rates.size() - 1);
    body.append("<p>").append(latest.day()).append(": ").append(latest.rate() == null ? "no trades"
        : String.format(Locale.ROOT, "%.2f upheld complaints per 100,000 trades (95%% interval %.2f to %.2f)", latest.rate() * 1e5,
            latest.lower() * 1e5, latest.upper() * 1e5)).append("; the target is 1 per 100,000.</p>")
        .append(DissatisfactionSvg.render(rates));
  }

  private static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** {@code value} escaped for HTML text (job names and reasons come from files anyone could edit). */
  private static String text(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
