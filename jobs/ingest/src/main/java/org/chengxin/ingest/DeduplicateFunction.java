package org.chengxin.ingest;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps one delivery per (kind, event id), keyed by {@link #key}. The first delivery is held
 * until a processing-time timer: in a bounded (BATCH) run timers fire when the key's input ends,
 * so the kept delivery is the first in input order (file, line) whatever the parallelism, and a
 * re-run keeps the same one; in a continuous run the timer fires at once and the first to arrive
 * wins. Later deliveries are counted as duplicates and dropped (not dead-lettered: they are valid).
 * In continuous mode the "seen" mark expires after the retention, bounding state.
 */
public final class DeduplicateFunction extends KeyedProcessFunction<String, ValidEvent, ValidEvent> {
  private static final long serialVersionUID = 1L;

  private final Duration retention;
  private transient ValueState<ValidEvent> held;
  private transient ValueState<Boolean> emitted;
  private transient KindCounters duplicates;

  /** @param retention how long an emitted id is remembered; null keeps it for the whole (bounded) run */
  public DeduplicateFunction(Duration retention) {
    this.retention = retention;
  }

  /** The deduplication key of an event. */
  public static String key(ValidEvent event) {
    return event.kind.wireName() + ':' + event.eventId;
  }

  @Override
  public void open(OpenContext openContext) {
    held = getRuntimeContext().getState(new ValueStateDescriptor<>("held", ValidEvent.class));
    ValueStateDescriptor<Boolean> emittedDescriptor = new ValueStateDescriptor<>("emitted", Types.BOOLEAN);
    if (retention != null) {
      emittedDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
    }
    emitted = getRuntimeContext().getState(emittedDescriptor);
    duplicates = new KindCounters(getRuntimeContext(), IngestCounts.DUPLICATES);
  }

  @Override
  public void processElement(ValidEvent event, Context ctx, Collector<ValidEvent> out) throws Exception {
    if (emitted.value() != null) {
      duplicates.add(event.kind);
      return;
    }
    ValidEvent first = held.value();
    if (first == null) {
      held.update(event);
      ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime());
      return;
    }
    duplicates.add(event.kind);
    if (event.readBefore(first)) {
      held.update(event);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ValidEvent> out) throws Exception {
    ValidEvent first = held.value();
    if (first != null) {
      out.collect(first);
      held.clear();
      emitted.update(true);
    }
  }
}
