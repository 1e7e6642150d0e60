package org.chengxin.evaluation;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.csv.Delimited;
import org.chengxin.core.csv.TextFiles;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.detectors.eval.RankingMetrics;

/**
 * {@code scripts/evaluate-labels}: a rater_scores column (suspicion by default) against a file of
 * labelled accounts, over the labelled accounts that rated at least one other account (those with
 * a rater_scores row), fraudulent = positive, with the simplest floor beside it (minus the ratings
 * the account gave). With {@code --per-review} the file labels ratings, one line per rating in the
 * order import-ratings read it (as review data sets ship, YelpChi's for one): an account is
 * fraudulent when any of its ratings is, and each rating's own suspicion is measured against its
 * label too. Prints one flat JSON object.
 */
public final class LabelsEvaluationCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LabelsEvaluationCommand() {}

  /** What the labels file holds and how to read it. */
  record LabelFormat(char delimiter, int idColumn, int labelColumn, String fraudValue, String idPrefix) {}

  /**
   * A labelled rating: the line {@code N} of the file import-ratings read is its rating
   * {@code PREFIX r N} (the import numbers every line, a header and blank lines included).
   */
  record LabelledRating(String ratingId, String rater, boolean fraud) {}

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
    return accounts(readRatings(file, format));
  }

  /** Account -> fraudulent: fraudulent when any of its lines is. */
  static Map<String, Boolean> accounts(List<LabelledRating> ratings) {
    Map<String, Boolean> labels = new HashMap<>();
    ratings.forEach(rating -> labels.merge(rating.rater(), rating.fraud(), Boolean::logicalOr));
    return labels;
  }

  /** Every labelled line of the file (gzip when its name ends in .gz), as the rating import-ratings made of it. */
  static List<LabelledRating> readRatings(Path file, LabelFormat format) throws IOException {
    List<LabelledRating> ratings = new ArrayList<>();
    Delimited delimited = Delimited.by(format.delimiter());
    try (BufferedReader in = TextFiles.open(file)) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
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
        ratings.add(new LabelledRating(format.idPrefix() + "r" + lineNumber, format.idPrefix() + fields.get(format.idColumn()).strip(),
            fields.get(format.labelColumn()).strip().equals(format.fraudValue())));
      }
    }
    return ratings;
  }

  /**
   * Each rating's own suspicion: its rater's, raised by every pattern that flagged the rating itself
   * (noisy-OR: 1 - (1 - rater suspicion) x the product over its flags of (1 - flag score)).
   */
  static Map<String, Double> ratingSuspicion(List<LabelledRating> ratings, Map<String, Double> raterSuspicion,
      Map<String, Double> unflaggedShare) {
    Map<String, Double> scores = new HashMap<>();
    for (LabelledRating rating : ratings) {
      Double rater = raterSuspicion.get(rating.rater());
      if (rater != null) {
        scores.put(rating.ratingId(), 1 - (1 - rater) * unflaggedShare.getOrDefault(rating.ratingId(), 1.0));
      }
    }
    return scores;
  }

  /** {@code figures} with every key prefixed, into {@code out}. */
  private static void putAll(ObjectNode out, String prefix, ObjectNode figures) {
    figures.fields().forEachRemaining(field -> out.set(prefix + field.getKey(), field.getValue()));
  }

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("scripts/evaluate-labels",
          "ROC-AUC and average precision of rater_scores' suspicion against labelled accounts that rated someone, with the floor "
              + "minus the ratings each gave (floor_*); with --per-review, of each rating's own suspicion too (review_*).");
      Arg<Path> labelsPath = cli.requiredPath("labels", "FILE", "labelled accounts, one per line");
      Supplier<WarehouseDay> day = WarehouseDay.declare(cli, "day of the rater_scores partition");
      Arg<Character> delimiter = cli.delimiter("delimiter", "field separator of the labels file", ',');
      Arg<Long> idColumn = cli.whole("id-column", "N", "0-based column of the account id", 0, 0, 1_000);
      Arg<Long> labelColumn = cli.whole("label-column", "N", "0-based column of the label", 1, 0, 1_000);
      Arg<String> fraudValue = cli.text("fraud-value", "V", "label value meaning fraudulent", "-1");
      Arg<String> idPrefix = cli.text("id-prefix", "P", "prefix the import gave account ids (default none)");
      Arg<String> scoreColumnArg = cli.text("score-column", "NAME", "rater_scores column to rank by", "suspicion");
      Arg<Boolean> perReview = cli.flag("per-review", "the file labels ratings, one line per rating in the order import-ratings read "
          + "it (the same file): adds each rating's own suspicion against its label (review_*)");
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
      List<LabelledRating> ratings = readRatings(labelsFile, format);
      Map<String, Boolean> labels = accounts(ratings);
      LocalDate date = day.get().date();
      WarehouseTables tables = new WarehouseTables(day.get().warehouse());
      Dataset<Row> raters = tables.day(RatingTables.RATER_SCORES, date).orElseThrow(() ->
          new UsageException("no rater_scores partition for " + date + " in " + day.get().warehouse().root()));
      Map<String, Double> scores = new HashMap<>();
      Map<String, Double> suspicion = new HashMap<>();
      // The floor the review data's literature starts from: fewer ratings given, more suspect.
      Map<String, Double> fewerRatings = new HashMap<>();
      for (Row r : raters.filter(col("rater_id").isin(labels.keySet().toArray()))
          .select(col("rater_id"), col(scoreColumn).cast("double"), col("suspicion"), col("ratings_given").cast("double")).collectAsList()) {
        scores.put(r.getString(0), r.isNullAt(1) ? 0 : r.getDouble(1));
        suspicion.put(r.getString(0), r.getDouble(2));
        fewerRatings.put(r.getString(0), -r.getDouble(3));
      }
      ObjectNode out = evaluate(scores, labels);
      out.put("score", scoreColumn);
      ObjectNode floor = evaluate(fewerRatings, labels);
      out.set("floor_auc", floor.get("auc"));
      out.set("floor_ap", floor.get("ap"));
      if (perReview.value()) {
        Map<String, Boolean> ratingLabels = new HashMap<>();
        ratings.forEach(rating -> ratingLabels.put(rating.ratingId(), rating.fraud()));
        Map<String, Double> unflagged = new HashMap<>();
        tables.day(RatingTables.RATING_FLAGS, date).ifPresent(flags -> {
          for (Row r : flags.filter(col("rater_id").isin(labels.keySet().toArray())).select(col("rating_id"), col("score")).collectAsList()) {
            unflagged.merge(r.getString(0), 1 - r.getDouble(1), (a, b) -> a * b);
          }
        });
        putAll(out, "review_", evaluate(ratingSuspicion(ratings, suspicion, unflagged), ratingLabels));
        Map<String, Double> ratingFloor = new HashMap<>();
        ratings.forEach(rating -> Optional.ofNullable(fewerRatings.get(rating.rater())).ifPresent(f -> ratingFloor.put(rating.ratingId(), f)));
        ObjectNode reviewFloor = evaluate(ratingFloor, ratingLabels);
        out.set("review_floor_auc", reviewFloor.get("auc"));
        out.set("review_floor_ap", reviewFloor.get("ap"));
      }
      System.out.println(out);
    });
  }
}
