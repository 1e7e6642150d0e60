package org.chengxin.ingest;

import org.chengxin.core.event.EventKind;

/**
 * A validated event on its way to its table: the keys the pipeline routes on plus the row, encoded
 * by {@link RowCodec} so it crosses shuffles as one byte array. A Flink POJO.
 */
public class ValidEvent {
  public EventKind kind;
  /** The kind's id: the deduplication key. */
  public String eventId;
  /** The trade a rating or complaint is about (a trade's own id); null for certificates. */
  public String tradeId;
  /** Event time, UTC epoch ms. */
  public long eventTime;
  public String sourceFile;
  public long sourceLine;
  /** The table row, {@link RowCodec}-encoded without the columns held in this event's fields. */
  public byte[] row;
  /** Whether the trade of a rating or complaint was found. */
  public boolean tradeKnown;
  /**
   * The raw line, kept only until the lateness check needs it; null afterwards, except on rating
   * revisions, whose look-up may still reject them (null once accepted).
   */
  public byte[] raw;

  public ValidEvent() {}

  /** Whether this delivery comes before another in input order: the one deduplication keeps. */
  public boolean readBefore(ValidEvent other) {
    int byFile = sourceFile.compareTo(other.sourceFile);
    return byFile < 0 || (byFile == 0 && sourceLine < other.sourceLine);
  }
}
