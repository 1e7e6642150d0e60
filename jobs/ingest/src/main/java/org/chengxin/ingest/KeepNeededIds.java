package org.chengxin.ingest;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes on the known ids that some event may refer to (the broadcast {@link NeededIds}; a
 * BATCH run reads the broadcast side before the ids): the known trade ids that ratings and
 * complaints ask about, and the {@link RatingFact}s of the ratings that revisions ask about.
 * Without a filter everything passes, so nothing a look-up needs is ever dropped.
 *
 * @param <T> a known id, or what is known under it
 */
final class KeepNeededIds<T> extends BroadcastProcessFunction<T, NeededIds, T> {
  private static final long serialVersionUID = 1L;
  /**
   * What {@code broadcast()} asks for. The filter is not kept in it: a bounded run has no
   * checkpoint to restore it from, and every subtask receives the one filter itself.
   */
  static final MapStateDescriptor<Integer, NeededIds> FILTER =
      new MapStateDescriptor<>("needed-ids", Types.INT, TypeInformation.of(NeededIds.class));

  private final KeySelector<T, String> id;
  private transient NeededIds filter;

  /** @param id the id a known element is looked up by */
  KeepNeededIds(KeySelector<T, String> id) {
    this.id = id;
  }

  /** Known trade ids. */
  static KeepNeededIds<String> tradeIds() {
    return new KeepNeededIds<>(tradeId -> tradeId);
  }

  /** Known ratings, and ratings revised earlier, by rating id. */
  static KeepNeededIds<RatingFact> ratings() {
    return new KeepNeededIds<>(fact -> fact.ratingId);
  }

  @Override
  public void processBroadcastElement(NeededIds needed, Context ctx, Collector<T> out) {
    filter = needed;
  }

  @Override
  public void processElement(T known, ReadOnlyContext ctx, Collector<T> out) throws Exception {
    if (filter == null || filter.mayContain(ShuffleKeys.of(id.getKey(known)))) {
      out.collect(known);
    }
  }
}
