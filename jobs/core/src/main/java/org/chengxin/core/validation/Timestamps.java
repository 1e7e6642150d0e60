package org.chengxin.core.validation;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * Parses wire timestamps (ISO-8601 instants) to epoch milliseconds. The usual shape
 * {@code 2026-11-01T08:15:30Z}, with or without a fraction, is parsed by hand because
 * {@link Instant#parse} costs about a microsecond and a trade has four timestamps; other ISO-8601
 * shapes (offsets such as {@code +08:00}) fall back to the JDK.
 */
final class Timestamps {
  /** Returned when the text is not an ISO-8601 instant. */
  static final long INVALID = Long.MIN_VALUE;

  private Timestamps() {}

  static long parseMillis(String text) {
    long fast = parseUtcZ(text);
    if (fast != INVALID) {
      return fast;
    }
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeException | ArithmeticException e) {
      return INVALID;
    }
  }

  // yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z
  private static long parseUtcZ(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return INVALID;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return INVALID;
    }
    int millis = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n == 21) {
        return INVALID;
      }
      int scale = 100;
      for (int i = 20; i < n - 1; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return INVALID;
        }
        millis += (c - '0') * scale;
        scale /= 10;
      }
    } else if (s.charAt(19) != 'Z') {
      return INVALID;
    }
    long seconds = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
    return seconds * 1_000L + millis;
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
  private static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }
}
