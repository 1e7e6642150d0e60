package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as stored: the flag's content plus where it is in the workflow and who holds it;
 * {@code category} is the seller's main category as the last sync knew it (null: not known).
 */
public record ReviewCase(
    @JsonProperty("case_id") long caseId,
    @JsonProperty("seller_id") String sellerId,
    @JsonProperty("status") CaseStatus status,
    @JsonProperty("priority") double priority,
    @JsonProperty("reasons") List<String> reasons,
    @JsonProperty("evidence") Evidence evidence,
    @JsonProperty("evidence_fingerprint") String evidenceFingerprint,
    @JsonProperty("recommended_action") RecommendedAction recommendedAction,
    @JsonProperty("first_flagged") LocalDate firstFlagged,
    @JsonProperty("last_flagged") LocalDate lastFlagged,
    @JsonProperty("assigned_reviewer") String assignedReviewer,
    @JsonProperty("taken_at") Instant takenAt,
    @JsonProperty("category") String category) {

  public ReviewCase {
    reasons = List.copyOf(reasons);
  }
}
