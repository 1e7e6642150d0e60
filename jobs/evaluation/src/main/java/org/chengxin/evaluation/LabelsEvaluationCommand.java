package org.chengxin.evaluation;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.csv.Delimited;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.detectors.eval.RankingMetrics;

/**
 * {@code scripts/evaluate-labels}: a rater_scores column (suspicion by default) against a file of
 * labelled accounts, over the labelled accounts that rated at least one other account (those with
 * a rater_scores row), fraudulent = positive. Prints one flat JSON object with auc, ap and n.
 */
public final class LabelsEvaluationCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LabelsEvaluationCommand() {}

  /** What the labels file holds and how to read it. */
  record LabelFormat(char delimiter, int idColumn, int labelColumn, String fraudValue, String idPrefix) {}

  /** auc, ap, n and positives of {@code scores} against {@code fraudulent} (accounts in both). */
  static ObjectNode evaluate(Map<String, Double> scores, Map<String, Boolean> fraudulent) {
    List<Double> s = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    fraudulent.forEach((account, fraud) -> {
      Double score = scores.get(account);
      if (score != null) {
        s.add(score);
        y.add(fraud);
      }
    });
    double[] scoreArray = s.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] labels = new boolean[y.size()];
    int positives = 0;
    for (int i = 0; i < labels.length; i++) {
      labels[i] = y.get(i);
      positives += labels[i] ? 1 : 0;
    }
    ObjectNode out = JSON.createObjectNode();
    boolean defined = positives > 0 && positives < labels.length;
    if (defined) {
      out.put("auc", RankingMetrics.rocAuc(scoreArray, labels));
      out.put("ap", RankingMetrics.averagePrecision(scoreArray, labels));
    } else {
      out.putNull("auc");
      out.putNull("ap");
    }
    out.put("n", labels.length);
    out.put("positives", positives);
    out.put("labelled", fraudulent.size());
    return out;
  }

  /** Account -> fraudulent, from a delimited labels file (a later row for the same account wins only if fraudulent). */
  static Map<String, Boolean> readLabels(Path file, LabelFormat format) throws IOException {
    Map<String, Boolean> labels = new HashMap<>();
    Delimited delimited = Delimited.by(format.delimiter());
    int lineNumber = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = delimited.split(line);
      if (fields == null) {
        throw new UsageException("labels line " + lineNumber + " has a quoted field that is not closed");
      }
      if (fields.size() <= Math.max(format.idColumn(), format.labelColumn())) {
        throw new UsageException("labels line " + lineNumber + " has " + fields.size() + " fields; --id-column "
            + format.idColumn() + " and --label-column " + format.labelColumn() + " need more");
      }
      String id = format.idPrefix() + fields.get(format.idColumn()).strip();
      boolean fraud = fields.get(format.labelColumn()).strip().equals(format.fraudValue());
      labels.merge(id, fraud, Boolean::logicalOr);
    }
    return labels;
  }

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("scripts/evaluate-labels",
          "ROC-AUC and average precision of rater_scores' suspicion against labelled accounts that rated someone.");
      Arg<Path> labelsPath = cli.requiredPath("labels", "FILE", "labelled accounts, one per line");
      Supplier<WarehouseDay> day = WarehouseDay.declare(cli, "day of the rater_scores partition");
      Arg<Character> delimiter = cli.delimiter("delimiter", "field separator of the labels file", ',');
      Arg<Long> idColumn = cli.whole("id-column", "N", "0-based column of the account id", 0, 0, 1_000);
      Arg<Long> labelColumn = cli.whole("label-column", "N", "0-based column of the label", 1, 0, 1_000);
      Arg<String> fraudValue = cli.text("fraud-value", "V", "label value meaning fraudulent", "-1");
      Arg<String> idPrefix = cli.text("id-prefix", "P", "prefix the import gave account ids (default none)");
      Arg<String> scoreColumnArg = cli.text("score-column", "NAME", "rater_scores column to rank by", "suspicion");
      if (!cli.parse(args)) {
        return;
      }
      LabelFormat format = new LabelFormat(delimiter.value(), idColumn.value().intValue(), labelColumn.value().intValue(),
          fraudValue.value(), idPrefix.optional().orElse(""));
      Path labelsFile = labelsPath.value();
      if (!Files.isRegularFile(labelsFile)) {
        throw new UsageException("--labels is not a file: " + labelsFile);
      }
      String scoreColumn = scoreColumnArg.value();
      if (RatingTables.RATER_SCORES.column(scoreColumn).isEmpty()) {
        throw new UsageException("--score-column must be a rater_scores column, got '" + scoreColumn + "'");
      }
      Map<String, Boolean> labels = readLabels(labelsFile, format);
      LocalDate date = day.get().date();
      Map<String, Double> scores = new HashMap<>();
      WarehouseTables tables = new WarehouseTables(day.get().warehouse());
      Dataset<Row> raters = tables.day(RatingTables.RATER_SCORES, date).orElseThrow(() ->
          new UsageException("no rater_scores partition for " + date + " in " + day.get().warehouse().root()));
      Dataset<Row> labelled = raters.filter(col("rater_id").isin(labels.keySet().toArray()));
      for (Row r : labelled.select(col("rater_id"), col(scoreColumn).cast("double")).collectAsList()) {
        scores.put(r.getString(0), r.isNullAt(1) ? 0 : r.getDouble(1));
      }
      ObjectNode out = evaluate(scores, labels);
      out.put("score", scoreColumn);
      System.out.println(out);
    });
  }
}
