package org.chengxin.review;

/**
 * What a reviewer's decision on a case did: recorded as a {@link Decision}, or, for a confirmed
 * seven-day closure, a {@link ClosureProposal} waiting for a second reviewer.
 */
public sealed interface Verdict permits Decision, ClosureProposal {
  long caseId();
}
