package org.chengxin.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.core.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewEvaluationTest {
  private static final LocalDate DAY = LocalDate.parse("2026-11-07");

  @Test
  void precisionCountsFraudulentSellersAmongTheTopCases() {
    List<String> ranked = List.of("s1", "s2", "s3", "s4");
    assertEquals(0.5, ReviewEvaluation.precisionAt(ranked, Set.of("s1", "s4"), 2));
    assertEquals(0.5, ReviewEvaluation.precisionAt(ranked, Set.of("s1", "s4"), 4));
  }

  @Test
  void truthSellersComeFromRingMembersWithTheSellerRole(@TempDir Path dir) throws IOException {
    Path members = dir.resolve("ring_members.csv");
    Files.writeString(members, "account_id,role,ring_id,hijacked\nb1,buyer,R1,false\ns7,seller,R1,false\n");
    assertEquals(Set.of("s7"), ReviewEvaluation.column(members, "account_id", "seller"));
  }

  @Test
  void withoutTablesTheKeysAreNullButTheModelFiguresComeFromTheVersionUsed(@TempDir Path dir) throws Exception {
    Path truth = Files.createDirectories(dir.resolve("truth"));
    Files.writeString(truth.resolve("ring_members.csv"), "account_id,role,ring_id,hijacked\ns7,seller,R1,false\n");
    Files.writeString(truth.resolve("counterfeit_sellers.csv"), "seller_id,brands\ns8,helvetor\n");
    Warehouse warehouse = Warehouse.local(dir.resolve("warehouse").toString());
    new RunSummaries(warehouse).record(DAY, "seller_risk",
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("model_version", "risk-20261101-000000"));
    Path version = Files.createDirectories(dir.resolve("models/risk-20261101-000000"));
    Files.writeString(version.resolve("metrics.json"),
        "{\"held_out\":{\"roc_auc\":0.99,\"average_precision\":0.9,\"best_single_signal\":{\"average_precision\":0.6}}}");

    Metrics metrics = new Metrics();
    new ReviewEvaluation(dir.resolve("models")).measure(new EvaluationContext(truth, warehouse, DAY), metrics);
    String json = metrics.toJson();
    assertNull(metrics.get("queue.top100_precision"), json);
    assertTrue(json.contains("\"queue.top100_precision\":null"), json);
    assertNull(metrics.get("counterfeit.precision"));
    assertNull(metrics.get("counterfeit.recall"));
    assertEquals(0.99, metrics.get("model.heldout_auc"));
    assertEquals(0.9, metrics.get("model.heldout_ap"));
    assertEquals(0.6, metrics.get("model.best_single_signal_ap"));
  }
}
