package org.chengxin.jobs.review;

import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.schema.PublicRecordTables;
import org.chengxin.core.schema.ReviewTables;
import org.chengxin.core.schema.ScoreTables;
import org.chengxin.jobs.GeneratedMonth;
import org.chengxin.jobs.NightlySparkJobs;
import org.chengxin.jobs.SparkTestSession;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.SparkJob;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.chengxin.review.CaseStore;
import org.chengxin.review.ClosureProposal;
import org.chengxin.review.Outcome;
import org.chengxin.review.PenaltyStatus;
import org.chengxin.review.PenaltyStore;
import org.chengxin.review.PublicRecordStore;
import org.chengxin.review.RecommendedAction;
import org.chengxin.review.ReviewCase;
import org.chengxin.review.db.EmbeddedPostgres;
import org.chengxin.review.db.ReviewDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * seller_public_record end to end over a generated month: the nightly Spark jobs on its last day,
 * the review queue synced into a real (embedded) PostgreSQL, reviewers confirming, clearing and
 * leaving cases, penalties lifted, certificates accepted and appeals decided on later days, then
 * the record of two days and its JSON export.
 */
class SellerPublicRecordJobTest {
  private static final LocalDate START = LocalDate.of(2026, 10, 1);
  private static final Path MODELS = Path.of("../../models/risk").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static SparkSession spark;
  private static String warehouse;
  private static GeneratedMonth month;
  private static EmbeddedPostgres postgres;
  private static ReviewDatabase db;
  private static List<ReviewCase> queue;
  private static double seconds;
  /** The first day of review, the day after the month. */
  private static final LocalDate R1 = START.plusDays(30);
  private static final List<String> REVIEWERS = List.of("alice", "bob", "carol");
  private static final Map<LocalDate, Map<String, Row>> records = new java.util.TreeMap<>();
  private static ReviewCase closure;
  private static ReviewCase lifted;
  private static ReviewCase upheld;
  private static ReviewCase accepted;
  private static ReviewCase demanded;
  private static ReviewCase warned;
  private static ReviewCase cleared;
  private static ReviewCase alsoCleared;
  private static ReviewCase inReview;
  private static ReviewCase open;

  @BeforeAll
  static void aMonthThroughTheNightlyJobsAndTheQueue() throws SQLException {
    long started = System.nanoTime();
    spark = SparkTestSession.start();
    warehouse = temp.resolve("warehouse").toString();
    month = GeneratedMonth.ingest(spark, temp.resolve("market"), warehouse, 8000, START, 17, "--trades-per-ring", "2000",
        "--ring-buyers", "10-20", "--trades-per-counterfeit-seller", "2500");
    System.err.printf("ingested: %.1f s%n", (System.nanoTime() - started) / 1e9);
    for (SparkJob<?> job : NightlySparkJobs.JOBS) {
      run(job, month.lastDay);
      System.err.printf("%s: %.1f s%n", job.name(), (System.nanoTime() - started) / 1e9);
    }
    // A real PostgreSQL of its own, in the test's folder, stopped when the tests end.
    postgres = new EmbeddedPostgres(temp.resolve("postgres"));
    db = ReviewDatabase.at(postgres.start());
    List<Row> flagged = SparkWarehouse.open(spark, warehouse).read(ReviewTables.REVIEW_QUEUE, month.lastDay, month.lastDay).collectAsList();
    new CaseStore(db, clockOn(month.lastDay)).sync(month.lastDay, ReviewQueueSync.flaggedSellers(flagged));
    queue = new CaseStore(db, clockOn(month.lastDay)).list(Optional.empty(), 1000);
    buildRecord(month.lastDay);
    review();
    for (LocalDate day : List.of(R1.plusDays(1), R1.plusDays(6), R1.plusDays(7))) {
      buildRecord(day);
    }
    seconds = (System.nanoTime() - started) / 1e9;
    System.err.printf("SellerPublicRecordJobTest: %d accounts, %d cases (%s), set-up %.1f s%n", month.accountIds.size(), queue.size(),
        queue.stream().map(c -> c.recommendedAction().wire()).toList(), seconds);
  }

