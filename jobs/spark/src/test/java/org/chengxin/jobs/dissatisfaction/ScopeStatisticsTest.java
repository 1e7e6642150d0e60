package org.chengxin.jobs.dissatisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.chengxin.core.schema.DissatisfactionTables;
import org.chengxin.stats.CategoryPriors;
import org.chengxin.stats.CountHistogram;
import org.chengxin.stats.PartialPooling;
import org.junit.jupiter.api.Test;

/** The per-row statistics without an engine: column order, nulls, counts beyond int, the prior used. */
class ScopeStatisticsTest {
  private static final Date START = Date.valueOf("2026-10-03");
  private static final int RATE = DissatisfactionTables.DISSATISFACTION.indexOf("rate");
  private static final int CP_UPPER = DissatisfactionTables.DISSATISFACTION.indexOf("clopper_pearson_upper");
  private static final int ONE_SIDED = DissatisfactionTables.DISSATISFACTION.indexOf("one_sided_upper");
  private static final int TARGET_MET = DissatisfactionTables.DISSATISFACTION.indexOf("target_met");
  private static final int NEEDED = DissatisfactionTables.DISSATISFACTION.indexOf("clean_trades_needed");
  private static final int SHRUNK = DissatisfactionTables.DISSATISFACTION.indexOf("shrunk_rate");
  private static final int WITHOUT = DissatisfactionTables.DISSATISFACTION.indexOf("rate_without_flagged");
  private static final int MET_WITHOUT = DissatisfactionTables.DISSATISFACTION.indexOf("target_met_without_flagged");

  private static Row in(String scope, String category, long trades, long upheld, long flaggedTrades, long flaggedUpheld) {
    return in(scope, category, trades, upheld, flaggedTrades, flaggedUpheld, trades);
  }

  private static Row in(String scope, String category, long trades, long upheld, long flaggedTrades, long flaggedUpheld,
      long maturedTrades) {
    // On seller rows a flagged seller's kind comes with it (DissatisfactionCounts.withFlagKinds).
    String kind = scope.equals("seller") && flaggedTrades > 0 ? FlaggedSellers.COUNTERFEIT : null;
    return RowFactory.create(scope, scope.equals("platform") ? "platform" : "x", category, 90, START, trades, upheld, 2L,
        flaggedTrades, flaggedUpheld, maturedTrades, kind);
  }

  @Test
  void writesEveryDocumentedColumnInOrder() {
    Row out = new ScopeStatistics(null).apply(in("category", "books", 1000, 1, 0, 0));
    assertEquals(DissatisfactionTables.DISSATISFACTION.columns().size(), out.size());
    assertEquals("category", out.getString(0));
    assertEquals(START, out.get(DissatisfactionTables.DISSATISFACTION.indexOf("window_start")));
    assertEquals(2L, out.getLong(DissatisfactionTables.DISSATISFACTION.indexOf("pending")));
    assertEquals(1e-3, out.getDouble(RATE), 1e-15);
  }

  @Test
  void platformTotalsBeyondIntAreHandled() {
    // 3 billion trades at the target: the rate and its bounds hug 1e-5.
    Row out = new ScopeStatistics(null).apply(in("platform", null, 3_000_000_000L, 30_000, 1_000_000_000L, 20_000));
    assertEquals(1e-5, out.getDouble(RATE), 1e-18);
    assertTrue(out.getDouble(CP_UPPER) > 1e-5 && out.getDouble(CP_UPPER) < 1.02e-5);
    assertFalse(out.getBoolean(TARGET_MET));
    assertEquals(10_000 / 2e9, out.getDouble(WITHOUT), 1e-18);
    assertTrue(out.getBoolean(MET_WITHOUT), "0.5e-5 over 2e9 trades is clearly below the target");
  }

  @Test
  void theTargetIsMetFrom299572CleanTrades() {
    Row short1 = new ScopeStatistics(null).apply(in("seller", "books", 299_571, 0, 0, 0));
    Row enough = new ScopeStatistics(null).apply(in("seller", "books", 299_572, 0, 0, 0));
    assertFalse(short1.getBoolean(TARGET_MET));
    assertEquals(1, short1.getLong(NEEDED));
    assertTrue(enough.getBoolean(TARGET_MET));
    assertEquals(0, enough.getLong(NEEDED));
    assertTrue(enough.getDouble(ONE_SIDED) < 1e-5);
  }

  @Test
  void sellersShrinkTowardTheirCategorysPriorAndOtherScopesAreNotShrunk() {
    CountHistogram books = new CountHistogram();
    CountHistogram toys = new CountHistogram();
    // books: ~1e-4, toys: ~1e-6, with spread; enough sellers and complaints for a prior each
    for (int i = 0; i < 300; i++) {
      books.add(i % 3 == 0 ? 2 : 0, 10_000, 1);
      toys.add(i % 30 == 0 ? 1 : 0, 10_000, 1);
      toys.add(i % 60 == 0 ? 1 : 0, 10_000, 1);
    }
    CountHistogram flaggedSellers = new CountHistogram().add(3, 100, 1).add(5, 200, 1).add(0, 50, 1).add(9, 300, 1);
    CategoryPriors priors = CategoryPriors.fit(Map.of("books", books, "toys", toys),
        Map.of(FlaggedSellers.COUNTERFEIT, flaggedSellers), new CategoryPriors.Settings(200, 5, PartialPooling.DEFAULT));
    ScopeStatistics statistics = new ScopeStatistics(priors);
    double inBooks = statistics.apply(in("seller", "books", 100, 0, 0, 0)).getDouble(SHRUNK);
    double inToys = statistics.apply(in("seller", "toys", 100, 0, 0, 0)).getDouble(SHRUNK);
    assertEquals(priors.priorFor("books").posteriorMean(0, 100), inBooks, 1e-15);
    assertTrue(inBooks > 10 * inToys, "a small clean seller sits near its own category's rate");
    Row category = statistics.apply(in("category", "books", 100, 0, 0, 0));
    assertNull(category.get(SHRUNK));
    Row seller = statistics.apply(in("seller", "books", 100, 0, 0, 0));
    assertNull(seller.get(WITHOUT));
    assertNull(seller.get(MET_WITHOUT));
    // A flagged seller is shrunk toward its kind (counterfeit suspects, ~3%), not toward the ordinary sellers.
    Row flagged = statistics.apply(in("seller", "books", 100, 0, 100, 0));
    assertEquals(priors.priorForFlagged(FlaggedSellers.COUNTERFEIT).posteriorMean(0, 100), flagged.getDouble(SHRUNK), 1e-15);
    assertTrue(flagged.getDouble(SHRUNK) > 0.01, "a flagged seller without complaints is not cleared");
  }

  @Test
  void sellersAreEstimatedOnMaturedTrades() {
    CountHistogram books = new CountHistogram();
    for (int i = 0; i < 300; i++) {
      books.add(i % 3 == 0 ? 2 : 0, 10_000, 1);
    }
    CategoryPriors priors = CategoryPriors.fit(Map.of("books", books), CategoryPriors.Settings.DEFAULT);
    // 1,000 trades of which 400 have had time to draw their complaints: 2 complaints is 2 in 400.
    Row out = new ScopeStatistics(priors).apply(in("seller", "books", 1_000, 2, 0, 0, 400));
    assertEquals(priors.priorFor("books").posteriorMean(2, 400), out.getDouble(SHRUNK), 1e-15);
    assertEquals(400, out.getLong(DissatisfactionTables.DISSATISFACTION.indexOf("matured_trades")));
    assertEquals(2e-3, out.getDouble(RATE), 1e-15, "the point rate stays upheld / trades");
  }
}
