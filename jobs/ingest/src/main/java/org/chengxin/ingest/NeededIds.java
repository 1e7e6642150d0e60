package org.chengxin.ingest;

import java.io.Serializable;

/**
 * The ids that a bounded run's events refer to (the trade ids of its ratings and complaints, the
 * rating ids of its revisions), as a Bloom filter over their {@link ShuffleKeys}. A look-up only
 * needs the known ids that some event asks about; filtering the day's and the look-back's known
 * ids through this first spares sorting all of them (a night's look-back is 30 days of trades,
 * against one day of ratings).
 * A Bloom filter has no false negatives, so no needed id is dropped; its false positives (about
 * {@link #FALSE_POSITIVE_RATE}) and ids that share a key only reach the exact look-up, which tells
 * ids apart. Plain Java; immutable once built.
 */
final class NeededIds implements Serializable {
  private static final long serialVersionUID = 1L;
  static final double FALSE_POSITIVE_RATE = 0.01;

  /** Null when every id counts as needed. */
  private final long[] bits;
  private final long bitCount;
  private final int probes;

  private NeededIds(long[] bits, long bitCount, int probes) {
    this.bits = bits;
    this.bitCount = bitCount;
    this.probes = probes;
  }

  /** A filter that passes every id (too many to collect, or no filtering wanted). */
  static NeededIds everything() {
    return new NeededIds(null, 0, 0);
  }

  /** The filter of the first {@code count} keys of {@code keys}, sized for {@link #FALSE_POSITIVE_RATE}. */
  static NeededIds of(long[] keys, int count) {
    // Optimal size and probe count for n keys at rate p: m = -n ln p / (ln 2)^2, k = (m / n) ln 2.
    double bitsPerKey = -Math.log(FALSE_POSITIVE_RATE) / (Math.log(2) * Math.log(2));
    long bitCount = Math.max(64, (long) Math.ceil(Math.max(1, count) * bitsPerKey));
    int probes = Math.max(1, (int) Math.round(bitsPerKey * Math.log(2)));
    NeededIds filter = new NeededIds(new long[(int) ((bitCount + 63) >>> 6)], bitCount, probes);
    for (int i = 0; i < count; i++) {
      filter.add(keys[i]);
    }
    return filter;
  }

  /** Whether the trade id with this key may be needed: false only when no rating or complaint asks for it. */
  boolean mayContain(long key) {
    if (bits == null) {
      return true;
    }
    long probe = firstProbe(key);
    long step = step(key);
    for (int i = 0; i < probes; i++, probe += step) {
      long bit = Math.floorMod(probe, bitCount);
      if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Bits in the filter; 0 when it passes everything. */
  long bitCount() {
    return bitCount;
  }

  private void add(long key) {
    long probe = firstProbe(key);
    long step = step(key);
    for (int i = 0; i < probes; i++, probe += step) {
      long bit = Math.floorMod(probe, bitCount);
      bits[(int) (bit >>> 6)] |= 1L << bit;
    }
  }

  // Double hashing (probe i = h1 + i * h2) from the two halves of the already well-mixed key.
  private static long firstProbe(long key) {
    return key & 0xffffffffL;
  }

  private static long step(long key) {
    return (key >>> 32) | 1;
  }
}
