package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A penalty a confirmed case imposed on a seller, from {@code startsOn} to the exclusive
 * {@code endsOn} (null while it has no set end), traceable to its case and so to its decision.
 */
public record Penalty(
    @JsonProperty("penalty_id") long penaltyId,
    @JsonProperty("seller_id") String sellerId,
    @JsonProperty("case_id") long caseId,
    @JsonProperty("action") RecommendedAction action,
    @JsonProperty("starts_on") LocalDate startsOn,
    @JsonProperty("ends_on") LocalDate endsOn) {}
