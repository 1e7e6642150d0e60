package org.chengxin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chengxin.review.CaseStatus;
import org.chengxin.review.Evidence;
import org.chengxin.review.RecommendedAction;
import org.chengxin.review.ReviewCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseEvidenceTest {
  @TempDir
  static Path root;
  private static final Duck DUCK = duck();
  private static WarehouseEvidence warehouse;

  private static Duck duck() {
    try {
      return new Duck();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void write() throws Exception {
    warehouse = new WarehouseEvidence(new Partitions(TestWarehouse.write(root.resolve("warehouse")), DUCK), DUCK);
  }

  private static ReviewCase flagged(String seller, LocalDate lastFlagged) {
    return new ReviewCase(1, seller, CaseStatus.OPEN, 1, List.of("in a ring"), Evidence.NONE, "fp", RecommendedAction.WARN,
        lastFlagged, lastFlagged, null, null, null);
  }

  @Test
  void aSellersEvidenceIsReadAsItStoodOnTheDayItWasFlagged() throws Exception {
    List<EvidenceTable> sections = warehouse.of(flagged("seller-a", LocalDate.of(2026, 11, 1))).tables();

    assertEquals(List.of("Risk model", SellerFeatures.TITLE, "Credit and DSR, day by day",
        "Complaints against the seller in the flag's window (2026-10-03 to 2026-11-01)", "Brand certificates on file (latest status of each brand)",
        "Brands sold without a verified certificate (what is missing)", "Flagged ratings of the seller, by pattern", "Rings the seller is in",
        "Members of ring-0001"), sections.stream().map(EvidenceTable::title).toList());
    assertEquals(List.of(List.of("0.912", "v7")), sections.get(0).rows(), "the risk of the flag's day, not the later 0.12");
    assertEquals(List.of("2026-10-31", "2026-11-01"), sections.get(2).rows().stream().map(row -> row.get(0)).toList());
    assertEquals("131", sections.get(2).rows().get(1).get(1));
    assertEquals(List.of("r-1", "r-2"), sections.get(6).rows().stream().map(row -> row.get(0)).toList(), "only ratings of seller-a");
    assertEquals(List.of("ring_boost", "shared_key_boost"), sections.get(6).rows().stream().map(row -> row.get(1)).toList());
    assertEquals("ring-0001", sections.get(7).rows().get(0).get(0));
    assertEquals(List.of("seller-a", "seller-x", "buyer-1", "buyer-2"), sections.get(8).rows().stream().map(row -> row.get(0)).toList());
    assertNull(sections.get(0).absent());
  }

  @Test
  void complaintsCertificatesWhatIsMissingAndTheFeaturesBesideThePlatforms() throws Exception {
    List<EvidenceTable> sections = warehouse.of(flagged("seller-a", LocalDate.of(2026, 11, 1))).tables();

    EvidenceTable complaints = sections.get(3);
    assertEquals(List.of("complaint_id", "filed", "type", "severity", "outcome", "resolved", "trade_id"), complaints.columns());
    assertEquals(List.of(List.of("c-1", "2026-10-25", "counterfeit", "high", "upheld", "2026-10-28", "t-1"),
        List.of("c-4", "2026-10-30", "not_as_described", "low", "pending", "", "t-2")), complaints.rows(),
        "the window's complaints of seller-a: not c-2 (before the window) nor c-3 (another seller)");

    EvidenceTable certificates = sections.get(4);
    assertEquals(List.of(List.of("gucci", "rejected", "2026-10-15 12:00:00"), List.of("prada", "verified", "2026-10-01 11:00:00")),
        certificates.rows(), "each brand's latest status; chanel's certificate came after the flag");

    EvidenceTable missing = sections.get(5);
    assertEquals(List.of(List.of("gucci", "rejected (2026-10-15 12:00:00)", "12", "7"), List.of("hermes", "none on file", "12", "7")),
        missing.rows());

    EvidenceTable features = sections.get(1);
    assertEquals(List.of("feature", "seller", "platform_median", "platform_p90", "platform_p99"), features.columns());
    assertEquals(List.of(List.of("trades", "40", "20", "36", "39.600"), List.of("repeat_buyer_share", "0.950", "0.200", "0.800", "0.935"),
        List.of("ring_score", "0.900", "0", "0.720", "0.882")), features.rows());
  }

  @Test
  void aDayTheNightlyRunAddsOrReplacesIsReadWithoutARestart(@TempDir Path nightly) throws Exception {
    Path tables = TestWarehouse.write(nightly.resolve("warehouse"));
    WarehouseEvidence console = new WarehouseEvidence(new Partitions(tables, DUCK), DUCK);
    ReviewCase sixth = flagged("seller-a", LocalDate.of(2026, 11, 6));
    CaseEvidence first = console.of(sixth);
    assertEquals(List.of(List.of("0.12", "v8")), first.tables().get(0).rows(), "the latest day before the 6th: the 5th");
    assertSame(first, console.of(sixth), "a second view of the case while the tables stand is answered from memory");

    commit(nightly, tables, "2026-11-06", 0.55);
    assertEquals(List.of(List.of("0.55", "v9")), console.of(sixth).tables().get(0).rows(), "the new day, read without a restart");
    commit(nightly, tables, "2026-11-06", 0.66);
    assertEquals(List.of(List.of("0.66", "v9")), console.of(sixth).tables().get(0).rows(), "a re-run day replaces the copy in memory");
  }

  @Test
  void aLongHistoryIsReadAsOneTable(@TempDir Path longer) throws Exception {
    LocalDate first = LocalDate.of(2026, 9, 1);
    try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement sql = duck.createStatement()) {
      for (int i = 0; i < 40; i++) {
        Path partition = Files.createDirectories(longer.resolve("seller_scores").resolve("ds=" + first.plusDays(i)));
        sql.execute("COPY (SELECT 'seller-a' AS seller_id, CAST(" + (100 + i) + " AS BIGINT) AS credit_points, 1.0 AS robust_credit_points, "
            + "0.0 AS credit_gap, 1.0 AS positive_rate, 5.0 AS dsr_item_as_described, 5.0 AS dsr_service, 5.0 AS dsr_logistics, "
            + "CAST(0 AS BIGINT) AS flagged_ratings) TO '" + partition.resolve("part-0.parquet") + "' (FORMAT parquet)");
      }
    }
    List<List<String>> credit = new WarehouseEvidence(new Partitions(longer, DUCK), DUCK).of(flagged("seller-a", first.plusDays(40)))
        .tables().get(2).rows();
    assertEquals(40, credit.size());
    assertEquals(List.of("2026-09-01", "100"), credit.get(0).subList(0, 2));
    assertEquals(List.of("2026-10-10", "139"), credit.get(credit.size() - 1).subList(0, 2));
  }

  /** A seller_risk partition written as the nightly run writes one: into staging, then renamed over the day's folder. */
  private static void commit(Path root, Path tables, String day, double risk) throws Exception {
    Path staging = Files.createDirectories(root.resolve("_staging").resolve("seller_risk-" + day + "-" + risk));
    try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement sql = duck.createStatement()) {
      sql.execute("COPY (SELECT 'seller-a' AS seller_id, " + risk + " AS risk, 'v9' AS model_version) TO '" + staging.resolve("part-0.parquet")
          + "' (FORMAT parquet)");
    }
    Path partition = tables.resolve("seller_risk").resolve("ds=" + day);
    if (Files.exists(partition)) {
      try (var files = Files.list(partition)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(partition);
    }
    Files.move(staging, partition, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void whatTheWarehouseLacksIsSaid() throws Exception {
    List<EvidenceTable> early = warehouse.of(flagged("seller-a", LocalDate.of(2026, 10, 1))).tables();
    assertEquals("no seller_risk table in the warehouse by 2026-10-01", early.get(0).absent());

    List<EvidenceTable> unknown = warehouse.of(flagged("seller-q", LocalDate.of(2026, 11, 1))).tables();
    assertEquals("nothing for this seller in seller_risk", unknown.get(0).absent());
    assertEquals("nothing for this seller in seller_features", unknown.get(1).absent());
    assertEquals("every luxury brand the seller sold in the window has a verified certificate", unknown.get(5).absent());
    assertEquals(8, unknown.size(), "no ring, so no members");

    List<EvidenceTable> empty = new WarehouseEvidence(new Partitions(root.resolve("no-warehouse"), DUCK), DUCK).of(flagged("seller-a", LocalDate.of(2026, 11, 1))).tables();
    assertEquals("no seller_scores table in the warehouse", empty.get(2).absent());
    assertEquals("no complaints table in the warehouse from 2026-10-03 to 2026-11-01", empty.get(3).absent());
    assertEquals("no counterfeit_signals table in the warehouse by 2026-11-01", empty.get(5).absent());
  }

  @Test
  void theRingGraphHoldsTheMembersWhoTradedWithWhomAndTheKeysTwoBuyersShare() throws Exception {
    RingGraph graph = warehouse.of(flagged("seller-a", LocalDate.of(2026, 11, 1))).ringGraph();

    assertEquals(List.of(), graph.gaps());
    assertEquals(List.of("seller-a:this seller", "seller-x:seller", "buyer-1:buyer", "buyer-2:buyer", "key:device:dev0000aaaa1111:device key"),
        graph.nodes().stream().map(n -> n.id() + ":" + n.kind()).toList(), "buyer-9 is in another ring; buyer-3 is no member");
    assertEquals("device dev0000a", graph.nodes().get(4).label(), "a key shown by its first 8 hex digits");
    assertEquals(List.of(new RingGraph.Link("buyer-1", "seller-a", 2), new RingGraph.Link("buyer-2", "seller-a", 1),
        new RingGraph.Link("buyer-2", "seller-x", 1), new RingGraph.Link("buyer-1", "key:device:dev0000aaaa1111", 0),
        new RingGraph.Link("buyer-2", "key:device:dev0000aaaa1111", 0)), graph.links());
    assertEquals(List.of(List.of("device", "dev0000aaaa1111", "2", "buyer-1 buyer-2")), graph.keys().rows(),
        "the address buyer-1 shares with buyer-3, no member, is not a ring's shared key");
  }

  @Test
  void theRatingHistoryCountsEachDaysRatingsWithTheFlaggedOnesByPattern() throws Exception {
    RatingHistory ratings = warehouse.of(flagged("seller-a", LocalDate.of(2026, 11, 1))).ratings();

    assertEquals(List.of("2026-10-20", "2026-10-21"), ratings.days(), "not r-6 of a later day");
    assertEquals(List.of(new RatingHistory.Series("positive", false, List.of(1L, 0L)), new RatingHistory.Series("negative", false, List.of(0L, 1L)),
        new RatingHistory.Series("ring_boost", true, List.of(1L, 0L)), new RatingHistory.Series("shared_key_boost", true, List.of(0L, 1L))),
        ratings.series(), "r-1 and r-2 counted under their patterns, not as positive; r-7 is another seller's");
    assertEquals(List.of("day", "positive", "negative", "flagged: ring_boost", "flagged: shared_key_boost"), ratings.table().columns());
  }

  @Test
  void withoutTradesOrRatingsTheChartsSayWhatIsMissing() throws Exception {
    Path sparse = root.resolve("sparse");
    for (String table : List.of("rings", "ring_members", "rating_flags")) {
      copyTree(root.resolve("warehouse").resolve(table), sparse.resolve(table));
    }
    CaseEvidence evidence = new WarehouseEvidence(new Partitions(sparse, DUCK), DUCK).of(flagged("seller-a", LocalDate.of(2026, 11, 1)));

    assertEquals(List.of("no trades table in the warehouse from 2026-10-20 to 2026-10-21: who traded with whom and shared keys are not drawn"),
        evidence.ringGraph().gaps());
    assertTrue(evidence.ringGraph().links().contains(new RingGraph.Link("buyer-1", "ring-0001", 0)), "members drawn around their ring");
    assertEquals(List.of("no ratings table in the warehouse by 2026-11-01: only the flagged ratings are drawn"), evidence.ratings().gaps());
    assertEquals(List.of("ring_boost", "shared_key_boost"), evidence.ratings().series().stream().map(RatingHistory.Series::kind).toList());
  }

  @Test
  void pagesOpenedTogetherOnAColdConsoleEachGetTheirEvidenceWithOneCopyPerPartition(@TempDir Path cold) throws Exception {
    Path tables = cold.resolve("warehouse");
    copyTree(root.resolve("warehouse"), tables);
    List<EvidenceTable> alone = warehouse.of(flagged("seller-a", LocalDate.of(2026, 11, 1))).tables();
    try (Duck duck = new Duck()) {
      WarehouseEvidence console = new WarehouseEvidence(new Partitions(tables, duck), duck);
      ExecutorService reviewers = Executors.newFixedThreadPool(8);
      try {
        List<Future<CaseEvidence>> pages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          // Distinct case days: each page reads the warehouse rather than the memory of another's page.
          LocalDate day = LocalDate.of(2026, 11, 1).plusDays(i % 2 == 0 ? 0 : 10);
          pages.add(reviewers.submit(() -> console.of(flagged("seller-a", day))));
        }
        for (int i = 0; i < 8; i += 2) {
          assertEquals(alone, pages.get(i).get().tables());
        }
      } finally {
        reviewers.shutdownNow();
      }
      List<String> copies = copiedPartitions(duck);
      // Each copy's name takes the next number: the highest number is the count of copies ever made.
      int made = copies.stream().mapToInt(name -> Integer.parseInt(name.substring(name.lastIndexOf('_') + 1))).max().orElse(0);
      assertEquals(copies.size(), made, "no partition copied twice: " + copies);
      assertTrue(made >= 10, "the pages' partitions copied: " + copies);
    }
  }

  @Test
  void aConsoleWarmsTheCopiesTheLastFlaggedDaysPagesReadBeforeItsFirstPage(@TempDir Path cold) throws Exception {
    Path tables = cold.resolve("warehouse");
    copyTree(root.resolve("warehouse"), tables);
    try (Duck duck = new Duck()) {
      WarehouseEvidence console = new WarehouseEvidence(new Partitions(tables, duck), duck);
      int warmed = console.warm();

      List<String> warmedCopies = copiedPartitions(duck);
      assertEquals(warmed, warmedCopies.size());
      assertTrue(warmed >= 8, "the copies of the case page's tables as of 2026-11-01, the review_queue's last day: " + warmedCopies);
      assertEquals(warehouse.of(flagged("seller-a", LocalDate.of(2026, 11, 1))).tables(),
          console.of(flagged("seller-a", LocalDate.of(2026, 11, 1))).tables());
      List<String> after = new ArrayList<>(copiedPartitions(duck));
      after.removeAll(warmedCopies);
      assertEquals(List.of(), after.stream().filter(name -> !name.startsWith("copy_trades_")).toList(),
          "a case of that day reads the warm-up's copies, and only its rings' trades are copied for it");
    }
  }

  /** The names of the partitions' copies in memory. */
  private static List<String> copiedPartitions(Duck duck) throws Exception {
    try (java.sql.Connection c = duck.connect()) {
      return DuckQuery.run(c, "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'copy_%' ORDER BY table_name").rows().stream()
          .map(row -> (String) row.get(0)).toList();
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Files.createDirectories(to.resolve(from.relativize(path).toString()).getParent());
        Files.copy(path, to.resolve(from.relativize(path).toString()));
      }
    }
  }
}
