package org.chengxin.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;

/**
 * {@code scripts/import-ratings}: a delimited rating file into Chengxin raw rating events. Prints
 * the counts as one flat JSON object; exits non-zero when the import was refused (too many rows
 * rejected), having written nothing.
 */
public final class ImportRatingsCommand {
  private ImportRatingsCommand() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("scripts/import-ratings", "Writes OUT/events/YYYY-MM-DD/ratings.jsonl (one "
          + "buyer_to_seller rating event per row, by its UTC day);\nCOL is a 0-based column index, or a header name with "
          + "--header. See docs/rater-reliability.md.");
      Arg<Path> input = cli.requiredPath("input", "FILE", "delimited rating file (gzip when its name ends in .gz)");
      Arg<Path> out = cli.requiredPath("out", "DIR", "output folder; OUT/events must not exist yet");
      Arg<Character> delimiter = cli.delimiter("delimiter", "field separator", ',');
      Arg<Boolean> header = cli.flag("header", "the first line names the columns");
      Arg<String> rater = cli.requiredText("rater", "COL", "column of the account that rated");
      Arg<String> ratee = cli.requiredText("ratee", "COL", "column of the account that was rated");
      Arg<String> rating = cli.requiredText("rating", "COL", "column of the rating value");
      Arg<String> time = cli.requiredText("time", "COL", "column of the rating time");
      Arg<Double> scaleMin = cli.number("scale-min", "X", "lowest valid rating; lower values are rejected (default: none)",
          -Double.MAX_VALUE, Double.MAX_VALUE);
      Arg<Double> scaleMax = cli.number("scale-max", "X", "highest valid rating; higher values are rejected (default: none)",
          -Double.MAX_VALUE, Double.MAX_VALUE);
      Arg<Double> positiveMin = cli.requiredNumber("positive-min", "X", "ratings >= X are positive",
          Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
      Arg<Double> negativeMax = cli.requiredNumber("negative-max", "Y", "ratings <= Y are negative; between Y and X neutral",
          Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
      Arg<String> timeFormat = cli.text("time-format", "F", "unix-seconds, unix-millis, iso or pattern:PATTERN",
          "unix-seconds");
      Arg<String> timeZone = cli.text("time-zone", "ZONE", "zone of times without one", "UTC");
      Arg<String> idPrefix = cli.text("id-prefix", "P", "prefix for account, rating and trade ids, e.g. 'ba-' (default none)");
      Arg<String> rateePrefix = cli.text("ratee-prefix", "P", "prefix for rated accounts' ids after --id-prefix, when raters and "
          + "ratees are separate id spaces (users and products: user 5 is not product 5) (default none)");
      Arg<Path> holdOutRatees = cli.path("hold-out-ratees", "FILE",
          "accounts (first column, same delimiter) whose received ratings are left out");
      Arg<Double> maxRejectedShare = cli.number("max-rejected-share", "P", "refuse the import when more rows are rejected",
          0.01, 0, 1);
      if (!cli.parse(args)) {
        return;
      }
      ImportOptions options;
      try {
        options = new ImportOptions(input.value(), out.value(), delimiter.value(), header.value(), rater.value(),
            ratee.value(), rating.value(), time.value(), scaleMin.optional().orElse(Double.NEGATIVE_INFINITY),
            scaleMax.optional().orElse(Double.POSITIVE_INFINITY), positiveMin.value(), negativeMax.value(),
            TimeFormat.parse(timeFormat.value(), ZoneId.of(timeZone.value())), idPrefix.optional().orElse(""),
            rateePrefix.optional().orElse(""), holdOutRatees.optional(), maxRejectedShare.value());
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw new UsageException(e.getMessage());
      }
      if (!Files.isRegularFile(options.input())) {
        throw new UsageException("--input is not a file: " + options.input());
      }
      Optional<Path> holdOut = options.holdOutRatees();
      if (holdOut.isPresent() && !Files.isRegularFile(holdOut.get())) {
        throw new UsageException("--hold-out-ratees is not a file: " + holdOut.get());
      }
      RatingImporter.Result result;
      try {
        result = new RatingImporter(options, Instant.now()).run();
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      System.out.println(result.toJson());
      if (result.refused()) {
        throw new UsageException("import refused: " + result.rejectedTotal() + " of " + result.read()
            + " rows rejected (more than --max-rejected-share); nothing was written");
      }
    });
  }
}
