package org.chengxin.ingest;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes on the known trade ids that some rating or complaint may refer to (the broadcast
 * {@link NeededTradeIds}; a BATCH run reads the broadcast side before the ids). Without a filter
 * every id passes, so nothing the look-up needs is ever dropped.
 */
final class KeepNeededTradeIds extends BroadcastProcessFunction<String, NeededTradeIds, String> {
  private static final long serialVersionUID = 1L;
  /**
   * What {@code broadcast()} asks for. The filter is not kept in it: a bounded run has no
   * checkpoint to restore it from, and every subtask receives the one filter itself.
   */
  static final MapStateDescriptor<Integer, NeededTradeIds> FILTER =
      new MapStateDescriptor<>("needed-trade-ids", Types.INT, TypeInformation.of(NeededTradeIds.class));

  private transient NeededTradeIds filter;

  @Override
  public void processBroadcastElement(NeededTradeIds needed, Context ctx, Collector<String> out) {
    filter = needed;
  }

  @Override
  public void processElement(String tradeId, ReadOnlyContext ctx, Collector<String> out) {
    if (filter == null || filter.mayContain(ShuffleKeys.of(tradeId))) {
      out.collect(tradeId);
    }
  }
}
