package org.chengxin.generator;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Allocation-light formatting of wire values: ISO-8601 UTC instants at second precision
 * ({@code 2026-11-01T08:15:30Z}) and zero-padded ids ({@code b0001234}). Hot path: called several
 * times per trade.
 */
final class WireText {
  static final int TIMESTAMP_LENGTH = 20;
  private static final int DAY_SECONDS = 86_400;

  private final long firstDayEpochDay;
  private final char[][] datePrefixes;

  /** Formats instants from {@code firstDay} through {@code spanDays} days later quickly; others slowly. */
  WireText(LocalDate firstDay, int spanDays) {
    firstDayEpochDay = firstDay.toEpochDay();
    datePrefixes = new char[spanDays][];
    for (int d = 0; d < spanDays; d++) {
      datePrefixes[d] = (firstDay.plusDays(d) + "T").toCharArray();
    }
  }

  /** Writes the instant {@code epochSecond} into {@code out[0..20)}. */
  void timestamp(long epochSecond, char[] out) {
    long epochDay = Math.floorDiv(epochSecond, DAY_SECONDS);
    int secondOfDay = (int) Math.floorMod(epochSecond, DAY_SECONDS);
    int d = (int) (epochDay - firstDayEpochDay);
    char[] prefix =
        d >= 0 && d < datePrefixes.length
            ? datePrefixes[d]
            : (LocalDate.ofEpochDay(epochDay) + "T").toCharArray();
    System.arraycopy(prefix, 0, out, 0, 11);
    twoDigits(secondOfDay / 3600, out, 11);
    out[13] = ':';
    twoDigits(secondOfDay / 60 % 60, out, 14);
    out[16] = ':';
    twoDigits(secondOfDay % 60, out, 17);
    out[19] = 'Z';
  }

  String timestamp(long epochSecond) {
    char[] out = new char[TIMESTAMP_LENGTH];
    timestamp(epochSecond, out);
    return new String(out);
  }

  static long epochSecond(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  /** {@code prefix} followed by {@code number} zero-padded to at least {@code width} digits. */
  static String id(String prefix, long number, int width) {
    String digits = Long.toString(number);
    int pad = Math.max(0, width - digits.length());
    StringBuilder sb = new StringBuilder(prefix.length() + pad + digits.length()).append(prefix);
    for (int i = 0; i < pad; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  private static void twoDigits(int value, char[] out, int at) {
    out[at] = (char) ('0' + value / 10);
    out[at + 1] = (char) ('0' + value % 10);
  }
}
