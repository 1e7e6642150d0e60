package org.chengxin.detectors.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chengxin.core.csv.Delimited;
import org.chengxin.detectors.ratings.RatingGraph;

/**
 * Test helper reading headerless delimited files: a rating file with rater, ratee, rating and
 * epoch-second columns, the rating linearly mapped from [scaleMin, scaleMax] to [-1, 1]; and a label
 * file with account and label columns.
 */
final class DelimitedRatingFile {
  private DelimitedRatingFile() {}

  record RatingColumns(char delimiter, int rater, int ratee, int rating, int epochSecond, double scaleMin, double scaleMax) {}

  static RatingGraph readRatings(Path file, RatingColumns c) {
    RatingGraph.Builder builder = RatingGraph.builder();
    for (String[] row : rows(file, c.delimiter())) {
      double raw = Double.parseDouble(row[c.rating()]);
      double score = 2 * (raw - c.scaleMin()) / (c.scaleMax() - c.scaleMin()) - 1;
      builder.add(row[c.rater()], row[c.ratee()], score, Long.parseLong(row[c.epochSecond()]));
    }
    return builder.build();
  }

  /** Account to fraudulent; a label equal to {@code fraudValue} (after trimming a leading '+') is fraud. */
  static Map<String, Boolean> readLabels(Path file, char delimiter, int account, int label, String fraudValue) {
    Map<String, Boolean> labels = new HashMap<>();
    for (String[] row : rows(file, delimiter)) {
      boolean fraud = row[label].replaceFirst("^\\+", "").equals(fraudValue);
      labels.merge(row[account], fraud, (a, b) -> a || b);
    }
    return labels;
  }

  private static List<String[]> rows(Path file, char delimiter) {
    Delimited split = Delimited.by(delimiter);
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .map(line -> split.split(line).toArray(String[]::new))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
