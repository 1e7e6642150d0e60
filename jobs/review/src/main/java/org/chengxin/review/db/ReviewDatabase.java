package org.chengxin.review.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where the review queue lives: a PostgreSQL server reached by JDBC URL, or by default the
 * embedded server of a warehouse ({@link EmbeddedPostgres#inWarehouse}). Opening it applies the
 * schema migrations; {@link #connection()} hands out plain JDBC connections.
 */
public final class ReviewDatabase {
  private final String jdbcUrl;

  private ReviewDatabase(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** The server at {@code jdbcUrl} (credentials go in the URL's user and password parameters). */
  public static ReviewDatabase at(String jdbcUrl) throws SQLException {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("the review queue needs a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB?user=U), got '"
          + redacted(jdbcUrl) + "'");
    }
    ReviewDatabase db = new ReviewDatabase(jdbcUrl);
    try (Connection connection = db.connection()) {
      Migrations.apply(connection);
    }
    return db;
  }

  /** {@code jdbcUrl} when given, else the warehouse's embedded server, started if it is not running. */
  public static ReviewDatabase open(Optional<String> jdbcUrl, Path warehouse) throws SQLException {
    return at(jdbcUrl.orElseGet(() -> EmbeddedPostgres.inWarehouse(warehouse).start()));
  }

  public Connection connection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl);
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
