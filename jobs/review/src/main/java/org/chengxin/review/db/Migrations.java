package org.chengxin.review.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review database's schema as versioned SQL files ({@code migration/V<n>__<what>.sql} beside
 * this class), applied in order on start, each once, recorded in {@code schema_migrations}. A new
 * schema change is a new file added to {@link #FILES}; applied files are never edited.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  static final List<String> FILES = List.of("V1__cases_decisions_penalties.sql");
  private static final Pattern NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");
  // Any constant: it makes processes that start at the same moment apply migrations one at a time.
  private static final long MIGRATION_LOCK = 0x6368656e67L;

  private Migrations() {}

  /** Applies every migration not applied yet; returns how many it applied. */
  public static int apply(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
      statement.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
          + "version INT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      Set<Integer> applied = appliedVersions(connection);
      int count = 0;
      int previous = 0;
      for (String file : FILES) {
        int version = version(file);
        if (version <= previous) {
          throw new IllegalStateException("migrations must be listed in increasing version order: " + file);
        }
        previous = version;
        if (applied.contains(version)) {
          continue;
        }
        LOG.info("applying review database migration {}", file);
        statement.execute(read(file));
        try (PreparedStatement record = connection.prepareStatement(
            "INSERT INTO schema_migrations (version, name) VALUES (?, ?)")) {
          record.setInt(1, version);
          record.setString(2, file);
          record.executeUpdate();
        }
        count++;
      }
      connection.commit();
      return count;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static Set<Integer> appliedVersions(Connection connection) throws SQLException {
    Set<Integer> versions = new HashSet<>();
    try (Statement query = connection.createStatement();
         ResultSet rows = query.executeQuery("SELECT version FROM schema_migrations")) {
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
    }
    return versions;
  }

  static int version(String file) {
    Matcher m = NAME.matcher(file);
    if (!m.matches()) {
      throw new IllegalStateException("migration file names look like V<n>__<what>.sql, got " + file);
    }
    return Integer.parseInt(m.group(1));
  }

  private static String read(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream("migration/" + file)) {
      if (in == null) {
        throw new IllegalStateException("migration " + file + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
