package org.chengxin.ingest;

import static org.chengxin.ingest.Deliveries.counted;
import static org.chengxin.ingest.Deliveries.ratingFact;
import static org.chengxin.ingest.Deliveries.revisedEarlier;
import static org.chengxin.ingest.Deliveries.revision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.validation.RejectReason;
import org.junit.jupiter.api.Test;

/** {@link RevisionLookupFunction} in Flink's operator harness: the wait runs on the harness's processing time. */
class RevisionLookupFunctionTest {
  private static final Duration WAIT = Duration.ofSeconds(1);
  private static final String RATED = "2026-11-01T10:00:00Z";

  @Test
  void aRevisionWaitsForItsRatingThenTheRulesDecide() throws Exception {
    try (var harness = lookUp(null)) {
      harness.processElement1(revision("v1", "r1", "b1", "positive", "2026-11-03T10:00:00Z", 1), 0);
      harness.processElement1(revision("v2", "r404", "b1", "positive", "2026-11-03T10:00:00Z", 2), 0);
      harness.processElement1(revision("v3", "r3", "b9", "positive", "2026-11-03T10:00:00Z", 3), 0);
      harness.processElement1(revision("v4", "r4", "b1", "positive", "2026-12-15T10:00:00Z", 4), 0);
      harness.processElement1(revision("v5", "r5", "b1", "neutral", "2026-11-03T10:00:00Z", 5), 0);
      harness.processElement2(ratingFact("r1", "b1", "negative", RATED), 0);
      harness.processElement2(ratingFact("r3", "b1", "neutral", RATED), 0);
      harness.processElement2(ratingFact("r4", "b1", "negative", RATED), 0);
      harness.processElement2(ratingFact("r5", "b1", "negative", RATED), 0);
      harness.setProcessingTime(WAIT.toMillis() - 1);
      assertEquals(List.of(), harness.extractOutputValues(), "nothing leaves before the wait");

      harness.setProcessingTime(WAIT.toMillis());
      assertEquals(List.of("v1"), accepted(harness));
      assertNull(harness.extractOutputValues().get(0).raw, "an accepted revision drops its raw line");
      assertEquals(Map.of("v2", "unknown_rating", "v3", "not_the_rater", "v4", "outside_revision_window",
          "v5", "not_upward"), rejected(harness));
      assertEquals(1, counted(harness, EventKind.RATING_REVISION, "rejected." + RejectReason.UNKNOWN_RATING.wire()));
      assertEquals(1, counted(harness, EventKind.RATING_REVISION, "rejected." + RejectReason.NOT_UPWARD.wire()));
      GenericRecord deadLetter = harness.getSideOutput(RevisionLookupFunction.DEAD_LETTER).peek().getValue();
      assertTrue(deadLetter.get("raw_line").toString().contains("\"revision_id\":\"v"), deadLetter.toString());
      assertEquals("rating_revision", deadLetter.get("kind").toString());
      assertEquals(0, harness.numProcessingTimeTimers());
      // Nothing waits any more; what stays is what is known per rating (BATCH drops a key's state when its input ends).
      assertEquals(4 + 1, harness.numKeyedStateEntries(), "four ratings known, r1 revised");
    }
  }

  @Test
  void ofTwoRevisionsOfARatingTheEarlierCountsWhateverTheOrderAndAnEarlierRunsCountsToo() throws Exception {
    try (var harness = lookUp(null)) {
      harness.processElement1(revision("late", "r1", "b1", "positive", "2026-11-05T10:00:00Z", 1), 0);
      harness.processElement1(revision("early", "r1", "b1", "positive", "2026-11-02T10:00:00Z", 2), 0);
      harness.processElement1(revision("again", "r2", "b1", "positive", "2026-11-02T10:00:00Z", 3), 0);
      harness.processElement2(ratingFact("r1", "b1", "negative", RATED), 0);
      harness.processElement2(ratingFact("r2", "b1", "negative", RATED), 0);
      harness.processElement2(revisedEarlier("r2"), 0);
      harness.setProcessingTime(WAIT.toMillis());
      assertEquals(List.of("early"), accepted(harness));
      assertEquals(Map.of("late", "second_revision", "again", "second_revision"), rejected(harness));
      assertEquals(2, counted(harness, EventKind.RATING_REVISION, "rejected." + RejectReason.SECOND_REVISION.wire()));
      assertEquals(0, harness.numProcessingTimeTimers());
    }
  }

