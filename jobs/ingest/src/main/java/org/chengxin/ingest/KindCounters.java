package org.chengxin.ingest;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.chengxin.core.event.EventKind;

/** One metric's accumulators, one per kind bucket, looked up without building names per record. */
final class KindCounters {
  private final LongCounter[] counters = new LongCounter[EventKind.values().length + 1];

  KindCounters(RuntimeContext context, String metric) {
    for (EventKind kind : EventKind.values()) {
      counters[kind.ordinal()] = context.getLongCounter(IngestCounts.name(kind.wireName(), metric));
    }
    counters[counters.length - 1] = context.getLongCounter(IngestCounts.name(IngestCounts.UNREADABLE, metric));
  }

  /** Counts one for a kind; null counts as {@link IngestCounts#UNREADABLE}. */
  void add(EventKind kind) {
    counters[kind == null ? counters.length - 1 : kind.ordinal()].add(1);
  }
}
