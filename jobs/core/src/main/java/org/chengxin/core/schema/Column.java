package org.chengxin.core.schema;

import java.util.List;
import java.util.Objects;

/**
 * One documented column of a table: a value of a {@link ColumnType}, or a list of records whose
 * fields are themselves documented columns ({@link #records}).
 *
 * @param name column name, snake_case
 * @param type storage type; null for a list of records (then {@code fields} says what one holds)
 * @param nullable whether the column may be null
 * @param unit unit of measure or format, empty when none applies
 * @param meaning what the value means, in the domain's words
 * @param fields the fields of one record of a list of records, in file order; empty otherwise
 */
public record Column(String name, ColumnType type, boolean nullable, String unit, String meaning, List<Column> fields) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(meaning, "meaning");
    fields = List.copyOf(fields);
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column names are snake_case: " + name);
    }
    if ((type == null) == fields.isEmpty()) {
      throw new IllegalArgumentException(name + ": a column has a type, or (a list of records) fields, not both");
    }
    if (fields.stream().anyMatch(Column::isRecords)) {
      throw new IllegalArgumentException(name + ": records hold plain values, not lists of records");
    }
  }

  public Column(String name, ColumnType type, boolean nullable, String unit, String meaning) {
    this(name, Objects.requireNonNull(type, "type"), nullable, unit, meaning, List.of());
  }

  public static Column required(String name, ColumnType type, String unit, String meaning) {
    return new Column(name, type, false, unit, meaning);
  }

  public static Column optional(String name, ColumnType type, String unit, String meaning) {
    return new Column(name, type, true, unit, meaning);
  }

  /** A required list of records (empty when there are none), each with {@code fields}. */
  public static Column records(String name, String meaning, List<Column> fields) {
    return new Column(name, null, false, "records", meaning, fields);
  }

  /** A list of records rather than a plain value. */
  public boolean isRecords() {
    return type == null;
  }

  /** The type as Spark SQL and the docs name it, e.g. {@code array<struct<day:date,kind:string>>}. */
  public String sqlName() {
    if (!isRecords()) {
      return type.sqlName();
    }
    StringBuilder name = new StringBuilder("array<struct<");
    for (int i = 0; i < fields.size(); i++) {
      name.append(i == 0 ? "" : ",").append(fields.get(i).name()).append(':').append(fields.get(i).sqlName());
    }
    return name.append(">>").toString();
  }
}
