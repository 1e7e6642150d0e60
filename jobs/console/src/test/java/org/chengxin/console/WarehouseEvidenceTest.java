package org.chengxin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
  private static WarehouseEvidence warehouse;

  @BeforeAll
  static void write() throws Exception {
    warehouse = new WarehouseEvidence(TestWarehouse.write(root.resolve("warehouse")));
  }

  private static ReviewCase flagged(String seller, LocalDate lastFlagged) {
    return new ReviewCase(1, seller, CaseStatus.OPEN, 1, List.of("in a ring"), Evidence.NONE, "fp", RecommendedAction.WARN,
        lastFlagged, lastFlagged, null, null);
  }

  @Test
  void aSellersEvidenceIsReadAsItStoodOnTheDayItWasFlagged() throws Exception {
    List<EvidenceTable> sections = warehouse.of(flagged("seller-a", LocalDate.of(2026, 11, 1)));

    assertEquals(List.of("Risk model", "Credit and DSR, day by day", "Flagged ratings of the seller, by pattern", "Rings the seller is in",
        "Members of ring-0001"), sections.stream().map(EvidenceTable::title).toList());
    assertEquals(List.of(List.of("0.912", "v7")), sections.get(0).rows(), "the risk of the flag's day, not the later 0.12");
    assertEquals(List.of("2026-10-31", "2026-11-01"), sections.get(1).rows().stream().map(row -> row.get(0)).toList());
    assertEquals("131", sections.get(1).rows().get(1).get(1));
    assertEquals(List.of("r-1", "r-2"), sections.get(2).rows().stream().map(row -> row.get(0)).toList(), "only ratings of seller-a");
    assertEquals(List.of("ring_boost", "shared_key_boost"), sections.get(2).rows().stream().map(row -> row.get(1)).toList());
    assertEquals("ring-0001", sections.get(3).rows().get(0).get(0));
    assertEquals(List.of("seller-a", "seller-x", "buyer-1", "buyer-2"), sections.get(4).rows().stream().map(row -> row.get(0)).toList());
    assertNull(sections.get(0).absent());
  }

  @Test
  void whatTheWarehouseLacksIsSaid() throws Exception {
    List<EvidenceTable> early = warehouse.of(flagged("seller-a", LocalDate.of(2026, 10, 1)));
    assertEquals("no seller_risk table in the warehouse by 2026-10-01", early.get(0).absent());

    List<EvidenceTable> unknown = warehouse.of(flagged("seller-q", LocalDate.of(2026, 11, 1)));
    assertEquals("nothing for this seller in seller_risk", unknown.get(0).absent());
    assertEquals(4, unknown.size(), "no ring, so no members");

    List<EvidenceTable> empty = new WarehouseEvidence(root.resolve("no-warehouse")).of(flagged("seller-a", LocalDate.of(2026, 11, 1)));
    assertEquals("no seller_scores table in the warehouse", empty.get(1).absent());
  }
}
