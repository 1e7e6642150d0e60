package org.chengxin.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.chengxin.core.cli.CommandLine;
import org.chengxin.core.cli.UsageException;

/**
 * {@code scripts/import-ratings}: a delimited rating file into Chengxin raw rating events. Prints
 * the counts as one flat JSON object; exits non-zero when the import was refused (too many rows
 * rejected), having written nothing.
 */
public final class ImportRatingsCommand {
  private ImportRatingsCommand() {}

  public static void main(String[] args) {
    CommandLine.runMain(() -> {
      CommandLine cli = new CommandLine(
          "scripts/import-ratings --input FILE --out DIR --rater COL --ratee COL --rating COL --time COL "
              + "--positive-min X --negative-max Y [options]\n\n"
              + "Writes OUT/events/YYYY-MM-DD/ratings.jsonl (one buyer_to_seller rating event per row, by its UTC day);\n"
              + "COL is a 0-based column index, or a header name with --header. See docs/rater-reliability.md.")
          .option("input", "FILE", "delimited rating file (required)")
          .option("out", "DIR", "output folder; OUT/events must not exist yet (required)")
          .option("delimiter", "C", "field separator: one character, or comma, tab, semicolon, pipe, space (default comma)")
          .flag("header", "the first line names the columns")
          .option("rater", "COL", "column of the account that rated (required)")
          .option("ratee", "COL", "column of the account that was rated (required)")
          .option("rating", "COL", "column of the rating value (required)")
          .option("time", "COL", "column of the rating time (required)")
          .option("scale-min", "X", "lowest valid rating; lower values are rejected (default: none)")
          .option("scale-max", "X", "highest valid rating; higher values are rejected (default: none)")
          .option("positive-min", "X", "ratings >= X are positive (required)")
          .option("negative-max", "Y", "ratings <= Y are negative; between Y and X neutral (required)")
          .option("time-format", "F", "unix-seconds, unix-millis, iso or pattern:PATTERN (default unix-seconds)")
          .option("time-zone", "ZONE", "zone of times without one (default UTC)")
          .option("id-prefix", "P", "prefix for account, rating and trade ids, e.g. 'ba-' (default none)")
          .option("hold-out-ratees", "FILE", "accounts (first column, same delimiter) whose received ratings are left out")
          .option("max-rejected-share", "P", "refuse the import when more rows are rejected (default 0.01)");
      if (!cli.parse(args)) {
        return;
      }
      ImportOptions options;
      try {
        options = new ImportOptions(
            cli.path("input"), cli.path("out"), cli.delimiter("delimiter", ','), cli.isSet("header"),
            cli.required("rater"), cli.required("ratee"), cli.required("rating"), cli.required("time"),
            cli.doubleValue("scale-min", Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, Double.MAX_VALUE),
            cli.doubleValue("scale-max", Double.POSITIVE_INFINITY, -Double.MAX_VALUE, Double.MAX_VALUE),
            Double.parseDouble(cli.required("positive-min")), Double.parseDouble(cli.required("negative-max")),
            TimeFormat.parse(cli.get("time-format").orElse("unix-seconds"), ZoneId.of(cli.get("time-zone").orElse("UTC"))),
            cli.get("id-prefix").orElse(""), cli.get("hold-out-ratees").map(Path::of),
            cli.doubleValue("max-rejected-share", 0.01, 0, 1));
      } catch (NumberFormatException e) {
        throw new UsageException("--positive-min and --negative-max must be numbers: " + e.getMessage());
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
