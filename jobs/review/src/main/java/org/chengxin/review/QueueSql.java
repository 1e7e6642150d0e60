package org.chengxin.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.chengxin.review.db.ReviewDatabase;

/** What the queue's stores share: plain JDBC queries and transactions, timestamps, reviewers and notes. */
final class QueueSql {
  private static final Pattern REVIEWER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final int MAX_NOTE_LENGTH = 4000;

  private QueueSql() {}

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** The body of a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** A read-only query on its own connection, its parameters bound in order. */
  static <T> List<T> query(ReviewDatabase db, String sql, RowReader<T> reader, Object... parameters) throws SQLException {
    try (Connection c = db.connection()) {
      return query(c, sql, reader, parameters);
    }
  }

  /** A query on {@code c}, its parameters bound in order. */
  static <T> List<T> query(Connection c, String sql, RowReader<T> reader, Object... parameters) throws SQLException {
    List<T> result = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          result.add(reader.read(rows));
        }
      }
    }
    return result;
  }

  /** Runs {@code work} in one transaction on its own connection: committed when it returns, rolled back when it throws. */
  static <T> T inTransaction(ReviewDatabase db, Work<T> work) throws SQLException {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** The clock's instant at PostgreSQL's precision, so what a method returns equals what it stored. */
  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static void checkReviewer(String reviewer) {
    if (reviewer == null || !REVIEWER.matcher(reviewer).matches()) {
      throw new IllegalArgumentException("a reviewer is named by 1-64 letters, digits or . _ @ - (starting with a letter or digit), got '"
          + reviewer + "'");
    }
  }

  /** A note kept with history: not blank, at most 4000 characters; returned stripped. */
  static String checkNote(String note, String what) {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException(what + " needs a note saying why");
    }
    if (note.length() > MAX_NOTE_LENGTH) {
      throw new IllegalArgumentException("a note has at most " + MAX_NOTE_LENGTH + " characters, got " + note.length());
    }
    return note.strip();
  }
}
