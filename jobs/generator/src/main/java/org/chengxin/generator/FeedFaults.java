package org.chengxin.generator;

/**
 * Rates of feed faults, per valid event line written, so ingest's dead-letter and dedupe paths run
 * on every generated feed.
 *
 * @param malformedRate a malformed line (of an assorted {@link FaultKind}) follows the event
 * @param duplicateRate the event line is re-delivered again later in the same day file
 * @param lateRate the event line is re-delivered 1 to 3 days later, in that later day's file
 */
record FeedFaults(double malformedRate, double duplicateRate, double lateRate) {}
