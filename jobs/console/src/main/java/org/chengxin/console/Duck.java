package org.chengxin.console;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * The console's one in-memory DuckDB, over which every server thread reads the warehouse's Parquet
 * with a reader of its own ({@link DuckReader}: a connection and its prepared statements): starting
 * a DuckDB costs tens of milliseconds, a connection to a running one almost nothing.
 */
final class Duck implements AutoCloseable {
  private final DuckDBConnection database;
  // The server's threads are few and live as long as it: a reader each, its statements prepared once.
  private final ThreadLocal<DuckReader> readers = new ThreadLocal<>();
  private final List<DuckReader> everyReader = new ArrayList<>();

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

  /** The calling thread's reader (made at its first call, closed with this database): do not close it. */
  DuckReader reader() throws SQLException {
    DuckReader reader = readers.get();
    if (reader == null) {
      reader = new DuckReader(connect());
      readers.set(reader);
      synchronized (everyReader) {
        everyReader.add(reader);
      }
    }
    return reader;
  }

  @Override
  public void close() throws SQLException {
    synchronized (everyReader) {
      everyReader.forEach(DuckReader::close);
      everyReader.clear();
    }
    database.close();
  }
}
