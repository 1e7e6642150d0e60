package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One reviewer's decision on one case: who, what, when and why. Never changed once written. */
public record Decision(
    @JsonProperty("decision_id") long decisionId,
    @JsonProperty("case_id") long caseId,
    @JsonProperty("seller_id") String sellerId,
    @JsonProperty("reviewer") String reviewer,
    @JsonProperty("outcome") Outcome outcome,
    @JsonProperty("note") String note,
    @JsonProperty("decided_at") Instant decidedAt) implements Verdict {}
