package org.chengxin.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.chengxin.review.db.EmbeddedPostgres;
import org.chengxin.review.db.ReviewDatabase;

/**
 * One embedded PostgreSQL for the whole test run (started on first use, stopped when the JVM
 * exits); each test class gets a database of its own on it.
 */
public final class TestPostgres {
  private static String serverUrl;

  private TestPostgres() {}

  /** A fresh, migrated database named {@code name} (dropped first if an earlier run left it). */
  public static ReviewDatabase database(String name) throws SQLException {
    return ReviewDatabase.at(emptyDatabaseUrl(name));
  }

  /** The JDBC URL of a fresh, empty database named {@code name}. */
  public static synchronized String emptyDatabaseUrl(String name) throws SQLException {
    try (Connection admin = DriverManager.getConnection(serverUrl());
         Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    }
    return serverUrl().replace("/postgres?", "/" + name + "?");
  }

  /** Empties the queue's tables between tests (TRUNCATE bypasses the history tables' row triggers). */
  public static void truncate(ReviewDatabase db) throws SQLException {
    try (Connection c = db.connection(); Statement statement = c.createStatement()) {
      statement.execute("TRUNCATE closure_confirmations, closure_proposals, audit_log, accounts, penalty_events, decisions, penalties, cases "
          + "RESTART IDENTITY");
    }
  }

  private static String serverUrl() {
    if (serverUrl == null) {
      try {
        Path home = Files.createTempDirectory("chengxin-review-test-db");
        EmbeddedPostgres server = new EmbeddedPostgres(home);
        serverUrl = server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          server.stop();
          deleteTree(home);
        }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return serverUrl;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
