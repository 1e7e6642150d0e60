package org.chengxin.ingest;

/**
 * Fixed-length keys for the keyed operators. A BATCH run sorts every keyed input by its key: a
 * long sorts on its normalised bytes alone, while event ids (which share long prefixes such as
 * {@code trade:t000}) make the sorter fall back to deserialising and comparing whole strings.
 * Different ids may share a key (64-bit hash), so the keyed functions keep their state per full id.
 */
final class ShuffleKeys {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private ShuffleKeys() {}

  /** FNV-1a over the UTF-16 units, then MurmurHash3's 64-bit finaliser to spread similar ids. */
  static long of(String id) {
    long h = FNV_OFFSET;
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * FNV_PRIME;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
