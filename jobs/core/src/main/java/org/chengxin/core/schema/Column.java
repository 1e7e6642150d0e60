package org.chengxin.core.schema;

import java.util.Objects;

/**
 * One documented column of a table.
 *
 * @param name column name, snake_case
 * @param type storage type
 * @param nullable whether the column may be null
 * @param unit unit of measure or format, empty when none applies
 * @param meaning what the value means, in the domain's words
 */
public record Column(String name, ColumnType type, boolean nullable, String unit, String meaning) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(meaning, "meaning");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column names are snake_case: " + name);
    }
  }

  public static Column required(String name, ColumnType type, String unit, String meaning) {
    return new Column(name, type, false, unit, meaning);
  }

  public static Column optional(String name, ColumnType type, String unit, String meaning) {
    return new Column(name, type, true, unit, meaning);
  }
}
