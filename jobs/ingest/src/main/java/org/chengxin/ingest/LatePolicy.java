package org.chengxin.ingest;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Decides whether a valid event is late. A bounded run for day D owns ds=D (a backfill from D0 owns
 * D0..D): an event of another day is {@code other_day}, however recent. A continuous run compares with the watermark: an event
 * older than watermark minus allowed lateness is {@code behind_watermark}.
 */
public final class LatePolicy implements Serializable {
  private static final long serialVersionUID = 1L;
  static final long DAY_MS = 86_400_000L;
  public static final String OTHER_DAY = "other_day";
  public static final String BEHIND_WATERMARK = "behind_watermark";

  private final LocalDate firstDay;
  private final LocalDate runDay;
  private final long allowedLatenessMs;

  private LatePolicy(LocalDate firstDay, LocalDate runDay, long allowedLatenessMs) {
    this.firstDay = firstDay;
    this.runDay = runDay;
    this.allowedLatenessMs = allowedLatenessMs;
  }

  /** A bounded run owning every day from firstDay to runDay (one day when they are equal). */
  public static LatePolicy forDays(LocalDate firstDay, LocalDate runDay) {
    return new LatePolicy(firstDay, runDay, 0);
  }

  public static LatePolicy behindWatermark(Duration allowedLateness) {
    return new LatePolicy(null, null, allowedLateness.toMillis());
  }

  /** The UTC day of an event time, as days since the epoch. */
  static long dayOf(long eventTimeMs) {
    return Math.floorDiv(eventTimeMs, DAY_MS);
  }

  /** Why the event is late, or null when it is on time. */
  String reason(long eventTimeMs, long watermark) {
    if (runDay != null) {
      long day = dayOf(eventTimeMs);
      return day >= firstDay.toEpochDay() && day <= runDay.toEpochDay() ? null : OTHER_DAY;
    }
    return watermark != Long.MIN_VALUE && eventTimeMs < watermark - allowedLatenessMs ? BEHIND_WATERMARK : null;
  }

  /** How far behind the bound (the first owned day's start) a late event is (negative for an event of a later day). */
  long latenessMs(long eventTimeMs, long watermark) {
    long bound = runDay != null ? firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() : watermark - allowedLatenessMs;
    return bound - eventTimeMs;
  }
}
