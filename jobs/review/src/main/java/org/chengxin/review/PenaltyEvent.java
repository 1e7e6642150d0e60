package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One thing that happened to a penalty: what, who recorded it, why, and when. An appeal's decision
 * names the filing it answers ({@code appealEventId}, null on every other kind). Never changed
 * once written.
 */
public record PenaltyEvent(
    @JsonProperty("event_id") long eventId,
    @JsonProperty("penalty_id") long penaltyId,
    @JsonProperty("kind") PenaltyEventKind kind,
    @JsonProperty("reviewer") String reviewer,
    @JsonProperty("note") String note,
    @JsonProperty("appeal_event_id") Long appealEventId,
    @JsonProperty("happened_at") Instant happenedAt) {}
