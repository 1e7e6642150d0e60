package org.chengxin.jobs.dissatisfaction;

import java.time.LocalDate;
import java.util.List;

/** The trailing windows of trade time every scope is reported over; each ends on the run day. */
final class Windows {
  /** Window lengths in days: the run day, a week, a month, a quarter. */
  static final List<Integer> DAYS = List.of(1, 7, 30, 90);

  /** The longest window: how far back trades and complaints are read. */
  static final int LONGEST = 90;

  private Windows() {}

  /** First trade day of the {@code days}-day window ending on {@code runDay}. */
  static LocalDate start(LocalDate runDay, int days) {
    return runDay.minusDays(days - 1L);
  }
}
