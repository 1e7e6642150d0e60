package org.chengxin.ingest;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps one delivery per (kind, event id), keyed by {@link #partitionKey} (a hash of {@link #id}:
 * ids that share a key are told apart in the state). The first delivery is held until a
 * processing-time timer: in a bounded (BATCH) run timers fire when the key's input ends, so the
 * kept delivery is the first in input order (file, line) whatever the parallelism, and a re-run
 * keeps the same one; in a continuous run the timer fires at once and the first to arrive wins.
 * Later deliveries are counted as duplicates and dropped (not dead-lettered: they are valid). In
 * continuous mode the "seen" mark expires after the retention, bounding state.
 */
public final class DeduplicateFunction extends KeyedProcessFunction<Long, ValidEvent, ValidEvent> {
  private static final long serialVersionUID = 1L;

  private final Duration retention;
  /** Per event id: the delivery kept so far, until the timer emits it. */
  private transient MapState<String, ValidEvent> held;
  /** Per event id: already emitted. */
  private transient MapState<String, Boolean> emitted;
  private transient KindCounters duplicates;

  /** @param retention how long an emitted id is remembered; null keeps it for the whole (bounded) run */
  public DeduplicateFunction(Duration retention) {
    this.retention = retention;
  }

  /** The identity deliveries are deduplicated on: kind and event id. */
  public static String id(ValidEvent event) {
    return id(event.kind.wireName(), event.eventId);
  }

  /** An event's identity across kinds (ids are unique per kind only): the kind's wire name, a colon, the id. */
  public static String id(String wireKind, String eventId) {
    return wireKind + ':' + eventId;
  }

  /** The key the stream is partitioned and sorted on. */
  public static long partitionKey(ValidEvent event) {
    return ShuffleKeys.of(id(event));
  }

  @Override
  public void open(OpenContext openContext) {
    held = getRuntimeContext().getMapState(new MapStateDescriptor<>("held", Types.STRING, Types.POJO(ValidEvent.class)));
    MapStateDescriptor<String, Boolean> emittedDescriptor = new MapStateDescriptor<>("emitted", Types.STRING, Types.BOOLEAN);
    if (retention != null) {
      emittedDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
    }
    emitted = getRuntimeContext().getMapState(emittedDescriptor);
    duplicates = new KindCounters(getRuntimeContext(), IngestCounts.DUPLICATES);
  }

  @Override
  public void processElement(ValidEvent event, Context ctx, Collector<ValidEvent> out) throws Exception {
    String id = id(event);
    if (emitted.contains(id)) {
      duplicates.add(event.kind);
      return;
    }
    ValidEvent first = held.get(id);
    if (first == null) {
      held.put(id, event);
      ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime());
      return;
    }
    duplicates.add(event.kind);
    if (event.readBefore(first)) {
      held.put(id, event);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ValidEvent> out) throws Exception {
    for (Map.Entry<String, ValidEvent> first : held.entries()) {
      out.collect(first.getValue());
      emitted.put(first.getKey(), true);
    }
    held.clear();
  }
}
