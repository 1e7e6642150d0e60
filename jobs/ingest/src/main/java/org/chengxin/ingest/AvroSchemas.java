package org.chengxin.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.TableSchema;

/**
 * The Avro schema Parquet files of a table are written with, derived from its documented
 * {@link TableSchema}: timestamps as {@code timestamp-millis} longs (Parquet TIMESTAMP(MILLIS, UTC),
 * which Spark reads as TimestampType), days as {@code date} ints, nullable columns as unions with
 * null.
 */
public final class AvroSchemas {
  private static final String NAMESPACE = "org.chengxin.tables";

  private AvroSchemas() {}

  public static Schema of(TableSchema table) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Column column : table.columns()) {
      Schema type = typeOf(column);
      if (column.nullable()) {
        fields.add(new Schema.Field(column.name(), Schema.createUnion(Schema.create(Schema.Type.NULL), type),
            column.meaning(), Schema.Field.NULL_DEFAULT_VALUE));
      } else {
        fields.add(new Schema.Field(column.name(), type, column.meaning()));
      }
    }
    return Schema.createRecord(table.name(), table.description(), NAMESPACE, false, fields);
  }

  /** The schema of some of a table's columns, in the order given: a Parquet read projection. */
  public static Schema projection(TableSchema table, List<String> columns) {
    return of(new TableSchema(table.name(), table.description(),
        columns.stream().map(c -> table.column(c).orElseThrow()).toList()));
  }

  private static Schema typeOf(Column column) {
    return switch (column.type()) {
      case STRING -> Schema.create(Schema.Type.STRING);
      case INT -> Schema.create(Schema.Type.INT);
      case LONG -> Schema.create(Schema.Type.LONG);
      case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case STRING_ARRAY -> SchemaBuilder.array().items().stringType();
    };
  }
}