  /**
   * Reviewers on the days after the month: every case but the lowest-priority one taken on R1; three
   * closures, two certificate demands and a warning confirmed, two warnings cleared, one left in
   * review; then a lift, certificates, and appeals decided each way on later days.
   */
  private static void review() throws SQLException {
    List<ReviewCase> taken = new CaseStore(db, clockOn(R1)).take("alice", queue.size() - 1);
    open = queue.stream().filter(c -> taken.stream().noneMatch(t -> t.caseId() == c.caseId())).findFirst().orElseThrow();
    List<ReviewCase> closures = ofAction(taken, RecommendedAction.SEVEN_DAY_CLOSURE);
    List<ReviewCase> demands = ofAction(taken, RecommendedAction.DEMAND_CERTIFICATES);
    List<ReviewCase> warnings = ofAction(taken, RecommendedAction.WARN);
    assertTrue(closures.size() >= 3 && demands.size() >= 2 && warnings.size() >= 4, "the generated month's queue: " + queue);
    closure = closures.get(0);
    lifted = closures.get(1);
    upheld = closures.get(2);
    accepted = demands.get(0);
    demanded = demands.get(1);
    warned = warnings.get(0);
    cleared = warnings.get(1);
    alsoCleared = warnings.get(2);
    inReview = warnings.get(3);
    CaseStore cases = new CaseStore(db, clockOn(R1));
    Map<Long, Long> penalty = new HashMap<>();
    for (ReviewCase c : List.of(closure, lifted, upheld, accepted, demanded, warned)) {
      if (cases.decideOrPropose(c.caseId(), "alice", Outcome.CONFIRMED, "confirmed from the evidence") instanceof ClosureProposal) {
        cases.confirmClosure(c.caseId(), "carol"); // a seven-day closure takes effect with a second reviewer
      }
      penalty.put(c.caseId(), new PenaltyStore(db, clockOn(R1)).penalties(Optional.of(c.sellerId()), Optional.empty(), 1)
          .get(0).penaltyId());
    }
    for (ReviewCase c : List.of(cleared, alsoCleared)) {
      cases.decide(c.caseId(), "alice", Outcome.CLEARED, "honest seller: the buyers are real");
    }
    on(R1.plusDays(1)).appeal(penalty.get(upheld.caseId()), "bob", "the buyers are my customers");
    on(R1.plusDays(1)).certificates(penalty.get(accepted.caseId()), PenaltyStatus.Certificates.RECEIVED, "bob", "sent by e-mail");
    on(R1.plusDays(2)).lift(penalty.get(lifted.caseId()), "carol", "all buyers refunded");
    on(R1.plusDays(2)).appeal(penalty.get(demanded.caseId()), "carol", "the brands are genuine");
    on(R1.plusDays(3)).decideAppeal(penalty.get(upheld.caseId()), PenaltyStatus.Appeal.UPHELD, "bob", "the ring was misread");
    on(R1.plusDays(3)).certificates(penalty.get(accepted.caseId()), PenaltyStatus.Certificates.ACCEPTED, "bob", "in the registry");
    on(R1.plusDays(4)).decideAppeal(penalty.get(demanded.caseId()), PenaltyStatus.Appeal.REJECTED, "carol", "no certificates");
  }

  private static PenaltyStore on(LocalDate day) {
    return new PenaltyStore(db, clockOn(day));
  }

  private static List<ReviewCase> ofAction(List<ReviewCase> cases, RecommendedAction action) {
    return cases.stream().filter(c -> c.recommendedAction() == action).toList();
  }

  /** The job of the nightly step for {@code day}, then its partition by seller. */
  private static void buildRecord(LocalDate day) throws SQLException {
    SellerPublicRecordJob.run(spark, JobOptions.of(warehouse, day), new PublicRecordStore(db).confirmedCases());
    Map<String, Row> bySeller = new HashMap<>();
    SparkWarehouse.open(spark, warehouse).read(PublicRecordTables.SELLER_PUBLIC_RECORD, day, day).drop("ds").collectAsList()
        .forEach(row -> assertNull(bySeller.put(row.getAs("seller_id"), row), "one row per seller"));
    records.put(day, bySeller);
  }

