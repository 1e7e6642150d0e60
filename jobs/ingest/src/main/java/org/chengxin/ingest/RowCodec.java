package org.chengxin.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.ColumnType;
import org.chengxin.core.schema.TableSchema;

/**
 * Packs a validated row (the validator's values, in column order) into a compact byte array for
 * the trip through Flink's shuffles, and writes it from those bytes as a Parquet record. A format
 * byte ({@link #FORMAT}), then per column one byte of null flag and the value by column type;
 * strings as a variable-length length (one byte below 128: rows are sorted and spilled whole, so
 * every byte counts) and their UTF-8 bytes, which become Parquet binaries without a String in
 * between. Rows sit in a continuous run's checkpointed state, so a row packed in another format
 * fails loudly instead of being misread. The columns the event carries anyway
 * ({@link #FROM_EVENT}: lineage and trade_known) are not packed; {@link #write} takes them from
 * the {@link ValidEvent}. Not thread-safe (it reuses its buffers).
 */
public final class RowCodec {
  /** Columns filled from the event's own fields rather than packed. */
  static final Set<String> FROM_EVENT = Set.of("source_file", "source_line", "trade_known");
  /**
   * The packing in use. Rows packed before 2026-12-02 (strings in Java's modified UTF-8) had no
   * format byte and start with a null flag, 0 or 1; format 2 had four-byte string lengths.
   */
  static final byte FORMAT = 3;

  private final TableSchema table;
  private final String[] names;
  private final ColumnType[] types;
  private final boolean[] required;
  private final int sourceFile;
  private final int sourceLine;
  private final int tradeKnown;
  private final DataOutputSerializer out = new DataOutputSerializer(512);
  private final DataInputDeserializer in = new DataInputDeserializer();

  public RowCodec(TableSchema table) {
    this.table = table;
    List<Column> columns = table.columns();
    this.names = new String[columns.size()];
    this.types = new ColumnType[columns.size()];
    this.required = new boolean[columns.size()];
    for (int i = 0; i < types.length; i++) {
      names[i] = columns.get(i).name();
      required[i] = !columns.get(i).nullable();
      types[i] = FROM_EVENT.contains(names[i]) ? null : columns.get(i).type();
    }
    this.sourceFile = table.indexOf("source_file");
    this.sourceLine = table.indexOf("source_line");
    this.tradeKnown = table.column("trade_known").isPresent() ? table.indexOf("trade_known") : -1;
  }

  public byte[] encode(Object[] values) {
    out.clear();
    try {
      out.writeByte(FORMAT);
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
          case STRING -> {
            byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
            writeLength(utf8.length);
            out.write(utf8);
          }
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

  /**
   * The values of a packed row, in column order, as the validator gave them; the columns not packed
   * ({@link #FROM_EVENT}) are null. For the few steps that read a row's fields (the revision
   * look-up), not for the hot path.
   */
  public Object[] decode(byte[] row) {
    Object[] values = new Object[types.length];
    in.setBuffer(row);
    try {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException(table.name() + " row packed in format " + format + ", not " + FORMAT);
      }
      for (int i = 0; i < types.length; i++) {
        if (types[i] == null || !in.readBoolean()) {
          continue;
        }
        values[i] = switch (types[i]) {
          case STRING -> {
            int length = readLength();
            String text = new String(row, in.getPosition(), length, StandardCharsets.UTF_8);
            in.skipBytesToRead(length);
            yield text;
          }
          case INT, DATE -> in.readInt();
          case LONG, TIMESTAMP -> in.readLong();
          case DOUBLE -> in.readDouble();
          case BOOLEAN -> in.readBoolean();
          case STRING_ARRAY -> throw new IllegalArgumentException(table.name() + ": event rows have no arrays");
        };
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt " + table.name() + " row", e);
    }
    return values;
  }

  /**
   * Writes an event's row as one Parquet record of this table's schema: the packed columns from
   * its bytes, lineage and trade_known from the event. A null column is left out, which is how
   * Parquet stores a null; a null in a required column fails, as the Avro writer did.
   */
  public void write(ValidEvent event, RecordConsumer consumer) {
    byte[] row = event.row;
    in.setBuffer(row);
    consumer.startMessage();
    try {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalStateException(table.name() + " row packed in format " + format + ", not " + FORMAT
            + ": restored from a checkpoint of an earlier version (docs/ingest.md, Duplicates)");
      }
      for (int i = 0; i < types.length; i++) {
        if (types[i] == null) {
          consumer.startField(names[i], i);
          if (i == sourceFile) {
            consumer.addBinary(Binary.fromString(event.sourceFile));
          } else if (i == sourceLine) {
            consumer.addLong(event.sourceLine);
          } else if (i == tradeKnown) {
            consumer.addBoolean(event.tradeKnown);
          }
          consumer.endField(names[i], i);
          continue;
        }
        if (!in.readBoolean()) {
          if (required[i]) {
            // Parquet would write the null into a column that cannot hold one.
            throw new IllegalStateException(table.name() + "." + names[i] + " is required but null");
          }
          continue;
        }
        consumer.startField(names[i], i);
        switch (types[i]) {
          case STRING -> {
            int length = readLength();
            consumer.addBinary(Binary.fromReusedByteArray(row, in.getPosition(), length));
            in.skipBytesToRead(length);
          }
          case INT, DATE -> consumer.addInteger(in.readInt());
          case LONG, TIMESTAMP -> consumer.addLong(in.readLong());
          case DOUBLE -> consumer.addDouble(in.readDouble());
          case BOOLEAN -> consumer.addBoolean(in.readBoolean());
          case STRING_ARRAY -> throw new IllegalArgumentException(table.name() + ": event rows have no arrays");
        }
        consumer.endField(names[i], i);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt " + table.name() + " row", e);
    }
    consumer.endMessage();
  }

  // Seven bits per byte, low bits first; the high bit says another byte follows.
  private void writeLength(int length) throws IOException {
    int rest = length;
    while (rest >= 0x80) {
      out.writeByte((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    out.writeByte(rest);
  }

  private int readLength() throws IOException {
    int length = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.readUnsignedByte();
      length |= (b & 0x7f) << shift;
      if (b < 0x80) {
        return length;
      }
    }
  }
}
