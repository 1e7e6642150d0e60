package org.chengxin.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
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
 * One byte of null flag, then the value by column type. The columns the event carries anyway
 * ({@link #FROM_EVENT}: lineage and trade_known) are not packed; {@link #decode} takes them from
 * the {@link ValidEvent}. Not thread-safe (it reuses its buffers).
 */
public final class RowCodec {
  /** Columns filled from the event's own fields rather than packed. */
  static final Set<String> FROM_EVENT = Set.of("source_file", "source_line", "trade_known");

  private final TableSchema table;
  private final ColumnType[] types;
  private final int sourceFile;
  private final int sourceLine;
  private final int tradeKnown;
  private final DataOutputSerializer out = new DataOutputSerializer(512);
  private final DataInputDeserializer in = new DataInputDeserializer();

  public RowCodec(TableSchema table) {
    this.table = table;
    List<Column> columns = table.columns();
    this.types = new ColumnType[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = FROM_EVENT.contains(columns.get(i).name()) ? null : columns.get(i).type();
    }
    this.sourceFile = table.indexOf("source_file");
    this.sourceLine = table.indexOf("source_line");
    this.tradeKnown = table.column("trade_known").isPresent() ? table.indexOf("trade_known") : -1;
  }

  public TableSchema table() {
    return table;
  }

  public byte[] encode(Object[] values) {
    out.clear();
    try {
      for (int i = 0; i < types.length; i++) {
        if (types[i] == null) {
          continue;
        }
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

  /** Unpacks an event's row into {@code target} (a record of this table's Avro schema), overwriting every field. */
  public GenericRecord decode(ValidEvent event, GenericData.Record target) {
    in.setBuffer(event.row);
    target.put(sourceFile, event.sourceFile);
    target.put(sourceLine, event.sourceLine);
    if (tradeKnown >= 0) {
      target.put(tradeKnown, event.tradeKnown);
    }
    try {
      for (int i = 0; i < types.length; i++) {
        if (types[i] == null) {
          continue;
        }
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
