package org.chengxin.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' result lines, rates and ratios from a real run summary (a bundled-sample night,
 * WAREHOUSE/_runs/2026-11-04.json): the formats the docs quote.
 */
class ResultLinesTest {
  static RunSummary sample() throws IOException {
    try (InputStream in = ResultLinesTest.class.getResourceAsStream("run-summary.json")) {
      return new RunSummary(Results.JSON.readTree(in));
    }
  }

  @Test
  void ringsLine() throws IOException {
    assertEquals("20000 trades: rings 38.0 s (wall with JVM start 45.7 s), 12000 trades read, 4 rings, 239 buyers, 9 sellers",
        BenchRings.line(20_000, sample().job("rings"), 45.66));
  }

  @Test
  void nightlyLineSumsTheSparkJobsNotTheIngest() throws IOException {
    List<RunSummary.Job> spark = sample().sparkJobs();
    assertEquals(List.of("rings", "rater_reliability", "seller_scores", "counterfeit_signals", "dissatisfaction",
        "seller_risk", "review_queue"), spark.stream().map(RunSummary.Job::name).toList());
    // 38.0 + 22.1 + 8.8 + 1.6 + 5.2 + 3.7 + 2.1 = 81.5 s; 119,469 rows read; 119469 / 81.5 = 1465.9, rounded down
    assertEquals("40000 trades: Spark 81.5 s (wall with JVM start 102.3 s), 119469 rows read, 1465 rows/s",
        BenchNightly.line(40_000, spark, 102.25));
  }

  @Test
  void dissatisfactionLine() throws IOException {
    assertEquals("20000 trades: dissatisfaction 5.2 s (wall with JVM start 19.0 s), 14131 rows read, 365 rows written, 2717 rows/s",
        BenchDissatisfaction.line(20_000, sample().job("dissatisfaction"), 18.96));
  }

  @Test
  void aJobThatDidNotRunOrAFigureNotThereEndsTheBenchmark() throws IOException {
    assertThrows(Steps.Failed.class, () -> sample().job("no_such_job"));
    assertThrows(Steps.Failed.class, () -> sample().job("rings").text("reliability_blocks"));
  }

  @Test
  void ratingsJsonLineAndRatios() throws IOException {
    ObjectNode line = BenchRatings.line(20_000, sample().job("rater_reliability"), 36.44, 2_559_000);
    assertEquals("{\"ratings\":20000,\"wall_seconds\":36.4,\"job_seconds\":22.1,\"peak_rss_mib\":2499,\"rounds\":24,"
        + "\"converged\":true,\"start\":\"warm\",\"blocks\":1,\"largest_block_mib\":0.2,\"ratings_per_second\":549}",
        Results.json(line));
    ObjectNode last = BenchRatings.line(200_000, sample().job("rater_reliability"), 100.0, 3_000_000);
    last.put("job_seconds", 89.0);
    // sizes 10.0x, wall 100.0 / 36.4 = 2.747, job 89.0 / 22.1 = 4.027
    assertEquals("{\"size_ratio\":10.0,\"wall_ratio\":2.75,\"job_ratio\":4.03}", Results.json(BenchRatings.ratios(line, last)));
  }

  @Test
  void timeRatioLineNeedsTwoSizes() throws IOException {
    // docs/rings.md: 79.3 s at 1M, 308.8 s at 10M, "Time ratio 3.89 (the script's figure)"
    assertEquals(Optional.of("time ratio (last size / first size): 3.89"), Results.timeRatio(List.of(79.3, 308.8)));
    assertEquals(Optional.empty(), Results.timeRatio(List.of(79.3)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Results.eachSize(List.of(1L, 2L, 3L), new PrintStream(bytes, true, StandardCharsets.UTF_8),
        n -> new Results.Measured("size " + n, 10.0 * n));
    assertEquals("size 1\nsize 2\nsize 3\ntime ratio (last size / first size): 3.00\n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void ratesRoundDownAndRoundingIsPythons() {
    assertEquals("15535", Results.perSecond(1_000_494, 64.4));
    assertEquals("n/a", Results.perSecond(10, 0));
    assertEquals(2.67, Results.round(2.675, 2), "2.675 is stored just below: down, as Python");
    assertEquals(0.12, Results.round(0.125, 2), "an exact tie goes to even");
    assertEquals(2, Results.round(2.5));
    assertEquals(4, Results.round(3.5));
    assertEquals(36.4, Results.round(36.44, 1));
  }
}
