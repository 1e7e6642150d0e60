package org.chengxin.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.chengxin.core.report.RunReport.Detection;
import org.chengxin.core.report.RunReport.RatePoint;
import org.chengxin.core.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
  // A small night: trades that reconcile, ratings that do not (a broken summary must show it), two jobs.
  private static final String SUMMARY = """
      {"date": "2026-11-02", "jobs": {
        "ingest": {"totals": {"read": 1012, "accepted": 990, "rejected": 12, "duplicates": 7, "late": 3},
          "kinds": {
            "trade": {"read": 700, "accepted": 690, "rejected": 8, "rejected_by_reason": {"malformed_json": 5, "missing_field": 3},
              "duplicates": 2, "late": 0},
            "rating": {"read": 312, "accepted": 300, "rejected": 4, "rejected_by_reason": {"malformed_json": 1, "out_of_range": 3},
              "duplicates": 5, "late": 2}},
          "reconciled": true, "elapsed_ms": 4200},
        "rings": {"status": "succeeded", "rows_in": 690, "rows_out": 3, "seconds": 12.5},
        "dissatisfaction": {"status": "failed", "rows_in": 990, "rows_out": 0, "seconds": 3.0, "error": "<b>boom</b>"}}}
      """;

  private static String report() throws Exception {
    JsonNode summary = new ObjectMapper().readTree(SUMMARY);
    return RunReport.html(DAY, summary, List.of(new Detection("rings found", 3), new Detection("flagged ratings: ring_boost", 41)),
        List.of(new RatePoint(DAY.minusDays(1), 2e-5, 5e-6, 4e-5), new RatePoint(DAY, 1e-5, 2e-6, 2.5e-5)));
  }

  @Test
  void theCountsReconcileKindByKindAndABrokenOneIsMarked() throws Exception {
    String html = report();

    assertTrue(html.contains("<tr><td>trade</td><td>700</td><td>690</td><td>8</td><td>2</td><td>0</td><td class=\"ok\">yes</td></tr>"), html);
    assertTrue(html.contains("<tr><td>rating</td><td>312</td><td>300</td><td>4</td><td>5</td><td>2</td><td class=\"bad\">NO</td></tr>"),
        "312 != 300 + 4 + 5 + 2");
    assertTrue(html.contains("<tr><td>all</td><td>1,012</td><td>990</td><td>12</td><td>7</td><td>3</td><td class=\"ok\">yes</td></tr>"));
  }

  @Test
  void deadLetterReasonsAreSummedOverKindsMostFirst() throws Exception {
    String html = report();

    assertTrue(html.contains("<tr><td>malformed_json</td><td>6</td></tr><tr><td>missing_field</td><td>3</td></tr>"
        + "<tr><td>out_of_range</td><td>3</td></tr>"), "5 + 1 malformed lines, then ties by name: " + html);
  }

  @Test
  void eachJobHasItsStatusTimeAndRowsAndTheDaysDetections() throws Exception {
    String html = report();

    assertTrue(html.contains("<tr><td>ingest</td><td>succeeded</td><td>4.2</td><td>1,012</td><td>990</td></tr>"), html);
    assertTrue(html.contains("<tr><td>rings</td><td>succeeded</td><td>12.5</td><td>690</td><td>3</td></tr>"));
    assertTrue(html.contains("<tr><td>dissatisfaction</td><td class=\"bad\">failed</td><td>3.0</td><td>990</td><td>0</td></tr>"));
    assertTrue(html.contains("<tr><td>flagged ratings: ring_boost</td><td>41</td></tr>"));
  }

  @Test
  void theDissatisfactionChartIsAnInlineSvgAndThePageRunsNoScriptAndLinksNowhere() throws Exception {
    String html = report();

    assertTrue(html.contains("2026-11-02: 1.00 upheld complaints per 100,000 trades (95% interval 0.20 to 2.50)"), html);
    assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assertTrue(html.contains("target: 1 per 100,000"));
    var rate = Pattern.compile("<polyline class=\"rate\"[^>]* points=\"([^\"]+)\"").matcher(html);
    assertTrue(rate.find());
    assertEquals(2, rate.group(1).split(" ").length, "one point per run day");
    assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href="), "self-contained");
  }

  @Test
  void itIsWrittenBesideTheSummaryAtomically(@TempDir Path root) throws Exception {
    Warehouse warehouse = Warehouse.local(root.toString());
    RunReport.write(warehouse, DAY, new ObjectMapper().readTree(SUMMARY), List.of(), List.of());

    Path written = root.resolve("_runs").resolve("2026-11-02.html");
    assertTrue(Files.readString(written).contains("<h1>Nightly run 2026-11-02</h1>"));
    try (var files = Files.list(root.resolve("_runs"))) {
      assertEquals(List.of(written), files.toList(), "no temporary file left behind");
    }
  }
}
