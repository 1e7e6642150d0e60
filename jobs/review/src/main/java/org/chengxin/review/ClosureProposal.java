package org.chengxin.review;

import java.time.Instant;

/** A seven-day closure the case's reviewer proposed, waiting for a different reviewer's confirmation. */
public record ClosureProposal(long caseId, String proposedBy, String note, Instant proposedAt) implements Verdict {}
