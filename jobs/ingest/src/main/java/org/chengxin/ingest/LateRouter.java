package org.chengxin.ingest;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.validation.Redactor;

/**
 * Sends late events (per {@link LatePolicy}) to the {@link #LATE} side output with their redacted
 * raw line, counted; on-time events go on without their raw bytes, except rating revisions, which
 * keep theirs for a dead letter should the revision look-up reject them.
 */
public final class LateRouter extends ProcessFunction<ValidEvent, ValidEvent> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<GenericRecord> LATE = new OutputTag<>("late_events", Records.typeOf(Records.LATE_EVENTS));

  private final LatePolicy policy;
  private final Pseudonymiser pseudonymiser;
  private transient Redactor redactor;
  private transient KindCounters late;

  public LateRouter(LatePolicy policy, Pseudonymiser pseudonymiser) {
    this.policy = policy;
    this.pseudonymiser = pseudonymiser;
  }

  @Override
  public void open(OpenContext openContext) {
    redactor = new Redactor(pseudonymiser);
    late = new KindCounters(getRuntimeContext(), IngestCounts.LATE);
  }

  @Override
  public void processElement(ValidEvent event, Context ctx, Collector<ValidEvent> out) {
    long watermark = ctx.timerService().currentWatermark();
    String reason = policy.reason(event.eventTime, watermark);
    if (reason == null) {
      if (event.kind != EventKind.RATING_REVISION) {
        event.raw = null;
      }
      out.collect(event);
      return;
    }
    late.add(event.kind);
    GenericData.Record record = new GenericData.Record(Records.LATE_EVENTS);
    record.put("kind", event.kind.wireName());
    record.put("event_id", event.eventId);
    record.put("reason", reason);
    record.put("event_time", event.eventTime);
    record.put("event_day", (int) LatePolicy.dayOf(event.eventTime));
    record.put("lateness_ms", policy.latenessMs(event.eventTime, watermark));
    record.put("raw_line", redactor.redact(event.raw, 0, event.raw.length));
    record.put("source_file", event.sourceFile);
    record.put("source_line", event.sourceLine);
    ctx.output(LATE, record);
  }
}
