package org.chengxin.generator;

/**
 * When in the UTC day trades happen: the marketplace runs on China time (UTC+8), busy in the evening
 * and quiet from 2 to 6 a.m. local. Maps a uniform position in [0, 1) monotonically to a second of the
 * UTC day, so sorted positions give sorted times.
 */
final class DailyRhythm {
  private static final int LOCAL_OFFSET_HOURS = 8;
  /** Relative trade volume per local hour 0..23. */
  private static final double[] LOCAL_HOUR_WEIGHTS = {
    0.60, 0.35, 0.20, 0.12, 0.10, 0.12, 0.25, 0.50, 0.80, 1.00, 1.10, 1.10,
    1.20, 1.10, 1.05, 1.05, 1.05, 1.00, 1.00, 1.15, 1.35, 1.50, 1.40, 1.00
  };

  private final double[] cumulative = new double[25];

  DailyRhythm() {
    double total = 0;
    for (double w : LOCAL_HOUR_WEIGHTS) {
      total += w;
    }
    for (int utcHour = 0; utcHour < 24; utcHour++) {
      double w = LOCAL_HOUR_WEIGHTS[(utcHour + LOCAL_OFFSET_HOURS) % 24];
      cumulative[utcHour + 1] = cumulative[utcHour] + w / total;
    }
  }

  /** Second of the UTC day (0..86399) at cumulative volume share {@code position}. */
  int secondOfDay(double position) {
    int hour = 0;
    while (hour < 23 && cumulative[hour + 1] <= position) {
      hour++;
    }
    double within = (position - cumulative[hour]) / (cumulative[hour + 1] - cumulative[hour]);
    int second = hour * 3600 + (int) (Math.min(Math.max(within, 0.0), 1.0) * 3600);
    return Math.min(second, 86_399);
  }
}
