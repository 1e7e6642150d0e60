package org.chengxin.ingest;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sets trade_known on ratings and complaints, keyed by {@link #partitionKey} of the trade id (trade
 * ids that share a key are told apart in the state). Input 1: ratings and complaints;
 * input 2: ids of known trades (accepted by this run, or found in earlier ds partitions of
 * {@code trades} within the look-back). An event waits on a processing-time timer before its
 * trade is looked up: in a bounded (BATCH) run that timer fires after all of the key's input, so
 * the answer does not depend on order; in a continuous run it waits {@code wait} for a trade that
 * arrives shortly after (events of trade ids that share a key share one timer, so in a
 * continuous run such an event may be looked up before its full wait: a 64-bit collision, rare).
 * Unknown trades are flagged and counted, never dropped.
 */
public final class TradeLookupFunction extends KeyedCoProcessFunction<Long, ValidEvent, String, ValidEvent> {
  private static final long serialVersionUID = 1L;

  private final Duration wait;
  private final Duration retention;
  /** Trade ids under this key that are known. */
  private transient MapState<String, Boolean> known;
  private transient ListState<ValidEvent> waiting;
  private transient KindCounters unknownTrade;

  /**
   * @param wait how long a continuous run waits for the trade (ignored by bounded runs)
   * @param retention how long a continuous run remembers a trade id; null for the whole run
   */
  public TradeLookupFunction(Duration wait, Duration retention) {
    this.wait = wait;
    this.retention = retention;
  }

  /** The key both inputs are partitioned and sorted on. */
  public static long partitionKey(String tradeId) {
    return ShuffleKeys.of(tradeId);
  }

  @Override
  public void open(OpenContext openContext) {
    MapStateDescriptor<String, Boolean> knownDescriptor = new MapStateDescriptor<>("trade-known", Types.STRING, Types.BOOLEAN);
    if (retention != null) {
      knownDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
    }
    known = getRuntimeContext().getMapState(knownDescriptor);
    waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", ValidEvent.class));
    unknownTrade = new KindCounters(getRuntimeContext(), IngestCounts.UNKNOWN_TRADE);
  }

  @Override
  public void processElement1(ValidEvent event, Context ctx, Collector<ValidEvent> out) throws Exception {
    hold(event, waiting, ctx.timerService(), wait);
  }

  /**
   * Puts an event among its key's waiting ones; the first to wait sets the key's one timer,
   * {@code wait} ahead in processing time (at the end of a BATCH run's key input).
   */
  static void hold(ValidEvent event, ListState<ValidEvent> waiting, TimerService timers, Duration wait) throws Exception {
    if (!waiting.get().iterator().hasNext()) {
      timers.registerProcessingTimeTimer(timers.currentProcessingTime() + wait.toMillis());
    }
    waiting.add(event);
  }

  @Override
  public void processElement2(String tradeId, Context ctx, Collector<ValidEvent> out) throws Exception {
    known.put(tradeId, true);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ValidEvent> out) throws Exception {
    for (ValidEvent event : waiting.get()) {
      event.tradeKnown = known.contains(event.tradeId);
      if (!event.tradeKnown) {
        unknownTrade.add(event.kind);
      }
      out.collect(event);
    }
    waiting.clear();
  }
}
