package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A penalty a confirmed case imposed on a seller, from {@code startsOn} to the exclusive
 * {@code endsOn} of its term (null while it has no set end), traceable to its case and so to its
 * decision. Never changed once written: what ended it earlier is a {@link PenaltyEvent}, and
 * {@link PenaltyStatus} has the end that holds.
 */
public record Penalty(
    @JsonProperty("penalty_id") long penaltyId,
    @JsonProperty("seller_id") String sellerId,
    @JsonProperty("case_id") long caseId,
    @JsonProperty("action") RecommendedAction action,
    @JsonProperty("starts_on") LocalDate startsOn,
    @JsonProperty("ends_on") LocalDate endsOn) {}
