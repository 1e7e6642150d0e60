package org.chengxin.importer;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code scripts/import-ratings} reads and how it maps the source to rating events.
 *
 * @param input the delimited rating file
 * @param out output folder; events go to OUT/events/YYYY-MM-DD/ratings.jsonl
 * @param delimiter field separator
 * @param header whether the first line names the columns (then columns may be given by name)
 * @param rater column of the rating account (0-based index or header name)
 * @param ratee column of the rated account
 * @param rating column of the rating value
 * @param time column of the rating time
 * @param scaleMin lowest valid rating value (values below are rejected), or -infinity
 * @param scaleMax highest valid rating value, or +infinity
 * @param positiveMin values at or above it are positive
 * @param negativeMax values at or below it are negative; the rest are neutral
 * @param timeFormat how the time column is written
 * @param idPrefix prepended to every account id and to the synthesised rating and trade ids
 * @param rateePrefix prepended (after {@code idPrefix}) to the rated accounts' ids, for sources whose
 *     raters and ratees are separate id spaces (users and products: user 5 is not product 5)
 * @param holdOutRatees accounts whose received ratings are left out (counted as held_out), for
 *     scoring labelled accounts without the ratings that made their labels
 * @param maxRejectedShare the import fails (writes nothing) when more rows than this share are rejected
 */
public record ImportOptions(
    Path input,
    Path out,
    char delimiter,
    boolean header,
    String rater,
    String ratee,
    String rating,
    String time,
    double scaleMin,
    double scaleMax,
    double positiveMin,
    double negativeMax,
    TimeFormat timeFormat,
    String idPrefix,
    String rateePrefix,
    Optional<Path> holdOutRatees,
    double maxRejectedShare) {

  public ImportOptions {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(timeFormat, "timeFormat");
    Objects.requireNonNull(idPrefix, "idPrefix");
    Objects.requireNonNull(rateePrefix, "rateePrefix");
    Objects.requireNonNull(holdOutRatees, "holdOutRatees");
    for (String column : new String[] {rater, ratee, rating, time}) {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("rater, ratee, rating and time columns are required");
      }
      if (!header && !column.matches("\\d+")) {
        throw new IllegalArgumentException("column '" + column + "' is a name: names need --header");
      }
    }
    if (!(scaleMin <= scaleMax)) {
      throw new IllegalArgumentException("scale minimum must not exceed its maximum");
    }
    if (!(negativeMax < positiveMin)) {
      throw new IllegalArgumentException(
          "negative maximum (" + negativeMax + ") must be below positive minimum (" + positiveMin + ")");
    }
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
    }
    if (!(maxRejectedShare >= 0 && maxRejectedShare <= 1)) {
      throw new IllegalArgumentException("max rejected share must lie in [0, 1], got " + maxRejectedShare);
    }
  }
}
