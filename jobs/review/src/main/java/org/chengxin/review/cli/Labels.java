package org.chengxin.review.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.chengxin.review.Decision;

/**
 * Reviewers' decisions as training labels, one CSV row per decision:
 * {@code seller_id,label,decided_at,reviewer,case_id} with label {@code confirmed} (fraudulent or
 * counterfeit) or {@code cleared}. A seller decided more than once has one row per decision; the
 * latest is the current label.
 */
final class Labels {
  static final String HEADER = "seller_id,label,decided_at,reviewer,case_id";

  private Labels() {}

  /** Writes the labels to {@code out} atomically: readers see the old file or the whole new one. */
  static void write(List<Decision> decisions, Path out) throws IOException {
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (Writer writer = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
        writer.write(HEADER + "\n");
        for (Decision d : decisions) {
          writer.write(String.join(",", csv(d.sellerId()), d.outcome().wire(), d.decidedAt().toString(), csv(d.reviewer()),
              Long.toString(d.caseId())) + "\n");
        }
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(staging);
    }
  }

  /** RFC 4180 quoting, for the rare id or name with a comma, quote or line break. */
  static String csv(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
