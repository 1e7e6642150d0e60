package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class NeededIdsTest {

  @Test
  void keepsEveryNeededIdAndAboutOnePercentOfTheOthers() {
    int needed = 100_000;
    long[] keys = new long[needed];
    for (int i = 0; i < needed; i++) {
      keys[i] = ShuffleKeys.of("t" + i);
    }
    NeededIds filter = NeededIds.of(keys, needed);
    for (int i = 0; i < needed; i++) {
      assertTrue(filter.mayContain(ShuffleKeys.of("t" + i)), "no false negative: t" + i);
    }
    int others = 1_000_000;
    int passed = 0;
    for (int i = 0; i < others; i++) {
      if (filter.mayContain(ShuffleKeys.of("other-" + i))) {
        passed++;
      }
    }
    double rate = passed / (double) others;
    assertTrue(rate > 0.002 && rate < 0.02, "false positive rate near 1%: " + rate);
  }

  @Test
  void anEmptyFilterPassesNothingAndEverythingPassesAll() {
    SplittableRandom random = new SplittableRandom(1);
    NeededIds empty = NeededIds.of(new long[0], 0);
    NeededIds all = NeededIds.everything();
    for (int i = 0; i < 10_000; i++) {
      long key = random.nextLong();
      assertFalse(empty.mayContain(key));
      assertTrue(all.mayContain(key));
    }
  }

  private static StreamExecutionEnvironment batch() {
    Configuration conf = new Configuration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  private static List<String> kept(int maxKeys, List<String> needed, List<String> known) throws Exception {
    StreamExecutionEnvironment env = batch();
    DataStream<String> ids = env.fromData(known);
    return ids
        .connect(env.fromData(needed).map(ShuffleKeys::of).returns(Types.LONG)
            .transform("collect", TypeInformation.of(NeededIds.class), new CollectNeededIds(maxKeys))
            .setParallelism(1)
            .broadcast(KeepNeededIds.FILTER))
        .process(KeepNeededIds.tradeIds())
        .executeAndCollect(known.size() + 1);
  }

  @Test
  void aBatchRunPassesOnlyTheKnownIdsThatAreNeededAndAllOfThemPastTheCap() throws Exception {
    List<String> needed = List.of("t1", "t3", "t5", "t-unknown");
    List<String> known = new java.util.ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      known.add("t" + i);
    }
    List<String> kept = kept(CollectNeededIds.MAX_KEYS, needed, known);
    assertTrue(kept.containsAll(List.of("t1", "t3", "t5")), "every needed known id passes: " + kept.size());
    assertTrue(kept.size() < 60, "the rest is filtered out, bar about 1%: " + kept.size());
    assertEquals(known.size(), kept(2, needed, known).size(), "over the cap every id passes");
  }
}
