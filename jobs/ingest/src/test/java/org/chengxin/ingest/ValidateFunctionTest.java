package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.validation.EventValidator;
import org.junit.jupiter.api.Test;

/** {@link ValidateFunction} in Flink's operator harness, with the clock a continuous run reads fixed by the test. */
class ValidateFunctionTest {
  private static final Pseudonymiser KEYS = new Pseudonymiser("validate-test-key-0123".getBytes(StandardCharsets.UTF_8));

  @Test
  void aContinuousRunBoundsTimestampsByTheClocksDay() throws Exception {
    Clock novemberSecond = Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC);
    try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(
        new ValidateFunction(KEYS, null, novemberSecond, EventValidator.DEFAULT_MAX_LINE_BYTES))) {
      harness.processElement(line(1, TestEvents.trade("t1", "2026-11-03T23:59:59Z")), 0);
      harness.processElement(line(2, TestEvents.trade("t2", "2026-11-04T00:00:00Z")), 0);

      assertEquals(List.of("t1"), harness.extractOutputValues().stream().map(e -> e.eventId).toList(),
          "up to one day after the clock's day is plausible");
      assertEquals(List.of(2L), harness.getSideOutput(ValidateFunction.DEAD_LETTER).stream()
          .map(StreamRecord::getValue).map(r -> r.get("source_line")).toList(), "the day after that is not");
    }
  }

  private static RawLine line(long number, String json) {
    return new RawLine("trades.jsonl", number, json.getBytes(StandardCharsets.UTF_8));
  }
}
