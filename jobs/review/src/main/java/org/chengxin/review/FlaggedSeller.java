package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One seller the nightly run flags, as handed to {@link CaseStore#sync}: how urgent (priority =
 * risk times exposure), why in plain words, the evidence pointers, the recommended action, the
 * first and last day it was flagged, and a fingerprint of the evidence that tells a reviewer-cleared
 * seller's old evidence from new evidence. {@link Evidence#fingerprint()} is a ready fingerprint
 * when the ids say everything. {@code category}: the category of most of the seller's trades in the
 * window, null when not known (a queue written before it was carried).
 */
public record FlaggedSeller(
    @JsonProperty("seller_id") String sellerId,
    @JsonProperty("priority") double priority,
    @JsonProperty("reasons") List<String> reasons,
    @JsonProperty("evidence") Evidence evidence,
    @JsonProperty("recommended_action") RecommendedAction recommendedAction,
    @JsonProperty("first_flagged") LocalDate firstFlagged,
    @JsonProperty("last_flagged") LocalDate lastFlagged,
    @JsonProperty("evidence_fingerprint") String evidenceFingerprint,
    @JsonProperty("category") String category) {

  /** A flag whose seller's category is not known. */
  public FlaggedSeller(String sellerId, double priority, List<String> reasons, Evidence evidence, RecommendedAction recommendedAction,
      LocalDate firstFlagged, LocalDate lastFlagged, String evidenceFingerprint) {
    this(sellerId, priority, reasons, evidence, recommendedAction, firstFlagged, lastFlagged, evidenceFingerprint, null);
  }

  public FlaggedSeller {
    if (sellerId == null || sellerId.isBlank()) {
      throw new IllegalArgumentException("seller_id is required");
    }
    if (!(priority >= 0) || Double.isInfinite(priority)) {
      throw new IllegalArgumentException("priority must be a finite number >= 0, got " + priority);
    }
    if (reasons == null || reasons.isEmpty() || reasons.stream().anyMatch(r -> r == null || r.isBlank())) {
      throw new IllegalArgumentException("a flagged seller needs at least one reason in plain words");
    }
    reasons = List.copyOf(reasons);
    evidence = evidence == null ? Evidence.NONE : evidence;
    Objects.requireNonNull(recommendedAction, "recommended_action is required");
    Objects.requireNonNull(firstFlagged, "first_flagged is required");
    Objects.requireNonNull(lastFlagged, "last_flagged is required");
    if (lastFlagged.isBefore(firstFlagged)) {
      throw new IllegalArgumentException("last_flagged " + lastFlagged + " is before first_flagged " + firstFlagged);
    }
    if (evidenceFingerprint == null || evidenceFingerprint.isBlank()) {
      throw new IllegalArgumentException("evidence_fingerprint is required (Evidence.fingerprint() gives one)");
    }
  }
}
