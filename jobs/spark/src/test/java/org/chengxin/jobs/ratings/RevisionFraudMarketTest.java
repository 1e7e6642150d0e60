package org.chengxin.jobs.ratings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.csv.Delimited;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.schema.ColumnType;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.schema.Tables;
import org.chengxin.core.validation.EventValidator;
import org.chengxin.core.validation.ValidationResult.Accepted;
import org.chengxin.generator.Generate;
import org.chengxin.generator.GeneratedFeed;
import org.chengxin.jobs.SparkTestSession;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a generated market with the three kinds of revisions planted (40k trades, 30
 * days, feed faults off): the generator's events, validated by the ingest's rules, go into a
 * warehouse, rater_reliability runs on the last day, and its flags are compared with the truth.
 */
class RevisionFraudMarketTest {
  private static final LocalDate START = LocalDate.parse("2026-11-01");
  private static final int DAYS = 30;
  private static final LocalDate LAST = START.plusDays(DAYS - 1);
  private static SparkSession spark;
  /** Truth pattern of each revised rating, and the revision patterns flagged on it. */
  private static final Map<String, String> truth = new HashMap<>();
  private static final Map<String, Set<String>> flagged = new HashMap<>();

  @TempDir static Path dir;

  @BeforeAll
  static void generateIngestAndDetect() throws Exception {
    Path market = dir.resolve("market");
    Generate.main(new String[] {"--out", market.toString(), "--trades", "40000", "--seed", "31",
        "--start-date", START.toString(), "--days", Integer.toString(DAYS), "--paid-off-share", "0.6",
        "--trades-per-revision-buyer", "20000", "--honest-revision-rate", "0.1",
        "--malformed-rate", "0", "--duplicate-rate", "0", "--late-rate", "0"});
    spark = SparkTestSession.start();
    SparkWarehouse warehouse = SparkWarehouse.open(spark, dir.resolve("warehouse").toString());
    EventValidator validator = new EventValidator(new Pseudonymiser("revision-market-test-key".getBytes(StandardCharsets.UTF_8)),
        LAST.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC), EventValidator.DEFAULT_MAX_LINE_BYTES);
    // Every event in one partition: the job reads all history up to the day either way.
    for (EventKind kind : List.of(EventKind.TRADE, EventKind.RATING, EventKind.COMPLAINT, EventKind.RATING_REVISION)) {
      TableSchema table = Tables.byName(kind.table()).orElseThrow();
      List<Row> rows = new ArrayList<>();
      for (Accepted event : GeneratedFeed.accepted(market, kind, START, DAYS, validator)) {
        rows.add(row(table, event.values()));
      }
      warehouse.writeDay(table, LAST, spark.createDataFrame(rows, SparkSchemas.of(table)));
    }
    RatingDetectionOptions options = RatingDetectionOptions.defaults();
    options = options.withScoring(options.scoring().withReliability(options.scoring().reliability().withIterationLimits(1e-3, 100)));
    new RaterReliabilityJob().run(spark, RaterReliabilityJob.Options.of(
        JobOptions.of(dir.resolve("warehouse").toString(), LAST), options));

    List<String> lines = Files.readAllLines(market.resolve("truth/revisions.csv"));
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = Delimited.CSV.split(line);
      truth.put(f.get(1), f.get(4));
    }
    for (Row r : warehouse.read(RatingTables.RATING_FLAGS, LAST, LAST).select("rating_id", "pattern").collectAsList()) {
      flagged.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getString(1));
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** A validated row in Spark's types: timestamps from epoch ms, every trade known. */
  private static Row row(TableSchema table, Object[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      ColumnType type = table.columns().get(i).type();
      out[i] = values[i] != null && type == ColumnType.TIMESTAMP ? new Timestamp((Long) values[i])
          : values[i] == null && table.columns().get(i).name().equals("trade_known") ? Boolean.TRUE : values[i];
    }
    return RowFactory.create(out);
  }

  private static void assertFound(String kind, String pattern) {
    long planted = truth.values().stream().filter(kind::equals).count();
    long caught = truth.entrySet().stream()
        .filter(e -> e.getValue().equals(kind) && flagged.getOrDefault(e.getKey(), Set.of()).contains(pattern)).count();
    long flaggedAs = truth.keySet().stream().filter(id -> flagged.getOrDefault(id, Set.of()).contains(pattern)).count();
    assertTrue(planted >= 10, kind + " planted: " + planted);
    assertTrue(caught >= 0.9 * planted, kind + ": " + caught + " of " + planted + " flagged " + pattern);
    assertTrue(caught >= 0.9 * flaggedAs, pattern + ": " + caught + " of " + flaggedAs + " flagged are " + kind);
  }

  @Test
  void paidOffExtortionsAreFlagged() {
    assertFound("paid_off_extortion", "paid_off_extortion");
  }

  @Test
  void boughtBurstsAreFlagged() {
    assertFound("bought", "bought_revision");
  }

  @Test
  void honestRevisionsAreNotFlagged() {
    List<String> honest = truth.entrySet().stream().filter(e -> e.getValue().equals("honest")).map(Map.Entry::getKey).toList();
    assertTrue(honest.size() >= 10, "honest revisions: " + honest.size());
    long wronged = honest.stream().filter(id -> flagged.getOrDefault(id, Set.of()).stream()
        .anyMatch(p -> p.equals("paid_off_extortion") || p.equals("bought_revision"))).count();
    assertTrue(wronged <= 0.01 * honest.size(), wronged + " of " + honest.size() + " honest revisions flagged");
  }
}
