package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.core.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bounded runs on a shared MiniCluster: every line accounted for, re-runs idempotent, nothing personal stored. */
class BoundedIngestIntegrationTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final String DAY = "2026-11-01";
  private static final String NEXT_DAY = "2026-11-02";

  @TempDir Path tmp;

  @Test
  void everyLineLandsSomewhereCountedAndReRunsGiveTheSameRows() throws Exception {
    Path input = tmp.resolve("raw/" + DAY);
    Path warehouse = tmp.resolve("warehouse");
    TestEvents.write(input.resolve("a.jsonl"), List.of(
        TestEvents.trade("t1", DAY + "T08:00:00Z"),
        TestEvents.trade("t2", DAY + "T09:00:00Z"),
        TestEvents.trade("t3", DAY + "T10:00:00Z"),
        TestEvents.rating("r1", "t1", DAY + "T12:00:00Z"),
        TestEvents.rating("r2", "t404", DAY + "T12:30:00Z"),
        TestEvents.complaint("c1", "t2", DAY + "T13:00:00Z"),
        TestEvents.certificate("cert1", DAY + "T07:00:00Z"),
        TestEvents.trade("t0", "2026-10-31T23:59:00Z"),
        TestEvents.rating("r9", "t3", NEXT_DAY + "T01:00:00Z")));
    // A redelivery of t1 and r1 in another file: duplicates, whichever file is read first.
    TestEvents.write(input.resolve("b/redelivery.jsonl"), List.of(
        TestEvents.trade("t1", DAY + "T08:00:00Z"),
        TestEvents.rating("r1", "t1", DAY + "T12:00:00Z")));
    copyResource("broken-lines.jsonl", input.resolve("broken.jsonl"));
    List<String> expectedReasons = resourceLines("broken-lines.expected");

    ObjectNode summary = run(input, warehouse, DAY);

    JsonNode totals = summary.path("totals");
    assertEquals(11 + expectedReasons.size(), totals.path("read").asLong());
    assertEquals(7, totals.path("accepted").asLong());
    assertEquals(expectedReasons.size(), totals.path("rejected").asLong());
    assertEquals(2, totals.path("duplicates").asLong());
    assertEquals(2, totals.path("late").asLong());
    assertEquals(1, totals.path("unknown_trade").asLong());
    assertEquals(1, summary.path("kinds").path("trade").path("late").asLong());
    assertEquals(4, summary.path("kinds").path("trade").path("rejected_by_reason").path("out_of_range").asLong()
        + summary.path("kinds").path("rating").path("rejected_by_reason").path("out_of_range").asLong()
        + summary.path("kinds").path("complaint").path("rejected_by_reason").path("out_of_range").asLong());
    assertEquals(summary.toString(), new RunSummaries(Warehouse.local(warehouse.toString()))
        .read(LocalDate.parse(DAY)).path("jobs").path(IngestJob.JOB_NAME).toString());

    assertEquals(List.of("t1", "t2", "t3"), ids(WarehouseRows.read(warehouse, "trades", DAY), "trade_id"));
    Map<String, Object> tradeKnown = new TreeMap<>();
    WarehouseRows.read(warehouse, "ratings", DAY).forEach(r -> tradeKnown.put(r.get("rating_id").toString(), r.get("trade_known")));
    assertEquals(Map.of("r1", true, "r2", false), tradeKnown);
    assertEquals(List.of("c1"), ids(WarehouseRows.read(warehouse, "complaints", DAY), "complaint_id"));
    assertEquals(List.of("cert1"), ids(WarehouseRows.read(warehouse, "certificates", DAY), "certificate_id"));
    // The kept t1 is the first delivery in input order: a.jsonl line 1.
    GenericRecord t1 = WarehouseRows.read(warehouse, "trades", DAY).stream()
        .filter(r -> r.get("trade_id").toString().equals("t1")).findFirst().orElseThrow();
    assertTrue(t1.get("source_file").toString().endsWith("a.jsonl"));
    assertEquals(1L, t1.get("source_line"));

    Map<Long, String> reasonByLine = new HashMap<>();
    for (GenericRecord r : WarehouseRows.read(warehouse, "dead_letter", DAY)) {
      assertTrue(r.get("source_file").toString().endsWith("broken.jsonl"));
      reasonByLine.put((Long) r.get("source_line"), r.get("reason").toString());
    }
    for (int i = 0; i < expectedReasons.size(); i++) {
      assertEquals(expectedReasons.get(i), reasonByLine.get(i + 1L), "broken line " + (i + 1));
    }

    Map<String, String> late = WarehouseRows.read(warehouse, "late_events", DAY).stream()
        .collect(Collectors.toMap(r -> r.get("event_id").toString(), r -> r.get("reason") + " " + r.get("lateness_ms")));
    assertEquals(Map.of("t0", "other_day 60000", "r9", "other_day -90000000"), late);

    assertNoPersonalValueUnder(warehouse);

    Map<String, List<String>> firstRun = allRows(warehouse);
    run(input, warehouse, DAY);
    assertEquals(firstRun, allRows(warehouse));

    // The next day: t3 (in yesterday's partition) is known through the look-back, t0 arrives again.
    Path nextInput = tmp.resolve("raw/" + NEXT_DAY);
    TestEvents.write(nextInput.resolve("a.jsonl"), List.of(TestEvents.rating("r9", "t3", NEXT_DAY + "T01:00:00Z")));
    run(nextInput, warehouse, NEXT_DAY);
    GenericRecord r9 = WarehouseRows.read(warehouse, "ratings", NEXT_DAY).get(0);
    assertEquals(true, r9.get("trade_known"));
  }

  @Test
  void revisionsAreCheckedAgainstTheRatingsOfTheRunAndOfEarlierDaysAndEveryOneIsCounted() throws Exception {
    Path warehouse = tmp.resolve("warehouse");
    Path input = tmp.resolve("raw/" + DAY);
    String v1 = TestEvents.revision("v1", "r1", "b1", "positive", DAY + "T20:00:00Z");
    TestEvents.write(input.resolve("ratings.jsonl"), List.of(
        TestEvents.trade("t1", DAY + "T08:00:00Z"),
        TestEvents.rating("r1", "t1", DAY + "T12:00:00Z", "negative"),
        TestEvents.rating("r2", "t1", DAY + "T12:00:00Z", "neutral"),
        TestEvents.rating("r3", "t1", DAY + "T12:00:00Z", "positive")));
    TestEvents.write(input.resolve("rating_revisions.jsonl"), List.of(
        v1,
        v1, // a redelivery: a duplicate, not a second revision
        TestEvents.revision("v2", "r404", "b1", "positive", DAY + "T20:00:00Z"),
        TestEvents.revision("v3", "r3", "b1", "positive", DAY + "T20:00:00Z")));

    ObjectNode first = run(input, warehouse, DAY);
    JsonNode revisions = first.path("kinds").path("rating_revision");
    assertEquals(4, revisions.path("read").asLong());
    assertEquals(1, revisions.path("accepted").asLong());
    assertEquals(2, revisions.path("rejected").asLong());
    assertEquals(1, revisions.path("duplicates").asLong());
    assertEquals(1, revisions.path("rejected_by_reason").path("unknown_rating").asLong());
    assertEquals(1, revisions.path("rejected_by_reason").path("not_upward").asLong());
    assertEquals(List.of("v1"), ids(WarehouseRows.read(warehouse, "rating_revisions", DAY), "revision_id"));
    assertEquals(List.of("r1", "r2", "r3"), ids(WarehouseRows.read(warehouse, "ratings", DAY), "rating_id"));

    // The next day: r2 and r1 are known from yesterday's partition, r1 already revised there.
    Path nextInput = tmp.resolve("raw/" + NEXT_DAY);
    TestEvents.write(nextInput.resolve("rating_revisions.jsonl"), List.of(
        TestEvents.revision("v4", "r2", "b1", "positive", NEXT_DAY + "T09:00:00Z"),
        TestEvents.revision("v5", "r1", "b1", "positive", NEXT_DAY + "T09:00:00Z"),
        TestEvents.revision("v6", "r2", "b9", "positive", NEXT_DAY + "T08:00:00Z"),
        TestEvents.revision("v7", "r2", "b1", "positive", NEXT_DAY + "T10:00:00Z"),
        TestEvents.revision("v8", "r2", "b1", "positive", DAY + "T23:00:00Z"),
        "{\"kind\":\"rating_revision\",\"revision_id\":\"v9\",\"rater_id\":\"b1\",\"score\":\"positive\","
            + "\"revised_at\":\"" + NEXT_DAY + "T09:00:00Z\"}"));
    ObjectNode next = run(nextInput, warehouse, NEXT_DAY);
    revisions = next.path("kinds").path("rating_revision");
    assertEquals(6, revisions.path("read").asLong());
    assertEquals(1, revisions.path("accepted").asLong());
    assertEquals(4, revisions.path("rejected").asLong());
    assertEquals(1, revisions.path("late").asLong(), "v8 belongs to yesterday");
    assertEquals(revisions.path("read").asLong(), revisions.path("accepted").asLong() + revisions.path("rejected").asLong()
        + revisions.path("duplicates").asLong() + revisions.path("late").asLong());
    assertEquals(List.of("v4"), ids(WarehouseRows.read(warehouse, "rating_revisions", NEXT_DAY), "revision_id"));
    Map<String, String> reasons = new TreeMap<>();
    WarehouseRows.read(warehouse, "dead_letter", NEXT_DAY)
        .forEach(r -> reasons.put(String.valueOf(r.get("event_id")), r.get("reason").toString()));
    assertEquals(Map.of("v5", "second_revision", "v6", "not_the_rater", "v7", "second_revision", "v9", "missing_field"),
        reasons);
    assertNoPersonalValueUnder(warehouse);
  }

  @Test
  void aFailedRunLeavesThePreviousPartitionIntact() throws Exception {
    Path input = tmp.resolve("raw");
    Path warehouse = tmp.resolve("warehouse");
    TestEvents.write(input.resolve("a.jsonl"), List.of(TestEvents.trade("t1", DAY + "T08:00:00Z")));
    run(input, warehouse, DAY);
    Map<String, List<String>> before = allRows(warehouse);

    TestEvents.write(input.resolve("b.jsonl"), List.of(TestEvents.trade("t2", DAY + "T08:00:00Z")));
    IngestJob failing = new IngestJob(options(input, warehouse, DAY), lines -> lines.map(line -> {
      if (line.sourceFile.endsWith("b.jsonl")) {
        throw new IllegalStateException("injected failure");
      }
      return line;
    }).returns(RawLine.class));
    assertThrows(Exception.class, failing::runBounded);

    assertEquals(before, allRows(warehouse));
    try (Stream<Path> staged = Files.walk(warehouse.resolve("_staging"))) {
      assertFalse(staged.anyMatch(Files::isRegularFile), "staging left behind");
    }
    assertNotEquals(0, before.get("trades").size());
  }

  /** A backfill owns D0..D in one run: one partition per day, a later trade found, other days late, re-runs clean. */
  @Test
  void aBackfillCommitsEveryOwnedDayInOneRun() throws Exception {
    Path input = tmp.resolve("raw");
    Path warehouse = tmp.resolve("warehouse");
    TestEvents.write(input.resolve("2026-10-30/x.jsonl"), List.of(
        TestEvents.trade("t1", "2026-10-30T08:00:00Z"), TestEvents.rating("r1", "t1", "2026-10-30T12:00:00Z")));
    TestEvents.write(input.resolve(DAY + "/x.jsonl"), List.of(
        TestEvents.rating("r2", "t1", DAY + "T09:00:00Z"), TestEvents.trade("t0", "2026-10-29T23:00:00Z"),
        TestEvents.rating("r3", "t404", DAY + "T10:00:00Z")));
    ObjectNode summary = new IngestJob(options(input, warehouse, DAY, "--from-date", "2026-10-30")).runBounded();

    assertEquals("2026-10-30", summary.path("from_date").asText());
    assertEquals(List.of("t1"), ids(WarehouseRows.read(warehouse, "trades", "2026-10-30"), "trade_id"));
    assertEquals(List.of("r1"), ids(WarehouseRows.read(warehouse, "ratings", "2026-10-30"), "rating_id"));
    List<GenericRecord> lastDay = WarehouseRows.read(warehouse, "ratings", DAY);
    assertEquals(List.of("r2", "r3"), ids(lastDay, "rating_id"));
    for (GenericRecord r : lastDay) {
      assertEquals(r.get("rating_id").toString().equals("r2"), r.get("trade_known"), "r2's trade came on an earlier owned day");
    }
    assertEquals(List.of("t0"), ids(WarehouseRows.read(warehouse, "late_events", DAY), "event_id"));
    assertTrue(Files.isDirectory(warehouse.resolve("certificates/ds=" + DAY)), "the run's day exists for every table");
    assertFalse(Files.exists(warehouse.resolve("certificates/ds=2026-10-30")), "no empty partitions for days without events");

    // A re-run without the first day's file empties that day instead of keeping stale rows.
    Files.delete(input.resolve("2026-10-30/x.jsonl"));
    new IngestJob(options(input, warehouse, DAY, "--from-date", "2026-10-30")).runBounded();
    assertEquals(List.of(), WarehouseRows.read(warehouse, "trades", "2026-10-30"));
    assertThrows(Exception.class, () -> options(input, warehouse, DAY, "--from-date", NEXT_DAY));
  }

  /**
   * A long backfill, one input file per day as imported histories come: every day gets its own
   * rows, in one file per table (the writer saw each day's rows together), and the counts reconcile.
   */
  @Test
  void aBackfillOfManyDaysWritesOneFilePerDayAndTable() throws Exception {
    LocalDate first = LocalDate.parse("2026-01-01");
    int days = 120;
    Path input = tmp.resolve("raw");
    Path warehouse = tmp.resolve("warehouse");
    for (int i = 0; i < days; i++) {
      String d = first.plusDays(i).toString();
      TestEvents.write(input.resolve(d + "/events.jsonl"), List.of(
          TestEvents.trade("t" + i, d + "T08:00:00Z"), TestEvents.rating("r" + i + "a", "t" + i, d + "T09:00:00Z"),
          TestEvents.rating("r" + i + "b", "t" + i, d + "T10:00:00Z")));
    }
    String last = first.plusDays(days - 1).toString();
    ObjectNode summary = new IngestJob(options(input, warehouse, last, "--from-date", first.toString())).runBounded();

    assertEquals(3L * days, summary.at("/totals/read").asLong());
    assertEquals(3L * days, summary.at("/totals/accepted").asLong());
    assertEquals(0, summary.at("/totals/unknown_trade").asLong());
    for (int i = 0; i < days; i++) {
      String d = first.plusDays(i).toString();
      assertEquals(List.of("t" + i), ids(WarehouseRows.read(warehouse, "trades", d), "trade_id"));
      assertEquals(List.of("r" + i + "a", "r" + i + "b"), ids(WarehouseRows.read(warehouse, "ratings", d), "rating_id"));
      for (String table : List.of("trades", "ratings")) {
        try (Stream<Path> files = Files.list(warehouse.resolve(table + "/ds=" + d))) {
          assertEquals(1, files.filter(CommittedRows::isCommittedPart).count(), table + " ds=" + d);
        }
      }
    }
  }

  /**
   * The key's fingerprint goes into the summary; the next day under another key is refused before
   * anything is written (its keys would link to nothing before), and runs when the rotation is meant.
   */
  @Test
  void aNightUnderAnotherPseudonymKeyIsRefusedUnlessTheRotationIsMeant() throws Exception {
    Path input = tmp.resolve("raw");
    Path warehouse = tmp.resolve("warehouse");
    Path keyA = Files.writeString(tmp.resolve("key-a"), "the-key-the-warehouse-began-with");
    Path keyB = Files.writeString(tmp.resolve("key-b"), "a-different-key-of-a-later-night");
    TestEvents.write(input.resolve(DAY + "/x.jsonl"), List.of(TestEvents.trade("t1", DAY + "T08:00:00Z")));
    TestEvents.write(input.resolve(NEXT_DAY + "/x.jsonl"), List.of(TestEvents.trade("t2", NEXT_DAY + "T08:00:00Z")));
    ObjectNode first = new IngestJob(options(input, warehouse, DAY, "--pseudonym-key-file", keyA.toString())).runBounded();
    String fingerprintA = first.path("pseudonym_key_fingerprint").asText();
    assertEquals(16, fingerprintA.length());

    IngestJob otherKey = new IngestJob(options(input, warehouse, NEXT_DAY, "--pseudonym-key-file", keyB.toString()));
    IllegalStateException refused = assertThrows(IllegalStateException.class, otherKey::runBounded);
    assertTrue(refused.getMessage().contains(fingerprintA), refused.getMessage());
    assertFalse(Files.exists(warehouse.resolve("trades/ds=" + NEXT_DAY)), "nothing written under the other key");

    ObjectNode rotated = new IngestJob(options(input, warehouse, NEXT_DAY, "--pseudonym-key-file", keyB.toString(),
        "--accept-new-pseudonym-key")).runBounded();
    assertNotEquals(fingerprintA, rotated.path("pseudonym_key_fingerprint").asText());
    assertEquals(List.of("t2"), ids(WarehouseRows.read(warehouse, "trades", NEXT_DAY), "trade_id"));
  }

  static IngestOptions options(Path input, Path warehouse, String day, String... more) {
    List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--warehouse", warehouse.toString(),
        "--date", day, "--parallelism", "2"));
    args.addAll(List.of(more));
    return IngestOptions.parse(args.toArray(String[]::new)).orElseThrow();
  }

  private static ObjectNode run(Path input, Path warehouse, String day) throws Exception {
    return new IngestJob(options(input, warehouse, day)).runBounded();
  }

  static List<String> ids(List<GenericRecord> rows, String column) {
    return rows.stream().map(r -> r.get(column).toString()).sorted().toList();
  }

  /** Every event table's rows, all days, in a canonical order. */
  static Map<String, List<String>> allRows(Path warehouse) {
    Map<String, List<String>> rows = new TreeMap<>();
    for (String table : List.of("trades", "ratings", "complaints", "certificates", "dead_letter", "late_events")) {
      rows.put(table, WarehouseRows.canonical(WarehouseRows.read(warehouse, table, null)));
    }
    return rows;
  }

  /** Every string stored in any table, and every other file's bytes, are free of raw personal values. */
  static void assertNoPersonalValueUnder(Path warehouse) throws IOException {
    for (String table : List.of("trades", "ratings", "complaints", "certificates", "dead_letter", "late_events")) {
      for (GenericRecord row : WarehouseRows.read(warehouse, table, null)) {
        String text = row.toString();
        for (String personal : TestEvents.PERSONAL) {
          assertFalse(text.contains(personal), table + " holds " + personal + ": " + text);
        }
      }
    }
    try (Stream<Path> files = Files.walk(warehouse)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".parquet")).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String personal : TestEvents.PERSONAL) {
          assertFalse(text.contains(personal), file + " holds " + personal);
        }
      }
    }
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = BoundedIngestIntegrationTest.class.getResourceAsStream(name)) {
      Files.copy(in, target);
    }
  }

  private static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = BoundedIngestIntegrationTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