  private static void assertViolation(LocalDate day, ReviewCase c, String penalty, LocalDate end, String state, String appeal) {
    List<Row> listed = violations(records.get(day).get(c.sellerId()));
    assertEquals(1, listed.size(), c.sellerId() + " on " + day);
    Row v = listed.get(0);
    assertEquals(java.sql.Date.valueOf(R1), v.getAs("decided_on"));
    assertEquals(java.sql.Date.valueOf(R1), v.getAs("penalty_start"));
    assertEquals(penalty, v.getAs("penalty"));
    assertEquals(end == null ? null : java.sql.Date.valueOf(end), v.getAs("penalty_end"), "end of " + penalty + " on " + day);
    assertEquals(state, v.getAs("penalty_state"), "state of " + penalty + " on " + day);
    assertEquals(appeal, v.getAs("appeal"));
  }

  private static List<Row> violations(Row row) {
    return row.getList(row.fieldIndex("violations"));
  }

  /** Every string value of a row, its records' included. */
  private static List<String> strings(Row row, List<String> out) {
    for (int i = 0; i < row.size(); i++) {
      Object value = row.get(i);
      if (value instanceof String text) {
        out.add(text);
      } else if (value instanceof Row nested) {
        strings(nested, out);
      } else if (value instanceof scala.collection.Seq<?> || value instanceof List<?>) {
        for (Object element : value instanceof List<?> list ? list : row.getList(i)) {
          strings((Row) element, out);
        }
      }
    }
    return out;
  }

