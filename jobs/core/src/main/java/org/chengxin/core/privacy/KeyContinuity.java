package org.chengxin.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.core.warehouse.Warehouse;

/**
 * Which pseudonymisation key a warehouse's device, IP and address keys were written with. Each
 * ingest records its key's fingerprint ({@link Pseudonymiser#fingerprint}) in its run-summary entry;
 * a night under another key would write keys that match nothing of the earlier nights, silently
 * breaking every linkage across them, so {@link #require} refuses it unless the operator says the
 * change is meant (a key rotation, after which earlier nights link only among themselves).
 */
public final class KeyContinuity {
  /** The run-summary field of a job's entry that holds the fingerprint. */
  public static final String SUMMARY_FIELD = "pseudonym_key_fingerprint";

  private KeyContinuity() {}

  /** A fingerprint recorded in the warehouse, and the day whose summary holds it. */
  public record Recorded(LocalDate day, String fingerprint) {}

  /**
   * The fingerprint {@code job} recorded on the latest day outside {@code from..to} (the days a run
   * rewrites) on which it ran; empty when it never ran there, or when that run predates the
   * fingerprints (nothing to compare with).
   */
  public static Optional<Recorded> latestOutside(Warehouse warehouse, String job, LocalDate from, LocalDate to) {
    RunSummaries summaries = new RunSummaries(warehouse);
    for (LocalDate day : summaryDaysNewestFirst(warehouse)) {
      if (!day.isBefore(from) && !day.isAfter(to)) {
        continue;
      }
      JsonNode entry = summaries.read(day).path("jobs").path(job);
      if (entry.isObject()) {
        JsonNode fingerprint = entry.path(SUMMARY_FIELD);
        return fingerprint.isTextual() ? Optional.of(new Recorded(day, fingerprint.asText())) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Refuses a run of {@code job} over {@code from..to} whose key differs from the one of the
   * warehouse's latest other day, unless {@code acceptNewKey}.
   *
   * @throws IllegalStateException naming both fingerprints, the day, and how to accept the change
   */
  public static void require(Warehouse warehouse, String job, LocalDate from, LocalDate to, String fingerprint,
      boolean acceptNewKey) {
    Optional<Recorded> recorded = latestOutside(warehouse, job, from, to);
    if (recorded.isPresent() && !recorded.get().fingerprint().equals(fingerprint) && !acceptNewKey) {
      throw new IllegalStateException("the pseudonymisation key (fingerprint " + fingerprint + ") is not the one "
          + job + " used on " + recorded.get().day() + " (fingerprint " + recorded.get().fingerprint()
          + "): device, IP and address keys would no longer link to earlier days. Give the same key, or pass "
          + "--accept-new-pseudonym-key if the key was rotated on purpose");
    }
  }

  private static List<LocalDate> summaryDaysNewestFirst(Warehouse warehouse) {
    List<LocalDate> days = new ArrayList<>();
    for (String name : warehouse.fileSystem().list(warehouse.runSummaryDirectory())) {
      if (name.endsWith(".json")) {
        try {
          days.add(LocalDate.parse(name.substring(0, name.length() - ".json".length())));
        } catch (DateTimeParseException notADay) {
          // Not a day's summary: not ours to read.
        }
      }
    }
    days.sort(Collections.reverseOrder());
    return days;
  }
}
