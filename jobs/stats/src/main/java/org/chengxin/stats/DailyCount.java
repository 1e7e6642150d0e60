package org.chengxin.stats;

/**
 * Upheld complaints and completed trades of one scope on one day.
 *
 * @param epochDay the day, as {@code LocalDate.toEpochDay()}
 * @param upheld upheld complaints on that day's completed trades
 * @param trades completed trades that day
 */
public record DailyCount(long epochDay, long upheld, long trades) {
  public DailyCount {
    Counts.check(upheld, trades);
  }
}
