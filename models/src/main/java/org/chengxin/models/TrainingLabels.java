package org.chengxin.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chengxin.core.csv.Delimited;

/**
 * Where the risk model's labels come from: reviewers' decisions where they exist (the latest
 * decision per seller, as exported by {@code scripts/queue export-labels}), else the generator's
 * truth for a generated market (fraudulent = a ring's seller or a counterfeit seller; every other
 * seller honest). Without truth, only reviewed sellers are labelled.
 */
public final class TrainingLabels {
  private final Map<String, Boolean> reviewed;
  private final Set<String> truthFraud;
  private final boolean haveTruth;

  private TrainingLabels(Map<String, Boolean> reviewed, Set<String> truthFraud, boolean haveTruth) {
    this.reviewed = Map.copyOf(reviewed);
    this.truthFraud = Set.copyOf(truthFraud);
    this.haveTruth = haveTruth;
  }

  /**
   * @param truthDir the generator's {@code OUT/truth} folder, or null
   * @param reviewerLabels a CSV from {@code scripts/queue export-labels}, or null
   */
  public static TrainingLabels read(Path truthDir, Path reviewerLabels) throws IOException {
    if (truthDir == null && reviewerLabels == null) {
      throw new IllegalArgumentException("labels need the generator's truth, reviewer labels, or both");
    }
    Set<String> fraud = new HashSet<>();
    if (truthDir != null) {
      for (String[] row : Delimited.CSV.columns(truthDir.resolve("ring_members.csv"), "account_id", "role")) {
        if (row[1].equals("seller")) {
          fraud.add(row[0]);
        }
      }
      for (String[] row : Delimited.CSV.columns(truthDir.resolve("counterfeit_sellers.csv"), "seller_id")) {
        fraud.add(row[0]);
      }
    }
    Map<String, Boolean> reviewed = new HashMap<>();
    if (reviewerLabels != null) {
      // Oldest first: a later decision on the same seller replaces an earlier one.
      for (String[] row : Delimited.CSV.columns(reviewerLabels, "seller_id", "label")) {
        switch (row[1]) {
          case "confirmed" -> reviewed.put(row[0], true);
          case "cleared" -> reviewed.put(row[0], false);
          default -> throw new IOException(reviewerLabels + ": label must be confirmed or cleared, got '" + row[1] + "'");
        }
      }
    }
    return new TrainingLabels(reviewed, fraud, truthDir != null);
  }

  /** True when fraudulent, false when honest, empty when the seller has no label. */
  public Optional<Boolean> label(String sellerId) {
    Boolean decided = reviewed.get(sellerId);
    if (decided != null) {
      return Optional.of(decided);
    }
    return haveTruth ? Optional.of(truthFraud.contains(sellerId)) : Optional.empty();
  }

  public String describe() {
    return (haveTruth ? "generator truth (" + truthFraud.size() + " fraudulent sellers)" : "no truth")
        + ", " + reviewed.size() + " reviewer decisions";
  }
}
