package org.chengxin.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsEvaluationCommandTest {
  @TempDir Path dir;

  @Test
  void labelsAreReadWithPrefixAndFraudValueAndARepeatedFraudLabelWins() throws IOException {
    Path file = dir.resolve("gt.tsv");
    Files.writeString(file, "x\t7\tbad\nx\t8\tgood\nx\t8\tbad\nx\t9\tgood\n\n");
    Map<String, Boolean> labels = LabelsEvaluationCommand.readLabels(file,
        new LabelsEvaluationCommand.LabelFormat('\t', 1, 2, "bad", "ba-"));
    assertEquals(Map.of("ba-7", true, "ba-8", true, "ba-9", false), labels);
  }

  @Test
  void onlyLabelledAccountsWithAScoreCount() {
    Map<String, Boolean> labels = Map.of("a", true, "b", false, "c", false, "never-rated", true);
    ObjectNode out = LabelsEvaluationCommand.evaluate(Map.of("a", 0.9, "b", 0.1, "c", 0.5, "unlabelled", 1.0), labels);
    assertEquals(3, out.get("n").asInt());
    assertEquals(1, out.get("positives").asInt());
    assertEquals(1.0, out.get("auc").asDouble(), 1e-12);
    assertEquals(1.0, out.get("ap").asDouble(), 1e-12);
    assertEquals(4, out.get("labelled").asInt());
    assertTrue(LabelsEvaluationCommand.evaluate(Map.of("b", 0.1), labels).get("auc").isNull(), "one class only");
  }
}
