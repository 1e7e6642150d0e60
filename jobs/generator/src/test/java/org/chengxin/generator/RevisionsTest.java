package org.chengxin.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chengxin.core.csv.Delimited;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.validation.EventValidator;
import org.chengxin.core.validation.RevisionRules;
import org.chengxin.core.validation.ValidationResult.Accepted;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted rating revisions (one 40k-trade, 30-day run with all three kinds, feed faults off): the
 * counts in truth, manifest and feed agree, every revision is a valid event by the ingest's rules,
 * and each kind has its shape. Planting them leaves the trades as they were.
 */
class RevisionsTest {
  private static final int TRADES = 40_000;
  private static final int DAYS = 30;
  private static final LocalDate START = LocalDate.parse("2026-11-01");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] REVISIONS = {"--paid-off-share", "0.6", "--trades-per-revision-buyer", "20000",
      "--honest-revision-rate", "0.1"};

  @TempDir static Path dir;
  private static JsonNode manifest;
  private static Map<String, Accepted> ratings;
  private static List<Accepted> revisions;
  private static Map<String, String[]> truth;

  @BeforeAll
  static void generate() throws Exception {
    Generate.run(options(dir.resolve("market"), TRADES, DAYS, REVISIONS));
    manifest = MAPPER.readTree(dir.resolve("market/truth/manifest.json").toFile());
    ratings = new HashMap<>();
    accepted(EventKind.RATING).forEach(r -> ratings.put(r.eventId(), r));
    revisions = accepted(EventKind.RATING_REVISION);
    truth = new HashMap<>();
    for (String[] row : csv("revisions.csv")) {
      truth.put(row[0], row);
    }
  }

  private static GeneratorOptions options(Path out, int trades, int days, String... more) {
    List<String> args = new ArrayList<>(List.of("--out", out.toString(), "--trades", Integer.toString(trades),
        "--seed", "23", "--start-date", START.toString(), "--days", Integer.toString(days),
        "--malformed-rate", "0", "--duplicate-rate", "0", "--late-rate", "0"));
    args.addAll(List.of(more));
    return GeneratorOptions.parse(args.toArray(String[]::new)).orElseThrow();
  }

  @Test
  void truthManifestAndFeedCountTheSameRevisionsOfEachKind() throws IOException {
    JsonNode byPattern = manifest.path("emitted").path("revisions_by_pattern");
    Map<String, Long> inTruth = new HashMap<>();
    truth.values().forEach(row -> inTruth.merge(row[4], 1L, Long::sum));
    for (RevisionPattern pattern : RevisionPattern.values()) {
      long planted = byPattern.path(pattern.wire()).asLong();
      assertTrue(planted >= 10, pattern + " planted: " + planted);
      assertEquals(planted, inTruth.getOrDefault(pattern.wire(), 0L), pattern.wire());
    }
    assertEquals(truth.size(), revisions.size());
    assertEquals(truth.size(), manifest.path("totals").path("rating_revisions").path("valid").asLong());
    revisions.forEach(r -> assertTrue(truth.containsKey(r.eventId()), r.eventId()));
    List<String[]> buyers = csv("revision_buyers.csv");
    assertEquals(FraudMix.campaigns(TRADES, 20_000), buyers.size());
    assertEquals(buyers.size(), manifest.path("population").path("revision_buyers").asInt());
    assertEquals(byPattern.path("bought").asLong(), buyers.stream().mapToLong(b -> Long.parseLong(b[3])).sum());
  }

  @Test
  void everyRevisionHonestOrNotPassesTheIngestRules() {
    Set<String> revised = new HashSet<>();
    List<Accepted> inOrder = new ArrayList<>(revisions);
    inOrder.sort(Comparator.comparingLong(Accepted::eventTimeMillis).thenComparing(Accepted::eventId));
    for (Accepted a : inOrder) {
      RevisionRules.Revision revision = RevisionRules.Revision.ofRow(a.values());
      Accepted rating = ratings.get(revision.ratingId());
      var broken = RevisionRules.check(revision, rating == null ? null : RevisionRules.Rating.ofRow(rating.values()),
          !revised.add(revision.ratingId()));
      assertTrue(broken.isEmpty(), a.eventId() + " of " + revision.ratingId() + ": " + broken);
    }
  }

  @Test
  void eachKindHasItsShape() throws IOException {
    Set<String> extortion = new HashSet<>();
    for (String[] row : csv("malicious_ratings.csv")) {
      if (row[3].equals(MaliciousPattern.EXTORTION.wire())) {
        extortion.add(row[0]);
      }
    }
    // Paid-off extortion: an extortion negative, an upheld complaint on its trade after it, then the revision.
    Map<String, List<Accepted>> complaintsByTrade = new HashMap<>();
    accepted(EventKind.COMPLAINT).forEach(c -> complaintsByTrade.computeIfAbsent(c.tradeId(), t -> new ArrayList<>()).add(c));
    Map<String, String[]> bursts = new HashMap<>();
    csv("revision_buyers.csv").forEach(b -> bursts.put(b[0], b));
    for (String[] row : truth.values()) {
      Accepted rating = ratings.get(row[1]);
      Instant ratedAt = Instant.parse(row[5]);
      Instant revisedAt = Instant.parse(row[6]);
      switch (row[4]) {
        case "paid_off_extortion" -> {
          assertTrue(extortion.contains(row[1]), row[1]);
          assertTrue(complaintsByTrade.getOrDefault(rating.tradeId(), List.of()).stream().anyMatch(c ->
              "upheld".equals(c.values()[EventTables.COMPLAINTS.indexOf("outcome")])
                  && (Long) c.values()[EventTables.COMPLAINTS.indexOf("filed_at")] > ratedAt.toEpochMilli()
                  && (Long) c.values()[EventTables.COMPLAINTS.indexOf("resolved_at")] < revisedAt.toEpochMilli()),
              "an upheld complaint between the negative and the revision of " + row[1]);
        }
        case "bought" -> {
          String[] burst = bursts.get(row[3]);
          Instant from = Instant.parse(burst[1]);
          assertTrue(!revisedAt.isBefore(from) && !revisedAt.isAfter(Instant.parse(burst[2])), row[0] + " in its burst");
          assertTrue(Duration.between(from, Instant.parse(burst[2])).compareTo(Duration.ofDays(3)) <= 0);
          assertTrue(ratedAt.isBefore(from) && !extortion.contains(row[1]), row[0]);
        }
        case "honest" -> {
          assertTrue(Duration.between(ratedAt, revisedAt).compareTo(Duration.ofDays(1)) >= 0, "spread out: " + row[0]);
          assertTrue(!extortion.contains(row[1]), "not an extortioner's rating: " + row[0]);
          String[] burst = bursts.get(row[3]);
          assertTrue(burst == null || ratedAt.isAfter(Instant.parse(burst[1])),
              "a seller buying revisions gets honest ones only after its burst: " + row[0]);
        }
        default -> throw new AssertionError("pattern " + row[4]);
      }
    }
  }

  @Test
  void plantingRevisionsLeavesTheTradesAsTheyWere() throws Exception {
    Generate.run(options(dir.resolve("without"), 5_000, 4));
    Generate.run(options(dir.resolve("with"), 5_000, 4, REVISIONS));
    for (int d = 0; d < 4; d++) {
      String trades = "events/" + START.plusDays(d) + "/trades.jsonl";
      assertArrayEquals(Files.readAllBytes(dir.resolve("without").resolve(trades)), Files.readAllBytes(dir.resolve("with").resolve(trades)),
          trades);
    }
  }

  /** Every line of a kind, all days, validated as ingest would (feed faults are off: all valid). */
  private static List<Accepted> accepted(EventKind kind) throws IOException {
    EventValidator validator = new EventValidator(new Pseudonymiser("revisions-test-key-0123".getBytes(StandardCharsets.UTF_8)),
        START.plusDays(DAYS + 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC), EventValidator.DEFAULT_MAX_LINE_BYTES);
    return GeneratedFeed.accepted(dir.resolve("market"), kind, START, DAYS, validator);
  }

  private static List<String[]> csv(String name) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("market/truth/" + name));
    return lines.stream().skip(1).map(l -> Delimited.CSV.split(l).toArray(String[]::new)).toList();
  }
}
