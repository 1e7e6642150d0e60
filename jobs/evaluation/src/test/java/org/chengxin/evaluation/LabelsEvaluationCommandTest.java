package org.chengxin.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void aGzippedReviewFileLabelsEachLinesRatingAsTheImportNumberedIt() throws IOException {
    Path file = dir.resolve("metadata.gz");
    try (var gzip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      gzip.write("5 201 5.0 -1 2011-06-08\n6 201 4.0 1 2011-06-08\n\n5 7 1.0 1 2011-06-09\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    List<LabelsEvaluationCommand.LabelledRating> ratings = LabelsEvaluationCommand.readRatings(file,
        new LabelsEvaluationCommand.LabelFormat(' ', 0, 3, "-1", "y-"));

    assertEquals(List.of(new LabelsEvaluationCommand.LabelledRating("y-r1", "y-5", true), new LabelsEvaluationCommand.LabelledRating("y-r2", "y-6", false),
        new LabelsEvaluationCommand.LabelledRating("y-r4", "y-5", false)), ratings, "the blank third line keeps its number, as in the import");
    assertEquals(Map.of("y-5", true, "y-6", false), LabelsEvaluationCommand.accounts(ratings));
  }

  @Test
  void aRatingsOwnFlagsRaiseItAboveItsRatersSuspicion() {
    List<LabelsEvaluationCommand.LabelledRating> ratings = List.of(new LabelsEvaluationCommand.LabelledRating("r1", "a", true),
        new LabelsEvaluationCommand.LabelledRating("r2", "a", false), new LabelsEvaluationCommand.LabelledRating("r3", "unscored", false));
    // r1 flagged by two patterns scoring 0.5 and 0.2: unflagged share 0.5 x 0.8.
    Map<String, Double> scores = LabelsEvaluationCommand.ratingSuspicion(ratings, Map.of("a", 0.5), Map.of("r1", 0.4));

    assertEquals(1 - 0.5 * 0.4, scores.get("r1"), 1e-12);
    assertEquals(0.5, scores.get("r2"), 1e-12, "an unflagged rating carries its rater's suspicion");
    assertEquals(2, scores.size(), "a rating whose rater has no rater_scores row is not scored");
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
