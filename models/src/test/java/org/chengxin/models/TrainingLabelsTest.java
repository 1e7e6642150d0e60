package org.chengxin.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLabelsTest {

  @Test
  void reviewerDecisionsOverrideTheTruthAndTheLatestDecisionWins(@TempDir Path dir) throws IOException {
    Path truth = Files.createDirectories(dir.resolve("truth"));
    Files.writeString(truth.resolve("ring_members.csv"),
        "account_id,role,ring_id,hijacked\nb001,buyer,R1,false\ns001,seller,R1,false\n");
    Files.writeString(truth.resolve("counterfeit_sellers.csv"), "seller_id,brands\ns002,helvetor;castellane\n");
    Path labels = dir.resolve("labels.csv");
    Files.writeString(labels, "seller_id,label,decided_at,reviewer,case_id\n"
        + "s002,confirmed,2026-11-02T10:00:00Z,alice,1\n"
        + "s002,cleared,2026-11-03T10:00:00Z,bob,4\n"
        + "s009,confirmed,2026-11-03T11:00:00Z,bob,5\n");

    TrainingLabels both = TrainingLabels.read(truth, labels);
    assertEquals(Optional.of(true), both.label("s001"));
    assertEquals(Optional.of(false), both.label("s002"));
    assertEquals(Optional.of(true), both.label("s009"));
    assertEquals(Optional.of(false), both.label("s003"));
    assertEquals(Optional.of(false), both.label("b001"));

    TrainingLabels reviewersOnly = TrainingLabels.read(null, labels);
    assertEquals(Optional.empty(), reviewersOnly.label("s001"));
    assertEquals(Optional.of(true), reviewersOnly.label("s009"));
  }
}
