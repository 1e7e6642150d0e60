package org.chengxin.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.ColumnType;
import org.chengxin.core.schema.TableSchema;

/**
 * Packs a validated row (the validator's values, in column order) into a compact byte array for
 * the trip through Flink's shuffles, and unpacks it into an Avro record for the Parquet writer.
 * One byte of null flag, then the value by column type. Not thread-safe (it reuses its buffers).
 */
public final class RowCodec {
  private final TableSchema table;
  private final ColumnType[] types;
  private final DataOutputSerializer out = new DataOutputSerializer(512);
  private final DataInputDeserializer in = new DataInputDeserializer();

  public RowCodec(TableSchema table) {
    this.table = table;
    List<Column> columns = table.columns();
    this.types = new ColumnType[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = columns.get(i).type();
    }
  }

  public TableSchema table() {
    return table;
  }

  public byte[] encode(Object[] values) {
    out.clear();
    try {
      for (int i = 0; i < types.length; i++) {
        Object value = values[i];
        out.writeBoolean(value != null);
        if (value == null) {
          continue;
        }
        switch (types[i]) {
          case STRING -> out.writeUTF((String) value);
          case INT, DATE -> out.writeInt((Integer) value);
          case LONG, TIMESTAMP -> out.writeLong((Long) value);
          case DOUBLE -> out.writeDouble((Double) value);
          case BOOLEAN -> out.writeBoolean((Boolean) value);
          case STRING_ARRAY -> throw new IllegalArgumentException(table.name() + ": event rows have no arrays");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.getCopyOfBuffer();
  }

  /** Unpacks into {@code target} (a record of this table's Avro schema), overwriting every field. */
  public GenericRecord decode(byte[] row, GenericData.Record target) {
    in.setBuffer(row);
    try {
      for (int i = 0; i < types.length; i++) {
        if (!in.readBoolean()) {
          target.put(i, null);
          continue;
        }
        target.put(i, switch (types[i]) {
          case STRING -> in.readUTF();
          case INT, DATE -> in.readInt();
          case LONG, TIMESTAMP -> in.readLong();
          case DOUBLE -> in.readDouble();
          case BOOLEAN -> in.readBoolean();
          case STRING_ARRAY -> throw new IllegalArgumentException(table.name() + ": event rows have no arrays");
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt " + table.name() + " row", e);
    }
    return target;
  }
}
