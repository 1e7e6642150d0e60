package org.chengxin.ingest;

import java.util.Arrays;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the {@link ShuffleKeys} of the ids that events refer to (a rating's or complaint's trade
 * id, a revision's rating id; one per event) and, when its input ends, emits one {@link NeededIds} filter sized for
 * them (bounded runs; one subtask). Past {@link #MAX_KEYS} keys it stops collecting and emits a
 * filter that passes every id, so its memory stays bounded (768 MB at most, while the array last
 * doubles) and the look-up falls back to seeing every known id. Every look-up subtask holds a
 * copy of the filter (about 1.2 bytes per key).
 */
final class CollectNeededIds extends AbstractStreamOperator<NeededIds>
    implements OneInputStreamOperator<Long, NeededIds>, BoundedOneInput {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(CollectNeededIds.class);
  /** 512 MB of keys while collecting. */
  static final int MAX_KEYS = 64 << 20;

  private final int maxKeys;
  private transient long[] keys;
  private transient int count;
  private transient boolean overflowed;

  CollectNeededIds() {
    this(MAX_KEYS);
  }

  /** @param maxKeys keys beyond which the filter passes everything (tests use a small cap) */
  CollectNeededIds(int maxKeys) {
    this.maxKeys = maxKeys;
  }

  @Override
  public void open() throws Exception {
    super.open();
    keys = new long[1024];
  }

  @Override
  public void processElement(StreamRecord<Long> element) {
    if (overflowed) {
      return;
    }
    if (count == maxKeys) {
      overflowed = true;
      keys = null;
      return;
    }
    if (count == keys.length) {
      keys = Arrays.copyOf(keys, (int) Math.min(maxKeys, 2L * keys.length));
    }
    keys[count++] = element.getValue();
  }

  @Override
  public void endInput() {
    NeededIds filter = overflowed ? NeededIds.everything() : NeededIds.of(keys, count);
    LOG.info("needed trade ids: {} ({})", overflowed ? "over " + maxKeys : count,
        overflowed ? "no filtering" : filter.bitCount() + " filter bits");
    keys = null;
    output.collect(new StreamRecord<>(filter));
  }
}
