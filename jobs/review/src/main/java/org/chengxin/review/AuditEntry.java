package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One row of the append-only audit log: who (null for an unknown login name) did what, to which case, from where, when. */
public record AuditEntry(
    @JsonProperty("audit_id") long auditId,
    @JsonProperty("actor") String actor,
    @JsonProperty("action") AuditAction action,
    @JsonProperty("case_id") Long caseId,
    @JsonProperty("detail") String detail,
    @JsonProperty("channel") Channel channel,
    @JsonProperty("happened_at") Instant happenedAt) {}
