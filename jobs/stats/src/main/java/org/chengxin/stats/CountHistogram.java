package org.chengxin.stats;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sufficient aggregate for fitting a beta-binomial prior: how many sellers had each (upheld, trades)
 * pair. A Spark job builds it from {@code groupBy(category, upheld, bucketTrades(trades)).count()}, so
 * the driver collects a few thousand cells instead of one row per seller. Histograms merge, so the
 * platform histogram is the merge of the category ones.
 */
public final class CountHistogram implements Serializable {
  /** Trade counts at or above this are rounded to {@link #SIGNIFICANT_DIGITS} significant digits. */
  static final long EXACT_BELOW = 1000;

  static final int SIGNIFICANT_DIGITS = 3;

  /** One cell: sellers with exactly this many upheld complaints and (bucketed) trades. */
  public record Cell(long upheld, long trades) implements Serializable {
    public Cell {
      Counts.check(upheld, trades);
    }
  }

  private final Map<Cell, Long> sellers = new LinkedHashMap<>();
  private long totalSellers;
  private long totalUpheld;
  private long totalTrades;

  /**
   * Rounds a seller's trade count to 3 significant digits from 1,000 up (relative error at most 0.05%,
   * negligible in the likelihood) so sellers fall into few cells; never below {@code upheld}.
   */
  public static long bucketTrades(long upheld, long trades) {
    Counts.check(upheld, trades);
    if (trades < EXACT_BELOW) {
      return trades;
    }
    long unit = 1;
    while (trades / unit >= 1000) {
      unit *= 10;
    }
    long rounded = Math.round((double) trades / unit) * unit;
    return Math.max(upheld, rounded);
  }

  /** Adds {@code count} sellers with {@code upheld} complaints out of {@code trades}; returns this. */
  public CountHistogram add(long upheld, long trades, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("seller count must be >= 0, got " + count);
    }
    if (count > 0) {
      sellers.merge(new Cell(upheld, trades), count, Long::sum);
      totalSellers += count;
      totalUpheld = Math.addExact(totalUpheld, Math.multiplyExact(upheld, count));
      totalTrades = Math.addExact(totalTrades, Math.multiplyExact(trades, count));
    }
    return this;
  }

  /** Adds every cell of {@code other}; returns this. */
  public CountHistogram merge(CountHistogram other) {
    other.sellers.forEach((cell, count) -> add(cell.upheld(), cell.trades(), count));
    return this;
  }

  /** Cells with their seller counts, in insertion order (so fits are deterministic). */
  public Map<Cell, Long> cells() {
    return Collections.unmodifiableMap(sellers);
  }

  public long sellers() {
    return totalSellers;
  }

  public long upheld() {
    return totalUpheld;
  }

  public long trades() {
    return totalTrades;
  }
}
