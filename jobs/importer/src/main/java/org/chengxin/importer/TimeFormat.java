package org.chengxin.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * How a source file writes times: {@code unix-seconds}, {@code unix-millis}, {@code iso} (an
 * ISO-8601 instant, offset date-time, local date-time or date; local ones in the given zone) or
 * {@code pattern:PATTERN} (a {@link DateTimeFormatter} pattern, in the given zone unless it names one).
 */
public final class TimeFormat {
  private enum Kind { UNIX_SECONDS, UNIX_MILLIS, ISO, PATTERN }

  private final Kind kind;
  private final DateTimeFormatter pattern;
  private final ZoneId zone;

  private TimeFormat(Kind kind, DateTimeFormatter pattern, ZoneId zone) {
    this.kind = kind;
    this.pattern = pattern;
    this.zone = zone;
  }

  /** Parses the option value; throws IllegalArgumentException with the accepted forms. */
  public static TimeFormat parse(String spec, ZoneId zone) {
    switch (spec) {
      case "unix-seconds":
        return new TimeFormat(Kind.UNIX_SECONDS, null, zone);
      case "unix-millis":
        return new TimeFormat(Kind.UNIX_MILLIS, null, zone);
      case "iso":
        return new TimeFormat(Kind.ISO, null, zone);
      default:
        if (spec.startsWith("pattern:") && spec.length() > "pattern:".length()) {
          try {
            return new TimeFormat(Kind.PATTERN, DateTimeFormatter.ofPattern(spec.substring("pattern:".length())), zone);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad time pattern '" + spec + "': " + e.getMessage());
          }
        }
        throw new IllegalArgumentException(
            "time format must be unix-seconds, unix-millis, iso or pattern:PATTERN, got '" + spec + "'");
    }
  }

  /** The instant a field holds; throws DateTimeException or NumberFormatException when it holds none. */
  public Instant instant(String text) {
    String t = text.strip();
    return switch (kind) {
      case UNIX_SECONDS -> unixSeconds(t);
      case UNIX_MILLIS -> Instant.ofEpochMilli(Long.parseLong(t));
      case ISO -> iso(t);
      case PATTERN -> fromPattern(t);
    };
  }

  /** Whole seconds, or seconds with a fraction ("1289241911.5"). */
  private static Instant unixSeconds(String t) {
    if (t.indexOf('.') < 0) {
      return Instant.ofEpochSecond(Long.parseLong(t));
    }
    double seconds = Double.parseDouble(t);
    if (!Double.isFinite(seconds)) {
      throw new NumberFormatException("not a finite number: " + t);
    }
    long whole = (long) Math.floor(seconds);
    return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
  }

  private Instant iso(String t) {
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
          return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        }
      }
    }
  }

  private Instant fromPattern(String t) {
    TemporalAccessor parsed = pattern.parseBest(t, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
    if (parsed instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (parsed instanceof LocalDateTime l) {
      return l.atZone(zone).toInstant();
    }
    return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
  }
}
