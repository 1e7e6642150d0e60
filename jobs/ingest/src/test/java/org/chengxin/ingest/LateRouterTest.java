package org.chengxin.ingest;

import static org.chengxin.ingest.Deliveries.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.privacy.Pseudonymiser;
import org.junit.jupiter.api.Test;

/**
 * {@link LateRouter} in Flink's operator harness, watermarks set by the test. The router runs
 * before the keyBy and keeps no state or timers: what it must get right is the routing.
 */
class LateRouterTest {
  private static final Pseudonymiser KEYS = new Pseudonymiser("late-router-test-key".getBytes(StandardCharsets.UTF_8));
  private static final LocalDate DAY = LocalDate.parse("2026-11-02");

  @Test
  void aBoundedRunSendsOtherDaysToLateEventsRedacted() throws Exception {
    try (var harness = route(LatePolicy.forDays(DAY, DAY))) {
      ValidEvent today = trade("t1", "2026-11-02T09:00:00Z");
      ValidEvent yesterday = trade("t2", "2026-11-01T23:00:00Z");
      harness.processElement(today, 0);
      harness.processElement(yesterday, 0);

      assertEquals(List.of("t1"), harness.extractOutputValues().stream().map(e -> e.eventId).toList());
      assertNull(harness.extractOutputValues().get(0).raw, "on-time events go on without their raw bytes");
      GenericRecord late = onlyLate(harness);
      assertEquals(LatePolicy.OTHER_DAY, late.get("reason").toString());
      assertEquals("t2", late.get("event_id").toString());
      assertEquals(Duration.ofHours(1).toMillis(), late.get("lateness_ms"), "an hour before the run's day");
      assertEquals((int) DAY.minusDays(1).toEpochDay(), late.get("event_day"));
      String raw = late.get("raw_line").toString();
      TestEvents.PERSONAL.forEach(value -> assertFalse(raw.contains(value), "redacted: " + value));
      assertEquals(1, counted(harness, EventKind.TRADE, IngestCounts.LATE));
    }
  }

  @Test
  void aContinuousRunComparesWithTheWatermarkLessTheAllowedLateness() throws Exception {
    try (var harness = route(LatePolicy.behindWatermark(Duration.ofMinutes(10)))) {
      harness.processElement(trade("t1", "2026-11-01T00:00:00Z"), 0);
      assertEquals(1, harness.extractOutputValues().size(), "nothing is late before the first watermark");

      harness.processWatermark(Instant.parse("2026-11-02T12:00:00Z").toEpochMilli());
      harness.processElement(trade("t2", "2026-11-02T11:51:00Z"), 0);
      harness.processElement(trade("t3", "2026-11-02T11:49:00Z"), 0);
      assertEquals(List.of("t1", "t2"), harness.extractOutputValues().stream().map(e -> e.eventId).toList());
      GenericRecord late = onlyLate(harness);
      assertEquals(LatePolicy.BEHIND_WATERMARK, late.get("reason").toString());
      assertEquals("t3", late.get("event_id").toString());
      assertEquals(Duration.ofMinutes(1).toMillis(), late.get("lateness_ms"));
    }
  }

  private static OneInputStreamOperatorTestHarness<ValidEvent, ValidEvent> route(LatePolicy policy) throws Exception {
    return ProcessFunctionTestHarnesses.forProcessFunction(new LateRouter(policy, KEYS));
  }

  /** A trade delivery with its raw line, which carries personal values. */
  private static ValidEvent trade(String tradeId, String createdAt) {
    ValidEvent event = Deliveries.trade(tradeId, "trades.jsonl", 7);
    event.eventTime = Instant.parse(createdAt).toEpochMilli();
    event.raw = TestEvents.trade(tradeId, createdAt).getBytes(StandardCharsets.UTF_8);
    return event;
  }

  private static GenericRecord onlyLate(OneInputStreamOperatorTestHarness<ValidEvent, ValidEvent> harness) {
    List<GenericRecord> late = harness.getSideOutput(LateRouter.LATE).stream().map(StreamRecord::getValue).toList();
    assertEquals(1, late.size(), "late events: " + late);
    assertEquals("trades.jsonl:7", late.get(0).get("source_file") + ":" + late.get(0).get("source_line"));
    return late.get(0);
  }
}
