package org.chengxin.scores.credit;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.chengxin.core.event.RatingScore;

/**
 * What the credit rules carry from one day to the next for one buyer-seller pair: the running net
 * per trade-creation month, and the open 14-day window per item and score sign. Mutable: the rules
 * update it as they go through the pair's ratings.
 */
public final class PairCreditState {

  /** A same-item window is kept per item and per sign: positives and negatives collapse apart. */
  public record WindowKey(String itemId, RatingScore score) implements Comparable<WindowKey> {
    public WindowKey {
      Objects.requireNonNull(itemId, "itemId");
      if (score == RatingScore.NEUTRAL) {
        throw new IllegalArgumentException("neutral ratings open no window");
      }
    }

    @Override
    public int compareTo(WindowKey other) {
      int byItem = itemId.compareTo(other.itemId);
      return byItem != 0 ? byItem : score.compareTo(other.score);
    }
  }

  private final Map<YearMonth, Integer> monthNets = new TreeMap<>();
  private final Map<WindowKey, Instant> windowStarts = new TreeMap<>();

  public Map<YearMonth, Integer> monthNets() {
    return monthNets;
  }

  public Map<WindowKey, Instant> windowStarts() {
    return windowStarts;
  }

  public PairCreditState withMonth(YearMonth month, int net) {
    if (Math.abs(net) > CreditRules.MONTH_CAP) {
      throw new IllegalArgumentException("a month net lies within the cap: " + net);
    }
    monthNets.put(month, net);
    return this;
  }

  public PairCreditState withWindow(String itemId, RatingScore score, Instant start) {
    windowStarts.put(new WindowKey(itemId, score), Objects.requireNonNull(start, "start"));
    return this;
  }

  public boolean isEmpty() {
    return monthNets.isEmpty() && windowStarts.isEmpty();
  }
}
