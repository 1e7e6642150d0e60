package org.chengxin.ingest;

import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.chengxin.core.event.EventKind;

/** Validated events as the keyed functions receive them, and the counters those functions keep, for operator harness tests. */
final class Deliveries {
  private Deliveries() {}

  static ValidEvent trade(String tradeId, String sourceFile, long sourceLine) {
    return event(EventKind.TRADE, tradeId, tradeId, sourceFile, sourceLine);
  }

  static ValidEvent rating(String ratingId, String tradeId) {
    return event(EventKind.RATING, ratingId, tradeId, "ratings.jsonl", 1);
  }

  static ValidEvent complaint(String complaintId, String tradeId) {
    return event(EventKind.COMPLAINT, complaintId, tradeId, "complaints.jsonl", 1);
  }

  private static ValidEvent event(EventKind kind, String eventId, String tradeId, String sourceFile, long sourceLine) {
    ValidEvent event = new ValidEvent();
    event.kind = kind;
    event.eventId = eventId;
    event.tradeId = tradeId;
    event.eventTime = 1_793_000_000_000L;
    event.sourceFile = sourceFile;
    event.sourceLine = sourceLine;
    event.row = new byte[0];
    return event;
  }

  /** The operator's count of one metric for one kind, as the job's summary would read it. */
  static long counted(AbstractStreamOperatorTestHarness<?> harness, EventKind kind, String metric) {
    return harness.getOperator().getRuntimeContext().getLongCounter(IngestCounts.name(kind.wireName(), metric)).getLocalValue();
  }
}
