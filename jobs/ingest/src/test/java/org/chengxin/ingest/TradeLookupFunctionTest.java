package org.chengxin.ingest;

import static org.chengxin.ingest.Deliveries.complaint;
import static org.chengxin.ingest.Deliveries.counted;
import static org.chengxin.ingest.Deliveries.rating;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.chengxin.core.event.EventKind;
import org.junit.jupiter.api.Test;

/** {@link TradeLookupFunction} in Flink's operator harness: the wait runs on the harness's processing time. */
class TradeLookupFunctionTest {
  private static final Duration WAIT = Duration.ofSeconds(1);
  private static final Duration RETENTION = Duration.ofHours(1);

  @Test
  void aRatingWaitsForItsTradeAndAComplaintWithoutOneIsFlagged() throws Exception {
    try (var harness = lookUp(null, TradeLookupFunction::partitionKey)) {
      harness.processElement1(rating("r1", "t1"), 0);
      harness.processElement1(rating("r2", "t1"), 0);
      harness.processElement1(complaint("c1", "t2"), 0);
      assertEquals(2, harness.numProcessingTimeTimers(), "one timer per trade key, not per event");
      harness.setProcessingTime(WAIT.toMillis() / 2);
      harness.processElement2("t1", 0);
      harness.setProcessingTime(WAIT.toMillis() - 1);
      assertEquals(List.of(), harness.extractOutputValues(), "nothing leaves before the wait");

      harness.setProcessingTime(WAIT.toMillis());
      assertEquals(List.of("c1 unknown", "r1 known", "r2 known"), resolved(harness));
      assertEquals(1, counted(harness, EventKind.COMPLAINT, IngestCounts.UNKNOWN_TRADE));
      assertEquals(0, counted(harness, EventKind.RATING, IngestCounts.UNKNOWN_TRADE));
      assertEquals(0, harness.numProcessingTimeTimers());
      // A bounded run remembers a known trade for the whole run: BATCH execution drops a key's
      // state when the key's sorted input ends. Nothing waits any more.
      assertEquals(1, harness.numKeyedStateEntries(), "only the known trade t1");
    }
  }

  @Test
  void tradesSharingAKeyShareOneTimerAndAreToldApart() throws Exception {
    // Every trade on one key: what a 64-bit collision of partition keys would do.
    try (var harness = lookUp(null, tradeId -> 0L)) {
      harness.processElement1(rating("r1", "t1"), 0);
      harness.processElement1(rating("r2", "t2"), 0);
      harness.processElement2("t2", 0);
      assertEquals(1, harness.numProcessingTimeTimers());
      harness.setProcessingTime(WAIT.toMillis());
      assertEquals(List.of("r1 unknown", "r2 known"), resolved(harness));
      assertEquals(0, harness.numProcessingTimeTimers());
    }
  }

  @Test
  void aContinuousRunForgetsATradeAfterTheRetentionAndKeepsNothing() throws Exception {
    try (var harness = lookUp(RETENTION, TradeLookupFunction::partitionKey)) {
      harness.processElement2("t1", 0);
      harness.processElement1(rating("r1", "t1"), 0);
      harness.setProcessingTime(WAIT.toMillis());

      // The trade's time to live runs on the TTL clock, which the harness moves apart from timers.
      harness.setStateTtlProcessingTime(RETENTION.toMillis() + 1);
      harness.processElement1(complaint("c1", "t1"), 0);
      harness.setProcessingTime(2 * WAIT.toMillis());
      assertEquals(List.of("c1 unknown", "r1 known"), resolved(harness));
      assertEquals(0, harness.numProcessingTimeTimers());
      assertEquals(0, harness.numKeyedStateEntries(), "the expired trade is dropped when read, the complaint sent on");
    }
  }

  private static KeyedTwoInputStreamOperatorTestHarness<Long, ValidEvent, String, ValidEvent> lookUp(
      Duration retention, KeySelector<String, Long> tradeKey) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new TradeLookupFunction(WAIT, retention),
        event -> tradeKey.getKey(event.tradeId), tradeKey, Types.LONG);
  }

  /** Each event sent on as "id known|unknown", sorted by id. */
  private static List<String> resolved(KeyedTwoInputStreamOperatorTestHarness<Long, ValidEvent, String, ValidEvent> harness) {
    return harness.extractOutputValues().stream()
        .map(e -> e.eventId + (e.tradeKnown ? " known" : " unknown")).sorted().toList();
  }
}