  private static void texts(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.fieldNames().forEachRemaining(out::add);
    node.elements().forEachRemaining(child -> texts(child, out));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Fails when a string is another account's id, a reviewer, a key or an evidence id, or holds one; returns how many it checked. */
  private static int assertNothingForbidden(String ownSeller, List<String> texts, Set<String> forbidden) {
    for (String text : texts) {
      if (text.equals(ownSeller)) {
        continue;
      }
      assertFalse(forbidden.contains(text) || month.accountIds.contains(text), "found '" + text + "' in the record of " + ownSeller);
      for (String token : text.split("[^A-Za-z0-9_.@-]+")) {
        assertFalse(!token.equals(ownSeller) && (forbidden.contains(token) || month.accountIds.contains(token)),
            "found '" + token + "' in '" + text + "' of " + ownSeller);
      }
    }
    return texts.size();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
    postgres.stop();
    System.err.printf("SellerPublicRecordJobTest: generated month, nightly jobs, queue, 4 records: %.1f s%n", seconds);
  }

  @Test
  void onlyConfirmedCasesAppearAndOnlyFromTheDayOfTheirDecision() {
    Set<String> confirmed = Set.of(closure.sellerId(), lifted.sellerId(), upheld.sellerId(), accepted.sellerId(),
        demanded.sellerId(), warned.sellerId());
    for (LocalDate day : List.of(R1.plusDays(1), R1.plusDays(6), R1.plusDays(7))) {
      Map<String, Row> record = records.get(day);
      Set<String> withViolations = new HashSet<>();
      record.values().forEach(row -> {
        int listed = violations(row).size();
        assertEquals(listed, (int) row.<Integer>getAs("confirmed_violations"));
        if (listed > 0) {
          withViolations.add(row.getAs("seller_id"));
        }
      });
      Set<String> expected = new HashSet<>(confirmed);
      if (!day.isBefore(R1.plusDays(3))) {
        expected.remove(upheld.sellerId()); // its appeal was upheld on R1 + 3: off the record
      }
      assertEquals(expected, withViolations, "on " + day);
      for (ReviewCase notConfirmed : List.of(cleared, alsoCleared, inReview, open)) {
        Row row = record.get(notConfirmed.sellerId());
        assertEquals(0, row == null ? 0 : (int) row.<Integer>getAs("confirmed_violations"), notConfirmed.sellerId() + " on " + day);
      }
    }
    // The record of the month's last day, built before any decision, lists none.
    assertTrue(records.get(month.lastDay).values().stream().allMatch(row -> violations(row).isEmpty()));
  }

  @Test
  void everySellerWithScoresHasItsCreditAndDsrFromTheLatestScores() {
    List<Row> scores = SparkWarehouse.open(spark, warehouse).read(ScoreTables.SELLER_SCORES, month.lastDay, month.lastDay).collectAsList();
    Map<String, Row> record = records.get(R1.plusDays(1));
    assertTrue(scores.size() > 20, "scores of " + scores.size() + " sellers");
    for (Row score : scores) {
      Row row = record.get(score.<String>getAs("seller_id"));
      assertEquals(java.sql.Date.valueOf(month.lastDay), row.getAs("scores_day"));
      for (String column : List.of("credit_points", "credit_level", "credit_badge", "positive_rate", "dsr_service_count", "dsr_logistics")) {
        assertEquals((Object) score.getAs(column), row.getAs(column), column);
      }
    }
  }

  @Test
  void eachPenaltysEndIsRightForItsKindAsOfTheDay() {
    LocalDate seventhDay = R1.plusDays(6);
    // A seven-day closure decided on R1 is in force on R1 to R1 + 6 and ends on its seventh day.
    assertViolation(R1.plusDays(1), closure, "seven_day_closure", seventhDay, "active", null);
    assertViolation(seventhDay, closure, "seven_day_closure", seventhDay, "active", null);
    assertViolation(R1.plusDays(7), closure, "seven_day_closure", seventhDay, "ended", null);
    assertEquals(java.sql.Date.valueOf(seventhDay), records.get(seventhDay).get(closure.sellerId()).getAs("closed_until"));
    assertNull(records.get(R1.plusDays(7)).get(closure.sellerId()).getAs("closed_until"));
    assertFalse(records.get(R1.plusDays(7)).get(closure.sellerId()).<Boolean>getAs("currently_penalised"));
    // Lifted on R1 + 2: its term holds before, the day before the lift is its last after.
    assertViolation(R1.plusDays(1), lifted, "seven_day_closure", seventhDay, "active", null);
    assertViolation(R1.plusDays(6), lifted, "seven_day_closure", R1.plusDays(1), "lifted", null);
    // Certificates received on R1 + 1, accepted on R1 + 3.
    assertViolation(R1.plusDays(1), accepted, "demand_certificates", null, "active", null);
    assertViolation(R1.plusDays(6), accepted, "demand_certificates", R1.plusDays(2), "ended", null);
    // No certificates: open-ended; its appeal is filed on R1 + 2 and rejected on R1 + 4.
    assertViolation(R1.plusDays(1), demanded, "demand_certificates", null, "active", null);
    assertViolation(R1.plusDays(7), demanded, "demand_certificates", null, "active", "rejected");
    assertTrue(records.get(R1.plusDays(7)).get(demanded.sellerId()).<Boolean>getAs("currently_penalised"));
    assertNull(records.get(R1.plusDays(7)).get(demanded.sellerId()).getAs("closed_until"));
    // Appealed on R1 + 1, upheld on R1 + 3: pending until then, then off the record.
    assertViolation(R1.plusDays(1), upheld, "seven_day_closure", seventhDay, "active", "pending");
    // A warning is on record for its own day.
    assertViolation(R1.plusDays(1), warned, "warn", R1, "ended", null);
  }

  @Test
  void theRecordAndItsJsonNameNoOtherAccountNoReviewerNoKeyAndNoEvidenceId() throws Exception {
    Set<String> evidence = new HashSet<>();
    queue.forEach(c -> {
      evidence.addAll(c.evidence().ringIds());
      evidence.addAll(c.evidence().flaggedRatingIds());
      evidence.addAll(c.evidence().complaintIds());
    });
    assertFalse(month.pseudonymousKeys.isEmpty() || month.eventIds.isEmpty() || evidence.isEmpty());
    Set<String> forbidden = new HashSet<>(month.pseudonymousKeys);
    forbidden.addAll(month.eventIds);
    forbidden.addAll(evidence);
    forbidden.addAll(REVIEWERS);
    int checked = 0;
    for (LocalDate day : records.keySet()) {
      for (Row row : records.get(day).values()) {
        String seller = row.getAs("seller_id");
        checked += assertNothingForbidden(seller, strings(row, new ArrayList<>()), forbidden);
      }
      List<String> lines = PublicRecordExport.jsonLines(warehouse, Optional.of(day), Optional.empty());
      assertEquals(records.get(day).size(), lines.size());
      for (String line : lines) {
        JsonNode seller = JSON.readTree(line);
        assertEquals(PublicRecordTables.SELLER_PUBLIC_RECORD.columnNames(), fieldNames(seller), "stable fields, all present");
        List<String> texts = new ArrayList<>();
        seller.findValues("decided_on").forEach(d -> assertTrue(d.asText().matches("\\d{4}-\\d{2}-\\d{2}"), d.toString()));
        texts(seller, texts);
        checked += assertNothingForbidden(seller.get("seller_id").asText(), texts, forbidden);
      }
    }
    assertTrue(checked > 1000, checked + " strings checked");
  }

  @Test
  void theExportReadWithoutSparkIsWhatSparkWritesAsJsonAndItsFileHoldsIt() throws Exception {
    for (LocalDate day : records.keySet()) {
      Dataset<Row> rows = SparkWarehouse.open(spark, warehouse).read(PublicRecordTables.SELLER_PUBLIC_RECORD, day, day).drop("ds");
      List<JsonNode> bySpark = new ArrayList<>();
      for (Row json : rows.orderBy("seller_id").select(to_json(struct(rows.col("*")), Map.of("ignoreNullFields", "false")))
          .collectAsList()) {
        bySpark.add(JSON.readTree(json.getString(0)));
      }
      List<JsonNode> exported = new ArrayList<>();
      for (String line : PublicRecordExport.jsonLines(warehouse, Optional.of(day), Optional.empty())) {
        exported.add(JSON.readTree(line));
      }
      assertEquals(bySpark, exported, "on " + day);
    }
    Path out = temp.resolve("export/record.jsonl");
    PublicRecordExport.main(new String[] {"--warehouse", warehouse, "--out", out.toString()});
    assertEquals(PublicRecordExport.jsonLines(warehouse, Optional.of(R1.plusDays(7)), Optional.empty()), Files.readAllLines(out),
        "without --date: the latest partition");
    assertThrows(UsageException.class, () -> PublicRecordExport.jsonLines(warehouse, Optional.of(R1.plusDays(7)),
        Optional.of(month.accountIds.stream().filter(id -> id.startsWith("b")).findFirst().orElseThrow())), "a buyer has no record");
    assertThrows(UsageException.class, () -> PublicRecordExport.jsonLines(warehouse, Optional.of(R1.plusDays(2)), Optional.empty()),
        "no partition that day");
  }

  @Test
  void theExportOfOneSellerIsItsRowAsJson() throws Exception {
    List<String> lines = PublicRecordExport.jsonLines(warehouse, Optional.of(R1.plusDays(7)),
        Optional.of(demanded.sellerId()));
    assertEquals(1, lines.size());
    System.err.println("public record of " + demanded.sellerId() + ": " + lines.get(0));
    JsonNode seller = JSON.readTree(lines.get(0));
    assertEquals(demanded.sellerId(), seller.get("seller_id").asText());
    assertEquals(1, seller.get("confirmed_violations").asInt());
    JsonNode violation = seller.get("violations").get(0);
    assertEquals(R1.toString(), violation.get("decided_on").asText());
    assertEquals("demand_certificates", violation.get("penalty").asText());
    assertTrue(violation.get("penalty_end").isNull(), "open-ended: null, not left out");
    assertEquals("rejected", violation.get("appeal").asText());
    assertTrue(violation.get("kind").asText().contains("counterfeit goods"), violation.toString());
  }

  /** Runs one nightly job as NightlySparkJobs does, with the repository's risk models. */
  private static <O> void run(SparkJob<O> job, LocalDate day) {
    Arguments cli = new Arguments(job.name(), "");
    Supplier<JobOptions> shared = JobOptions.declare(cli);
    Function<JobOptions, O> options = job.declareOptions(cli);
    List<String> args = new ArrayList<>(List.of("--warehouse", warehouse, "--date", day.toString()));
    if (job instanceof SellerRiskJob) {
      args.addAll(List.of("--risk-models", MODELS.toString()));
    }
    assertTrue(cli.parse(args.toArray(String[]::new)));
    job.run(spark, options.apply(shared.get()));
  }

  private static Clock clockOn(LocalDate day) {
    return Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }
}
