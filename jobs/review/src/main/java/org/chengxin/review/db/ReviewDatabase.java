package org.chengxin.review.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Where the review queue lives: a PostgreSQL server reached by JDBC URL, or by default the
 * embedded server of a warehouse ({@link EmbeddedPostgres#inWarehouse}). Opening it applies the
 * schema migrations with Flyway; {@link #connection()} hands out plain JDBC connections.
 *
 * <p>The migrations are the versioned SQL files in {@link #MIGRATIONS}. Flyway records each applied
 * file with its checksum in {@code flyway_schema_history} and refuses to start when an applied file
 * has changed since. It also holds a PostgreSQL advisory lock while it migrates, so processes that
 * start together apply each migration once.
 */
public final class ReviewDatabase {
  static final String MIGRATIONS = "classpath:org/chengxin/review/db/migration";
  // A console page asks for several connections; a new one costs a backend start and a SCRAM exchange (tens of ms).
  private static final int MAX_IDLE = 16;
  private final String jdbcUrl;
  private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

  private ReviewDatabase(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** The server at {@code jdbcUrl} (credentials go in the URL's user and password parameters). */
  public static ReviewDatabase at(String jdbcUrl) throws SQLException {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("the review queue needs a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB?user=U), got '"
          + redacted(jdbcUrl) + "'");
    }
    migrate(jdbcUrl, MIGRATIONS);
    return new ReviewDatabase(jdbcUrl);
  }

  /** {@code jdbcUrl} when given, else the warehouse's embedded server, started if it is not running ({@link #embedded}). */
  public static ReviewDatabase open(Optional<String> jdbcUrl, Path warehouse) throws SQLException {
    return jdbcUrl.isPresent() ? at(jdbcUrl.get()) : embedded(EmbeddedPostgres.inWarehouse(warehouse));
  }

  /**
   * The embedded {@code server}, started if it is not running: migrated as its superuser, then used
   * as {@value EmbeddedPostgres#APPLICATION_ROLE}, which is no superuser and may only read and write rows.
   */
  public static ReviewDatabase embedded(EmbeddedPostgres server) throws SQLException {
    String superuser = server.start();
    migrate(superuser, MIGRATIONS);
    return new ReviewDatabase(server.applicationUrl());
  }

  /**
   * A connection, an idle one when there is: closing it hands it back, rolled back and in
   * auto-commit, to be used again (at most {@value #MAX_IDLE} are kept; one the server closed is dropped).
   */
  public Connection connection() throws SQLException {
    Connection physical = idle.pollFirst();
    return pooled(physical != null ? physical : DriverManager.getConnection(jdbcUrl));
  }

  private Connection pooled(Connection physical) {
    AtomicBoolean closed = new AtomicBoolean();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "close" -> {
            if (closed.compareAndSet(false, true)) {
              handBack(physical);
            }
            yield null;
          }
          case "isClosed" -> closed.get() || physical.isClosed();
          default -> {
            if (closed.get()) {
              throw new SQLException("this connection was closed");
            }
            try {
              yield method.invoke(physical, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          }
        });
  }

  private void handBack(Connection physical) throws SQLException {
    try {
      if (!physical.isClosed() && !physical.getAutoCommit()) {
        physical.rollback();
        physical.setAutoCommit(true);
      }
      if (!physical.isClosed() && idle.size() < MAX_IDLE) {
        idle.offerFirst(physical);
        return;
      }
    } catch (SQLException broken) {
      // Not fit to hand out again: closed below.
    }
    physical.close();
  }

  /**
   * Applies the migrations at {@code location} that the database lacks, after checking the applied
   * ones against their files. A database made before Flyway (a {@code schema_migrations} table and
   * no Flyway history) starts Flyway at the highest version that table records.
   */
  static MigrateResult migrate(String jdbcUrl, String location) throws SQLException {
    FluentConfiguration flyway = Flyway.configure()
        .dataSource(jdbcUrl, null, null)
        .locations(location)
        .failOnMissingLocations(true)
        .validateOnMigrate(true);
    OptionalInt before = versionBeforeFlyway(jdbcUrl);
    if (before.isPresent()) {
      flyway.baselineOnMigrate(true)
          .baselineVersion(Integer.toString(before.getAsInt()))
          .baselineDescription("applied before Flyway (schema_migrations)");
    }
    try {
      return flyway.load().migrate();
    } catch (FlywayValidateException e) {
      throw new IllegalStateException("the review database " + redacted(jdbcUrl) + " does not match this build's"
          + " migrations: an applied migration file was changed, or is gone. Restore it and put the change in a"
          + " new V<n>__ file. " + e.getMessage(), e);
    }
  }

  /** The highest version in {@code schema_migrations}, if the database has that table and no Flyway history. */
  private static OptionalInt versionBeforeFlyway(String jdbcUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement statement = c.createStatement()) {
      try (ResultSet tables = statement.executeQuery("SELECT to_regclass('schema_migrations') IS NOT NULL"
          + " AND to_regclass('flyway_schema_history') IS NULL")) {
        tables.next();
        if (!tables.getBoolean(1)) {
          return OptionalInt.empty();
        }
      }
      try (ResultSet highest = statement.executeQuery("SELECT max(version) FROM schema_migrations")) {
        highest.next();
        int version = highest.getInt(1);
        return highest.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
      }
    }
  }

  /** The URL without its query (where a password would be), for logs and messages. */
  public String describe() {
    return redacted(jdbcUrl);
  }

  private static String redacted(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
