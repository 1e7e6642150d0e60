package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.chengxin.core.event.EventKind;
import org.junit.jupiter.api.Test;

/**
 * The keyed functions partition on a 64-bit hash of the id, so different ids can share a key.
 * Here every event shares one key (the worst case) and each id must still be handled on its own.
 */
class SharedShuffleKeyTest {

  private static ValidEvent event(EventKind kind, String id, String tradeId, long line) {
    ValidEvent e = new ValidEvent();
    e.kind = kind;
    e.eventId = id;
    e.tradeId = tradeId;
    e.eventTime = 1_700_000_000_000L + line;
    e.sourceFile = "file:/in/events.jsonl";
    e.sourceLine = line;
    e.row = new byte[0];
    return e;
  }

  private static StreamExecutionEnvironment batch() {
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    conf.set(PipelineOptions.OBJECT_REUSE, true); // as IngestJob runs
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(1);
    return env;
  }

  private static List<ValidEvent> collect(DataStream<ValidEvent> stream) throws Exception {
    List<ValidEvent> out = new ArrayList<>();
    try (CloseableIterator<ValidEvent> it = stream.executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void deduplicatesAndLooksUpTradesPerIdUnderOneSharedKey() throws Exception {
    assertNotEquals(ShuffleKeys.of("trade:t1"), ShuffleKeys.of("trade:t2"));
    StreamExecutionEnvironment env = batch();
    DataStream<ValidEvent> unique = env
        .fromData(List.of(
            event(EventKind.TRADE, "t2", "t2", 5),
            event(EventKind.TRADE, "t1", "t1", 3),
            event(EventKind.TRADE, "t1", "t1", 1),
            event(EventKind.RATING, "t1", "t1", 4),
            event(EventKind.RATING, "r9", "t9", 6),
            event(EventKind.RATING, "t1", "t1", 7)))
        .keyBy(e -> 0L, Types.LONG)
        .process(new DeduplicateFunction(null));
    DataStream<ValidEvent> resolved = unique
        .filter(e -> e.kind == EventKind.RATING)
        .keyBy(e -> 0L, Types.LONG)
        .connect(unique.filter(e -> e.kind == EventKind.TRADE).map(e -> e.tradeId).returns(Types.STRING)
            .keyBy(id -> 0L, Types.LONG))
        .process(new TradeLookupFunction(Duration.ZERO, null));

    Map<String, ValidEvent> ratings = collect(resolved).stream()
        .collect(Collectors.toMap(e -> e.eventId, e -> e));
    assertEquals(2, ratings.size(), "one rating t1 (a rating id equal to a trade id is another event), one r9");
    assertEquals(4, ratings.get("t1").sourceLine, "the first delivery in input order is kept");
    assertEquals(true, ratings.get("t1").tradeKnown);
    assertEquals(false, ratings.get("r9").tradeKnown, "t9 shares the key with t1 and t2 but is unknown");

    Map<String, Long> trades = collect(batch()
        .fromData(List.of(event(EventKind.TRADE, "t2", "t2", 5), event(EventKind.TRADE, "t1", "t1", 3),
            event(EventKind.TRADE, "t1", "t1", 1)))
        .keyBy(e -> 0L, Types.LONG)
        .process(new DeduplicateFunction(null))).stream()
        .collect(Collectors.toMap(e -> e.eventId, e -> e.sourceLine));
    assertEquals(Map.of("t1", 1L, "t2", 5L), trades);
  }
}
