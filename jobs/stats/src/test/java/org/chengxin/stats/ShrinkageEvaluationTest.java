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
        ShrinkageEvaluation.evaluate(SimulatedSellers.generate(SimulatedSellers.MARKET, 5), CategoryPriors.Settings.DEFAULT);
    assertEquals(7_500, e.sellers());
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
}
