package org.chengxin.core.schema;

/** Column types of Chengxin tables, as they appear in Parquet and in Spark. */
public enum ColumnType {
  /** UTF-8 string. */
  STRING("string"),
  /** 32-bit signed integer. */
  INT("int"),
  /** 64-bit signed integer. */
  LONG("bigint"),
  /** IEEE 754 double. */
  DOUBLE("double"),
  BOOLEAN("boolean"),
  /** Instant, UTC, millisecond precision. */
  TIMESTAMP("timestamp"),
  /** Calendar day (no time zone). */
  DATE("date"),
  /** List of strings. */
  STRING_ARRAY("array<string>");

  private final String sqlName;

  ColumnType(String sqlName) {
    this.sqlName = sqlName;
  }

  /** The type as Spark SQL and the docs name it. */
  public String sqlName() {
    return sqlName;
  }
}
