package org.chengxin.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.chengxin.core.csv.Delimited;
import org.chengxin.core.event.EventFields;
import org.chengxin.core.event.EventKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One ~50k-trade run shared by the checks, plus a small run made twice for determinism. */
class GenerateTest {
  private static final int TRADES = 50_000;
  private static final int DAYS = 10;
  private static final LocalDate START = LocalDate.parse("2026-11-01");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir static Path dir;
  private static JsonNode manifest;

  @BeforeAll
  static void generate() throws Exception {
    Generate.run(options(dir.resolve("market"), TRADES, DAYS, "11"));
    manifest = MAPPER.readTree(dir.resolve("market/truth/manifest.json").toFile());
  }

  private static GeneratorOptions options(Path out, int trades, int days, String seed) throws Exception {
    return GeneratorOptions.parse(new String[] {
      "--out", out.toString(), "--trades", Integer.toString(trades), "--seed", seed,
      "--start-date", START.toString(), "--days", Integer.toString(days),
      // Fault rates raised so a small run has enough of each to count.
      "--malformed-rate", "0.01", "--duplicate-rate", "0.01", "--late-rate", "0.005"}).orElseThrow();
  }

  @Test
  void sameArgumentsGiveByteIdenticalOutput() throws Exception {
    Path a = dir.resolve("det-a");
    Path b = dir.resolve("det-b");
    Generate.run(options(a, 5_000, 3, "5"));
    Generate.run(options(b, 5_000, 3, "5"));
    List<Path> filesA = files(a);
    assertEquals(filesA.stream().map(a::relativize).toList(), files(b).stream().map(b::relativize).toList());
    for (Path f : filesA) {
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), f.toString());
    }
    Path other = dir.resolve("det-c");
    Generate.run(options(other, 5_000, 3, "6"));
    assertFalse(Arrays.equals(Files.readAllBytes(a.resolve("events/2026-11-01/trades.jsonl")),
        Files.readAllBytes(other.resolve("events/2026-11-01/trades.jsonl"))));
  }

  @Test
  void fileContentsMatchManifestCountsAndValidLinesAreWellFormed() throws IOException {
    long trades = 0;
    for (int d = 0; d < DAYS; d++) {
      LocalDate day = START.plusDays(d);
      for (EventKind kind : EventKind.values()) {
        Path file = dir.resolve("market/events/" + day + "/" + kind.table() + ".jsonl");
        if (kind == EventKind.RATING_REVISION) {
          // Not planted by default: no file and no manifest entry, as before revisions existed.
          assertFalse(Files.exists(file), file.toString());
          assertTrue(manifest.path("days").path(day.toString()).path(kind.table()).isMissingNode());
          continue;
        }
        long valid = 0;
        long duplicates = 0;
        long late = 0;
        long malformed = 0;
        Set<String> seen = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          FeedCheck.Valid event = FeedCheck.read(line);
          if (event == null) {
            malformed++;
            continue;
          }
          assertEquals(kind, event.kind(), file + ": " + line);
          LocalDate eventDay = event.eventTime().atOffset(ZoneOffset.UTC).toLocalDate();
          if (eventDay.isBefore(day)) {
            late++;
          } else {
            assertEquals(day, eventDay, "event in the folder of its own UTC day: " + line);
            if (seen.add(event.id())) {
              valid++;
            } else {
              duplicates++;
            }
          }
        }
        JsonNode counts = manifest.path("days").path(day.toString()).path(kind.table());
        String where = day + " " + kind.table();
        assertEquals(counts.path("valid").asLong(), valid, where + " valid");
        assertEquals(counts.path("duplicates").asLong(), duplicates, where + " duplicates");
        assertEquals(counts.path("late_redeliveries").asLong(), late, where + " late");
        assertEquals(counts.path("malformed").asLong(), malformed, where + " malformed");
        if (kind == EventKind.TRADE) {
          trades += valid;
        }
      }
    }
    assertEquals(TRADES, trades);
    assertFalse(Files.exists(dir.resolve("market/truth/revisions.csv")), "no revision truth unless revisions are planted");
    assertTrue(manifest.path("parameters").path("revisions").isMissingNode());
    JsonNode totals = manifest.path("totals");
    for (String t : List.of("trades", "ratings")) {
      assertTrue(totals.path(t).path("malformed").asLong() > 0, t + " has malformed lines");
      assertTrue(totals.path(t).path("duplicates").asLong() > 0, t + " has duplicates");
      assertTrue(totals.path(t).path("late_redeliveries").asLong() > 0, t + " has late re-deliveries");
    }
  }

  @Test
  void plantedRingsHaveTheConfiguredSizesAndTradeInTheFeed() throws IOException {
    List<String[]> rings = csv("rings.csv");
    assertEquals(FraudMix.campaigns(TRADES, 20_000), rings.size());
    Map<String, Integer> buyersPerRing = new HashMap<>();
    Set<String> ringBuyers = new HashSet<>();
    for (String[] m : csv("ring_members.csv")) {
      if (m[1].equals("buyer")) {
        buyersPerRing.merge(m[2], 1, Integer::sum);
        ringBuyers.add(m[0]);
      }
    }
    Map<String, Set<String>> ringSellerBuyers = new HashMap<>();
    for (String[] ring : rings) {
      int buyers = Integer.parseInt(ring[2]);
      assertTrue(buyers >= 10 && buyers <= 60, "ring buyers " + buyers);
      assertEquals(buyers, buyersPerRing.get(ring[0]));
      String[] sellers = ring[1].split(";");
      assertTrue(sellers.length >= 1 && sellers.length <= 3);
      for (String s : sellers) {
        ringSellerBuyers.put(s, new HashSet<>());
      }
    }
    for (JsonNode t : validEvents(EventKind.TRADE)) {
      Set<String> buyers = ringSellerBuyers.get(t.get(EventFields.SELLER_ID).asText());
      if (buyers != null && ringBuyers.contains(t.get(EventFields.BUYER_ID).asText())) {
        buyers.add(t.get(EventFields.BUYER_ID).asText());
      }
    }
    ringSellerBuyers.forEach((seller, buyers) -> assertFalse(buyers.isEmpty(), seller + " has ring trades"));
    assertTrue(csv("malicious_ratings.csv").stream().anyMatch(r -> r[3].equals("ring_boost")));
    assertTrue(csv("malicious_ratings.csv").stream().anyMatch(r -> r[3].equals("extortion")));
    assertTrue(csv("malicious_ratings.csv").stream().anyMatch(r -> r[3].equals("competitor_attack")));
    assertFalse(csv("counterfeit_sellers.csv").isEmpty());
  }

  @Test
  void honestRatesAreWithinExpectedBounds() throws IOException {
    Set<String> malicious = new HashSet<>();
    for (String[] r : csv("malicious_ratings.csv")) {
      malicious.add(r[0]);
    }
    long positive = 0;
    long buyerRatings = 0;
    double dsrSum = 0;
    for (JsonNode r : validEvents(EventKind.RATING)) {
      if (r.get(EventFields.DIRECTION).asText().equals("buyer_to_seller")
          && !malicious.contains(r.get(EventFields.RATING_ID).asText())) {
        buyerRatings++;
        positive += r.get(EventFields.SCORE).asText().equals("positive") ? 1 : 0;
        dsrSum += r.get(EventFields.ITEM_AS_DESCRIBED).asInt();
      }
    }
    double positiveShare = (double) positive / buyerRatings;
    assertTrue(positiveShare > 0.96 && positiveShare < 0.995, "positive share " + positiveShare);
    double dsr = dsrSum / buyerRatings;
    assertTrue(dsr > 4.6 && dsr < 4.95, "mean DSR " + dsr);
    // 75% of completed trades are rated, but trades of the last days are rated after the run ends.
    assertTrue(buyerRatings > 0.4 * TRADES, "most buyers rate: " + buyerRatings);

    JsonNode status = manifest.path("emitted").path("trades_by_status");
    double cancelled = status.path("cancelled").asDouble() / TRADES;
    assertTrue(cancelled > 0.01 && cancelled < 0.03, "cancelled share " + cancelled);

    double rateSum = 0;
    int honest = 0;
    for (String[] s : csv("seller_truth.csv")) {
      if (s[3].equals("honest")) {
        rateSum += Double.parseDouble(s[2]);
        honest++;
      }
    }
    double meanRate = rateSum / honest;
    assertTrue(meanRate > 1e-5 && meanRate < 5e-5, "honest upheld rate around 1 in 50,000: " + meanRate);
    long upheld = manifest.path("emitted").path("complaints_by_outcome").path("upheld").asLong();
    assertTrue(upheld >= 1 && upheld < 100, "upheld complaints " + upheld);
  }

  private static List<JsonNode> validEvents(EventKind kind) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (int d = 0; d < DAYS; d++) {
      Path file = dir.resolve("market/events/" + START.plusDays(d) + "/" + kind.table() + ".jsonl");
      for (String line : Files.readAllLines(file)) {
        FeedCheck.Valid v = FeedCheck.read(line);
        if (v != null && !v.eventTime().atOffset(ZoneOffset.UTC).toLocalDate().isBefore(START.plusDays(d))) {
          events.add(v.json());
        }
      }
    }
    return events;
  }

  private static List<String[]> csv(String name) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("market/truth/" + name));
    assertNotNull(lines.get(0));
    return lines.stream().skip(1).map(l -> Delimited.CSV.split(l).toArray(String[]::new)).toList();
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
