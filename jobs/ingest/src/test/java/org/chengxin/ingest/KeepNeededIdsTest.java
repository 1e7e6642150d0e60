package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** {@link KeepNeededIds} in Flink's broadcast operator harness. */
class KeepNeededIdsTest {

  @Test
  void passesEveryTradeIdUntilTheFilterArrivesThenOnlyTheNeededOnes() throws Exception {
    try (BroadcastOperatorTestHarness<String, NeededIds, String> harness =
        ProcessFunctionTestHarnesses.forBroadcastProcessFunction(KeepNeededIds.tradeIds(), KeepNeededIds.FILTER)) {
      harness.processElement("t-before", 0);
      assertEquals(List.of("t-before"), harness.extractOutputValues(), "no filter yet: nothing is dropped");

      long[] needed = {ShuffleKeys.of("t1"), ShuffleKeys.of("t3")};
      harness.processBroadcastElement(NeededIds.of(needed, needed.length), 0);
      List<String> known = IntStream.range(0, 1_000).mapToObj(i -> "t" + i).toList();
      for (String tradeId : known) {
        harness.processElement(tradeId, 0);
      }
      List<String> kept = harness.extractOutputValues().subList(1, harness.extractOutputValues().size());
      assertTrue(kept.containsAll(List.of("t1", "t3")), "every needed trade id passes: " + kept);
      assertTrue(kept.size() < 30, "the others are dropped, bar the filter's false positives: " + kept.size());
      // The filter lives in the function, not in broadcast state: a bounded run has nothing to
      // restore it from, so it must not be checkpointed either.
      assertFalse(harness.getBroadcastState(KeepNeededIds.FILTER).iterator().hasNext());
    }
  }

  @Test
  void keepsTheRatingsThatRevisionsAskAboutByRatingId() throws Exception {
    try (BroadcastOperatorTestHarness<RatingFact, NeededIds, RatingFact> harness =
        ProcessFunctionTestHarnesses.forBroadcastProcessFunction(KeepNeededIds.ratings(), KeepNeededIds.FILTER)) {
      long[] needed = {ShuffleKeys.of("r7")};
      harness.processBroadcastElement(NeededIds.of(needed, needed.length), 0);
      for (int i = 0; i < 1_000; i++) {
        RatingFact fact = new RatingFact();
        fact.ratingId = "r" + i;
        harness.processElement(fact, 0);
      }
      List<String> kept = harness.extractOutputValues().stream().map(f -> f.ratingId).toList();
      assertTrue(kept.contains("r7"), kept.toString());
      assertTrue(kept.size() < 30, "the others are dropped, bar the filter's false positives: " + kept.size());
    }
  }
}
