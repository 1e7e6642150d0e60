package org.chengxin.review.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.chengxin.core.csv.Delimited;
import org.chengxin.review.Decision;

/**
 * Reviewers' decisions as training labels, one CSV row per decision:
 * {@code seller_id,label,decided_at,reviewer,case_id} with label {@code confirmed} (fraudulent or
 * counterfeit) or {@code cleared}. A seller decided more than once has one row per decision; the
 * latest is the current label.
 */
final class Labels {
  private static final String[] COLUMNS = {"seller_id", "label", "decided_at", "reviewer", "case_id"};
  static final String HEADER = String.join(",", COLUMNS);

  private Labels() {}

  /** Writes the labels to {@code out} atomically: readers see the old file or the whole new one. */
  static void write(List<Decision> decisions, Path out) throws IOException {
    Path target = out.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (Delimited.Rows rows = Delimited.CSV.write(Files.newBufferedWriter(staging, StandardCharsets.UTF_8), COLUMNS)) {
        for (Decision d : decisions) {
          rows.row(d.sellerId(), d.outcome().wire(), d.decidedAt(), d.reviewer(), d.caseId());
        }
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(staging);
    }
  }
}