  @Test
  void ratingsSharingAKeyShareOneTimerAndAreToldApart() throws Exception {
    try (var harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
        new RevisionLookupFunction(WAIT, null, Deliveries.KEYS), e -> 0L, f -> 0L, Types.LONG)) {
      harness.processElement1(revision("v1", "r1", "b1", "positive", "2026-11-02T10:00:00Z", 1), 0);
      harness.processElement1(revision("v2", "r2", "b1", "positive", "2026-11-02T10:00:00Z", 2), 0);
      harness.processElement2(ratingFact("r2", "b1", "neutral", RATED), 0);
      assertEquals(1, harness.numProcessingTimeTimers());
      harness.setProcessingTime(WAIT.toMillis());
      assertEquals(List.of("v2"), accepted(harness));
      assertEquals(Map.of("v1", "unknown_rating"), rejected(harness));
    }
  }

  @Test
  void aContinuousRunForgetsARatingAfterTheRetentionAndKeepsNothing() throws Exception {
    Duration retention = Duration.ofHours(1);
    try (var harness = lookUp(retention)) {
      harness.processElement2(ratingFact("r1", "b1", "negative", RATED), 0);
      harness.setStateTtlProcessingTime(retention.toMillis() + 1);
      harness.processElement1(revision("v1", "r1", "b1", "positive", "2026-11-02T10:00:00Z", 1), 0);
      harness.setProcessingTime(WAIT.toMillis());
      assertEquals(Map.of("v1", "unknown_rating"), rejected(harness));
      assertEquals(0, harness.numProcessingTimeTimers());
      assertEquals(0, harness.numKeyedStateEntries(), "the expired rating is dropped when read, nothing waits");
    }
  }

  @Test
  void aContinuousRunRemembersRatingsForTheWholeRevisionLookBack() {
    assertEquals(Duration.ofDays(31), IngestJob.revisionRetention(Duration.ofDays(7)));
    assertEquals(Duration.ofDays(60), IngestJob.revisionRetention(Duration.ofDays(60)));
    assertNull(IngestJob.revisionRetention(null), "a bounded run remembers for the whole run");
  }

  private static KeyedTwoInputStreamOperatorTestHarness<Long, ValidEvent, RatingFact, ValidEvent> lookUp(Duration retention)
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new RevisionLookupFunction(WAIT, retention, Deliveries.KEYS),
        e -> RevisionLookupFunction.partitionKey(RevisionLookupFunction.ratingIdOf(e)),
        f -> RevisionLookupFunction.partitionKey(f.ratingId), Types.LONG);
  }

  private static List<String> accepted(KeyedTwoInputStreamOperatorTestHarness<Long, ValidEvent, RatingFact, ValidEvent> harness) {
    return harness.extractOutputValues().stream().map(e -> e.eventId).sorted().toList();
  }

  /** Revision id to dead-letter reason. */
  private static Map<String, String> rejected(KeyedTwoInputStreamOperatorTestHarness<Long, ValidEvent, RatingFact, ValidEvent> harness) {
    Map<String, String> reasons = new TreeMap<>();
    var side = harness.getSideOutput(RevisionLookupFunction.DEAD_LETTER);
    if (side != null) {
      for (StreamRecord<GenericRecord> r : side) {
        reasons.put(r.getValue().get("event_id").toString(), r.getValue().get("reason").toString());
      }
    }
    return reasons;
  }
}
