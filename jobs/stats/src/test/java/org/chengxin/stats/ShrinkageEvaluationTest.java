package org.chengxin.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShrinkageEvaluationTest {
  @Test
  void shrunkRatesHaveAtMostHalfTheErrorOfRawRates() {
    ShrinkageEvaluation e =
        ShrinkageEvaluation.evaluate(SimulatedSellers.generate(SimulatedSellers.MARKET, 5), CategoryPriors.Settings.DEFAULT, 0.95);
    assertEquals(7_500, e.all().sellers());
    assertEquals(0, e.flagged().sellers());
    assertTrue(e.ratio() <= 0.5, e.toString());
  }

  @Test
  void smallCategoryFallsBackToThePlatformPrior() {
    Map<String, CountHistogram> histograms = new HashMap<>();
    for (SellerOutcome s : SimulatedSellers.generate(SimulatedSellers.MARKET.subList(0, 2), 9)) {
      histograms.computeIfAbsent(s.category(), c -> new CountHistogram()).add(s.upheld(), s.trades(), 1);
    }
    histograms.put("tiny", new CountHistogram().add(0, 5_000, 10).add(1, 20_000, 2));
    CategoryPriors priors = CategoryPriors.fit(histograms, CategoryPriors.Settings.DEFAULT);
    assertTrue(priors.hasOwnPrior("apparel"));
    assertFalse(priors.hasOwnPrior("tiny"));
    assertEquals(priors.platform().prior(), priors.priorFor("tiny"));
    assertEquals(priors.categories().get("electronics").prior(), priors.priorFor("electronics"));
    assertEquals(List.of("apparel", "electronics"), List.copyOf(priors.categories().keySet()));
  }

  @Test
  void flaggedSellersShrinkTowardTheirOwnFittedPrior() {
    Map<String, CountHistogram> ordinary = new HashMap<>();
    for (SellerOutcome s : SimulatedSellers.generate(SimulatedSellers.MARKET.subList(0, 1), 3)) {
      ordinary.computeIfAbsent(s.category(), c -> new CountHistogram()).add(s.upheld(), s.trades(), 1);
    }
    // 40 flagged sellers at rates from Beta(4, 130) (mean 3%), 50 to 500 trades each.
    BetaPrior truth = new BetaPrior(4, 130);
    CountHistogram flagged = new CountHistogram();
    for (SellerOutcome s : SimulatedSellers.generate(
        List.of(new SimulatedSellers.Category("flagged", truth, 40)), 50, 500, 4)) {
      flagged.add(s.upheld(), s.trades(), 1);
    }
    // 100 credit boosters at the ordinary rate: their own kind, not mixed into the counterfeiters'.
    CountHistogram boosters = new CountHistogram();
    for (SellerOutcome s : SimulatedSellers.generate(
        List.of(new SimulatedSellers.Category("boosting", new BetaPrior(2, 100_000), 100)), 1_000, 100_000, 5)) {
      boosters.add(s.upheld(), s.trades(), 1);
    }
    CategoryPriors priors = CategoryPriors.fit(ordinary, Map.of("counterfeit", flagged, "boosting", boosters),
        CategoryPriors.Settings.DEFAULT);
    assertEquals(0.03, priors.priorForFlagged("counterfeit").mean(), 0.01, priors.flagged().toString());
    assertTrue(priors.platform().prior().mean() < 1e-4, "the ordinary prior is fitted without the flagged sellers");
    assertEquals(priors.platform().prior(), priors.priorForFlagged("unknown kind"));
    assertTrue(boosters.upheld() > 0 && priors.priorForFlagged("boosting").mean() < 1e-4, priors.flagged().toString());
    CategoryPriors clean =
        CategoryPriors.fit(ordinary, Map.of("counterfeit", new CountHistogram().add(0, 80, 3)), CategoryPriors.Settings.DEFAULT);
    assertEquals(clean.platform().prior(), clean.priorForFlagged("counterfeit"),
        "no complaint of the kind to learn from: nothing sets it apart from the ordinary sellers");
  }
}
