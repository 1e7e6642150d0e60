package org.chengxin.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server thread's reader of the console's DuckDB: a connection of its own and the statements it
 * prepared, kept for the thread's life. A case page asks a handful of small questions whose text
 * repeats from seller to seller (the seller is a parameter, the copies' names stay until a day is
 * re-run): preparing one costs DuckDB as much as running it (measured on the sample warehouse: 1.5
 * ms a question prepared each time, 0.7 ms reusing the statement).
 */
final class DuckReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DuckReader.class);
  // A page's questions and their variants for a few days' copies; a statement on a dropped copy ages out.
  private static final int STATEMENTS = 64;

  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() <= STATEMENTS) {
        return false;
      }
      closeQuietly(eldest.getValue());
      return true;
    }
  };

  DuckReader(Connection connection) {
    this.connection = connection;
  }

  /** Runs {@code sql} with {@code parameters} bound in order, on a statement prepared once. */
  DuckQuery query(String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = prepared.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      prepared.put(sql, statement);
    }
    try {
      return DuckQuery.of(statement, parameters);
    } catch (SQLException e) {
      // A statement on a copy dropped since is prepared again next time (from the new text, or the same if it failed for another reason).
      prepared.remove(sql);
      closeQuietly(statement);
      throw e;
    }
  }

  @Override
  public void close() {
    prepared.values().forEach(DuckReader::closeQuietly);
    prepared.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing a DuckDB reader failed: {}", e.getClass().getName());
    }
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      LOG.warn("closing a DuckDB statement failed: {}", e.getClass().getName());
    }
  }
}
