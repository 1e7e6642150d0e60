package org.chengxin.ingest;

import static org.chengxin.ingest.Deliveries.counted;
import static org.chengxin.ingest.Deliveries.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.chengxin.core.event.EventKind;
import org.junit.jupiter.api.Test;

/** {@link DeduplicateFunction} in Flink's operator harness: time moves only when the test moves it. */
class DeduplicateFunctionTest {
  private static final Duration RETENTION = Duration.ofHours(1);

  @Test
  void keepsTheDeliveryReadFirstAndCountsTheOthers() throws Exception {
    try (var harness = deduplicate(null)) {
      harness.processElement(trade("t1", "b.jsonl", 5), 0);
      harness.processElement(trade("t1", "a.jsonl", 9), 0);
      harness.processElement(trade("t2", "b.jsonl", 6), 0);
      assertEquals(List.of(), harness.extractOutputValues(), "held until the timer fires");

      harness.setProcessingTime(1);
      assertEquals(List.of("t1 a.jsonl:9", "t2 b.jsonl:6"), delivered(harness));
      harness.processElement(trade("t1", "c.jsonl", 1), 0);
      harness.setProcessingTime(2);
      assertEquals(2, harness.extractOutputValues().size(), "a delivery after the kept one is dropped");
      assertEquals(2, counted(harness, EventKind.TRADE, IngestCounts.DUPLICATES));
      assertEquals(0, harness.numProcessingTimeTimers());
      // A bounded run keeps each emitted id's mark with no expiry: BATCH execution holds keyed
      // state only while its key's sorted input lasts, so the marks end with the key.
      assertEquals(2, harness.numKeyedStateEntries(), "one mark per trade key, nothing held");
    }
  }

  @Test
  void idsSharingAKeyAreToldApart() throws Exception {
    // Every id on one key: what a 64-bit collision of partition keys would do.
    try (var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new DeduplicateFunction(null), event -> 0L, Types.LONG)) {
      harness.processElement(trade("t1", "a.jsonl", 1), 0);
      harness.processElement(trade("t2", "a.jsonl", 2), 0);
      harness.processElement(trade("t1", "a.jsonl", 3), 0);
      harness.setProcessingTime(1);
      assertEquals(List.of("t1 a.jsonl:1", "t2 a.jsonl:2"), delivered(harness).stream().sorted().toList());
      assertEquals(1, counted(harness, EventKind.TRADE, IngestCounts.DUPLICATES));
      assertEquals(0, harness.numProcessingTimeTimers());
    }
  }

  @Test
  void aContinuousRunForgetsAnIdAfterTheRetention() throws Exception {
    try (var harness = deduplicate(RETENTION)) {
      harness.processElement(trade("t1", "a.jsonl", 1), 0);
      harness.setProcessingTime(1);
      harness.processElement(trade("t1", "b.jsonl", 1), 0);
      harness.setProcessingTime(2);
      assertEquals(List.of("t1 a.jsonl:1"), delivered(harness), "a redelivery within the retention is a duplicate");
      assertEquals(1, harness.numKeyedStateEntries(), "only the mark of t1");

      // The marks' time to live runs on the TTL clock, which the harness moves apart from timers.
      harness.setStateTtlProcessingTime(RETENTION.toMillis() + 1);
      for (int i = 2; i <= 11; i++) {
        harness.processElement(trade("t" + i, "a.jsonl", i), 0);
      }
      harness.setProcessingTime(3);
      // Flink's default TTL cleanup checks a few entries on every state access: the expired mark
      // of t1 is swept as other trades pass, so a continuous run's state is bounded by the retention.
      assertEquals(10, harness.numKeyedStateEntries(), "the marks of t2..t11, not t1's");
      harness.processElement(trade("t1", "c.jsonl", 1), 0);
      harness.setProcessingTime(4);
      assertEquals("t1 c.jsonl:1", delivered(harness).get(11), "t1 is forgotten: its redelivery is kept");
      assertEquals(1, counted(harness, EventKind.TRADE, IngestCounts.DUPLICATES));
      assertEquals(0, harness.numProcessingTimeTimers());
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<Long, ValidEvent, ValidEvent> deduplicate(Duration retention)
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new DeduplicateFunction(retention), DeduplicateFunction::partitionKey, Types.LONG);
  }

  /** Each emitted trade as "id file:line", in emission order. */
  private static List<String> delivered(KeyedOneInputStreamOperatorTestHarness<Long, ValidEvent, ValidEvent> harness) {
    return harness.extractOutputValues().stream().map(e -> e.eventId + " " + e.sourceFile + ":" + e.sourceLine).toList();
  }
}
