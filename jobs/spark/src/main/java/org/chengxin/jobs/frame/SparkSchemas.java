package org.chengxin.jobs.frame;

import java.util.ArrayList;
import java.util.List;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.ColumnType;
import org.chengxin.core.schema.TableSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The documented table schemas ({@link TableSchema}) as Spark types. */
public final class SparkSchemas {

  private SparkSchemas() {}

  public static DataType dataType(ColumnType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case DATE -> DataTypes.DateType;
      case STRING_ARRAY -> DataTypes.createArrayType(DataTypes.StringType, true);
    };
  }

  /** A column's type: its {@link ColumnType}, or an array of structs for a list of records. */
  public static DataType dataType(Column column) {
    if (!column.isRecords()) {
      return dataType(column.type());
    }
    return DataTypes.createArrayType(fieldsOf(column.fields()), false);
  }

  private static StructType fieldsOf(List<Column> columns) {
    List<StructField> fields = new ArrayList<>();
    for (Column column : columns) {
      fields.add(DataTypes.createStructField(column.name(), dataType(column), column.nullable()));
    }
    return DataTypes.createStructType(fields);
  }

  /** The stored columns, in file order. */
  public static StructType of(TableSchema table) {
    return fieldsOf(table.columns());
  }

  /** The stored columns plus the {@code ds} day partition, as a table reads back. */
  public static StructType withPartition(TableSchema table) {
    return of(table).add(TableSchema.PARTITION_COLUMN, DataTypes.DateType, false);
  }

  /**
   * Fails when {@code actual} drifts from the documented columns: names, order and types must
   * match exactly (nullability is enforced on the data when written).
   */
  public static void requireConforms(TableSchema table, StructType actual) {
    List<String> problems = new ArrayList<>();
    StructField[] fields = actual.fields();
    List<Column> columns = table.columns();
    for (int i = 0; i < Math.max(fields.length, columns.size()); i++) {
      String expected = i < columns.size() ? describe(columns.get(i)) : "(nothing)";
      String found = i < fields.length ? fields[i].name() + " " + fields[i].dataType().simpleString() : "(nothing)";
      if (!expected.equals(found)) {
        problems.add("column " + (i + 1) + ": documented " + expected + ", got " + found);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "output of " + table.name() + " drifts from its documented schema (docs/tables.md): " + String.join("; ", problems));
    }
  }

  private static String describe(Column column) {
    return column.name() + " " + dataType(column).simpleString();
  }
}
