package org.chengxin.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One query on the case page's in-process DuckDB: its column labels and rows, the values as JDBC gives them. */
record DuckQuery(List<String> columns, List<List<Object>> rows) {

  /** Runs {@code sql} with {@code parameters} bound in order. */
  static DuckQuery run(Connection duck, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = duck.prepareStatement(sql)) {
      return of(statement, parameters);
    }
  }

  /** Runs a prepared {@code statement} with {@code parameters} bound in order; the statement stays open. */
  static DuckQuery of(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
    statement.setObject(i + 1, parameters[i]);
    }
    try (ResultSet result = statement.executeQuery()) {
    ResultSetMetaData meta = result.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (result.next()) {
      List<Object> row = new ArrayList<>(columns.size());
      for (int i = 1; i <= columns.size(); i++) {
        row.add(result.getObject(i));
      }
      rows.add(row);
    }
    return new DuckQuery(columns, rows);
    }
  }

  /** The rows as the page's text: a null is empty. */
  List<List<String>> text() {
    return rows.stream().map(row -> row.stream().map(v -> v == null ? "" : v.toString()).toList()).toList();
  }
}
