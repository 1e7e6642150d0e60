package org.chengxin.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * A generated rating history (rater, ratee, score -10..10 without 0, unix seconds) imported as
 * {@code import-ratings} does for any delimited history, with the ids prefixed {@code g-}.
 */
final class ImportedRatings {
  private ImportedRatings() {}

  /** import-ratings' arguments for the CSV {@code csv}, written as raw events under {@code out}. */
  static List<String> arguments(Path csv, Path out) {
    return List.of("--input", csv.toString(), "--out", out.toString(), "--rater", "0", "--ratee", "1", "--rating", "2",
        "--time", "3", "--scale-min", "-10", "--scale-max", "10", "--positive-min", "1", "--negative-max", "-1",
        "--time-format", "unix-seconds", "--id-prefix", "g-");
  }

  /**
   * A random pseudonymisation key in {@code dir} (made once, kept for re-runs on the same warehouse):
   * imported data is not the generator's, so the ingest refuses the development key for it.
   */
  static Path throwawayKey(Path dir) throws IOException {
    Path key = dir.resolve("pseudonym.key");
    if (!Files.exists(key)) {
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      Files.writeString(key, HexFormat.of().formatHex(bytes) + "\n");
    }
    return key;
  }

  /** The first and last day of an import, from the JSON summary import-ratings prints last. */
  record Days(LocalDate first, LocalDate last) {
    static Days of(String importOutput) throws IOException {
      List<String> lines = importOutput.lines().filter(l -> !l.isBlank()).toList();
      if (lines.isEmpty()) {
        throw new Steps.Failed("the import printed nothing", 1);
      }
      JsonNode summary = Results.JSON.readTree(lines.get(lines.size() - 1));
      if (!summary.path("first_day").isTextual() || !summary.path("last_day").isTextual()) {
        throw new Steps.Failed("the import printed no day range: " + lines.get(lines.size() - 1), 1);
      }
      return new Days(LocalDate.parse(summary.get("first_day").asText()), LocalDate.parse(summary.get("last_day").asText()));
    }
  }
}
