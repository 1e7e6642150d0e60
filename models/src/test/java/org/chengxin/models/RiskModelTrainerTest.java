package org.chengxin.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskModelTrainerTest {
  private static final RiskModelTrainer.Settings SMALL = new RiskModelTrainer.Settings(20, 5, 0.5f, 3L, 0.3);

  /**
   * Sellers where fraud shows in two features together (quick confirmations and uncertified luxury
   * sales), each alone noisy: the forest must beat the best single feature.
   */
  static List<LabelledSeller> market(int sellers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int quick = RiskFeatures.index("quick_confirm_share");
    int uncertified = RiskFeatures.index("uncertified_share");
    int trades = RiskFeatures.index("trades");
    List<LabelledSeller> rows = new ArrayList<>();
    for (int i = 0; i < sellers; i++) {
      double[] f = new double[RiskFeatures.NAMES.size()];
      f[trades] = 10 + random.nextInt(500);
      boolean ring = i % 20 == 0;
      boolean counterfeit = i % 20 == 1;
      f[quick] = ring ? 0.5 + 0.5 * random.nextDouble() : (random.nextDouble() < 0.1 ? 0.6 * random.nextDouble() : 0);
      f[uncertified] = counterfeit ? 0.6 + 0.4 * random.nextDouble() : (random.nextDouble() < 0.1 ? random.nextDouble() : 0);
      rows.add(new LabelledSeller(String.format("s%05d", i), f, ring || counterfeit));
    }
    return rows;
  }

  @Test
  void theForestBeatsTheBestSingleSignalOnTheHeldOutSplit() {
    RiskModelTrainer.Result result = new RiskModelTrainer(SMALL).train(market(1200, 1), "test market");
    RiskModelTrainer.HeldOut heldOut = result.heldOut();
    assertEquals(360, heldOut.sellers());
    assertEquals(36, heldOut.fraudulent());
    assertTrue(heldOut.averagePrecision() > heldOut.bestSingleSignal().averagePrecision(),
        heldOut.averagePrecision() + " vs " + heldOut.bestSingleSignal());
    assertTrue(heldOut.rocAuc() > 0.95, "auc " + heldOut.rocAuc());
  }

  @Test
  void aSavedModelLoadsWithItsProvenanceAndScoresTheSame(@TempDir Path root) throws IOException {
    RiskModelTrainer.Result result = new RiskModelTrainer(SMALL).train(market(600, 2), "test market seed 2");
    RiskModelStore store = new RiskModelStore(root);
    String version = RiskModelStore.newVersion(Clock.fixed(Instant.parse("2026-11-05T03:04:05Z"), ZoneOffset.UTC));
    assertEquals("risk-20261105-030405", version);
    Path dir = store.save(version, result, SMALL, "test market seed 2");

    RiskModel loaded = store.loadLatest();
    assertEquals(version, loaded.version());
    RiskModel original = new RiskModel(version, result.model());
    for (LabelledSeller seller : market(50, 9)) {
      assertEquals(original.risk(seller.features()), loaded.risk(seller.features()), 1e-12);
    }
    JsonNode provenance = new ObjectMapper().readTree(dir.resolve(RiskModelStore.PROVENANCE_FILE).toFile());
    String text = provenance.toString();
    assertTrue(text.contains("RandomForestTrainer"), text);
    assertTrue(text.contains("CARTClassificationTrainer"), text);
    assertTrue(text.contains("test market seed 2"), text);
    JsonNode metrics = RiskModelStore.metrics(dir);
    assertEquals(RiskFeatures.NAMES.size(), metrics.path("features").size());
    assertEquals(result.heldOut().averagePrecision(), metrics.path("held_out").path("average_precision").asDouble(), 1e-12);
    assertThrows(IOException.class, () -> store.save(version, result, SMALL, "again"));
  }

  @Test
  void aModelTrainedOnOtherFeaturesIsRefused(@TempDir Path root) throws IOException {
    Path dir = new RiskModelStore(root).save("risk-20260101-000000",
        new RiskModelTrainer(SMALL).train(market(300, 4), "test"), SMALL, "test");
    Path metrics = dir.resolve(RiskModelStore.METRICS_FILE);
    Files.writeString(metrics, Files.readString(metrics).replace("\"quick_confirm_share\"", "\"renamed_feature\""));
    IOException refused = assertThrows(IOException.class, () -> RiskModelStore.load(dir));
    assertTrue(refused.getMessage().contains("retrain"), refused.getMessage());
  }
}
