package org.chengxin.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model committed in models/risk (what the nightly run scores with) still loads and ranks. */
class CommittedModelTest {
  /** Surefire runs in the module directory, which holds the saved versions. */
  private static final Path COMMITTED = Path.of("risk");

  @Test
  void theLatestCommittedModelLoadsWithItsProvenanceAndHeldOutFigures() throws IOException {
    Path dir = new RiskModelStore(COMMITTED).latest().orElseThrow();
    RiskModel model = RiskModelStore.load(dir);
    assertEquals(dir.getFileName().toString(), model.version());
    assertTrue(Files.readString(dir.resolve(RiskModelStore.PROVENANCE_FILE)).contains("RandomForestTrainer"));
    JsonNode heldOut = RiskModelStore.metrics(dir).path("held_out");
    assertTrue(heldOut.path("average_precision").asDouble() > heldOut.path("best_single_signal").path("average_precision").asDouble(),
        heldOut.toString());
  }

  @Test
  void aSellerOfUncertifiedCheapLuxuryGoodsIsRiskierThanAnOrdinaryShop() throws IOException {
    RiskModel model = new RiskModelStore(COMMITTED).loadLatest();
    double[] ordinary = new double[RiskFeatures.NAMES.size()];
    ordinary[RiskFeatures.index("trades")] = 300;
    ordinary[RiskFeatures.index("buyers")] = 280;
    ordinary[RiskFeatures.index("repeat_buyer_share")] = 20.0 / 300;
    ordinary[RiskFeatures.index("price_to_category_median")] = 1.0;
    ordinary[RiskFeatures.index("account_age_days")] = 7;
    ordinary[RiskFeatures.index("credit_points")] = 150;
    ordinary[RiskFeatures.index("credit_per_day")] = 150.0 / 7;
    ordinary[RiskFeatures.index("dsr_item_as_described")] = 4.8;
    double[] fakes = ordinary.clone();
    fakes[RiskFeatures.index("luxury_trades")] = 250;
    fakes[RiskFeatures.index("uncertified_share")] = 1.0;
    fakes[RiskFeatures.index("underpriced_share")] = 0.95;
    fakes[RiskFeatures.index("price_to_category_median")] = 0.1;
    fakes[RiskFeatures.index("negative_rate")] = 0.1;
    assertTrue(model.risk(fakes) > 0.5, "fakes " + model.risk(fakes));
    assertTrue(model.risk(ordinary) < 0.1, "ordinary " + model.risk(ordinary));
  }
}
