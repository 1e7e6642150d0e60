package org.chengxin.console;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * The console's one in-memory DuckDB, over which every request reads the warehouse's Parquet with a
 * connection of its own (its temporary tables its own too): starting a DuckDB costs tens of
 * milliseconds, a connection to a running one almost nothing.
 */
final class Duck implements AutoCloseable {
  private final DuckDBConnection database;

  Duck() throws SQLException {
    database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    // Each request's thread runs its own small queries: DuckDB's own workers only contend with the
    // other requests for the cores (measured: case page p95 1,111 ms with them, 787 ms without).
    try (Statement settings = database.createStatement()) {
      settings.execute("SET threads = 1");
    }
  }

  /** A new connection to the database, for one request: close it after. */
  Connection connect() throws SQLException {
    return database.duplicate();
  }

  @Override
  public void close() throws SQLException {
    database.close();
  }
}
