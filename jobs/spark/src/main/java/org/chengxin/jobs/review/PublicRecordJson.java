package org.chengxin.jobs.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.PublicRecordTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.warehouse.Warehouse;

/**
 * A partition of seller_public_record as JSON objects, read from its Parquet files directly (no
 * Spark: a storefront's export starts in a second). Each object has the table's columns as fields,
 * in order and all present ({@code null} when null), days as ISO dates, the violations as a list of
 * objects: what Spark's {@code to_json} gives for the same row.
 */
final class PublicRecordJson {
  private static final TableSchema TABLE = PublicRecordTables.SELLER_PUBLIC_RECORD;
  private static final JsonFactory JSON = new JsonFactory();

  private PublicRecordJson() {}

  /** Every row of the day's partition as one line of JSON, by seller id. */
  static SortedMap<String, String> bySeller(Warehouse warehouse, Configuration conf, LocalDate day) {
    String partition = warehouse.partitionPath(TABLE.name(), day);
    TreeMap<String, String> bySeller = new TreeMap<>();
    for (String name : warehouse.fileSystem().list(partition)) {
      if (!name.endsWith(".parquet")) {
        continue; // _SUCCESS, checksums
      }
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
          new org.apache.hadoop.fs.Path(partition + "/" + name)).withConf(conf).build()) {
        for (Group row = reader.read(); row != null; row = reader.read()) {
          bySeller.put(row.getString("seller_id", 0), json(row));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + partition + "/" + name, e);
      }
    }
    return bySeller;
  }

  private static String json(Group row) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      write(out, TABLE.columns(), row);
    }
    return text.toString();
  }

  private static void write(JsonGenerator out, List<Column> columns, Group group) throws IOException {
    out.writeStartObject();
    for (Column column : columns) {
      out.writeFieldName(column.name());
      int field = group.getType().getFieldIndex(column.name());
      if (group.getFieldRepetitionCount(field) == 0) {
        out.writeNull();
      } else if (column.isRecords()) {
        // Parquet's list: the LIST group repeats "list", each holding one "element".
        Group list = group.getGroup(field, 0);
        out.writeStartArray();
        for (int i = 0; i < list.getFieldRepetitionCount(0); i++) {
          write(out, column.fields(), list.getGroup(0, i).getGroup(0, 0));
        }
        out.writeEndArray();
      } else {
        switch (column.type()) {
          case STRING -> out.writeString(group.getString(field, 0));
          case INT -> out.writeNumber(group.getInteger(field, 0));
          case LONG -> out.writeNumber(group.getLong(field, 0));
          case DOUBLE -> out.writeNumber(group.getDouble(field, 0));
          case BOOLEAN -> out.writeBoolean(group.getBoolean(field, 0));
          case DATE -> out.writeString(LocalDate.ofEpochDay(group.getInteger(field, 0)).toString());
          default -> throw new IllegalStateException(TABLE.name() + "." + column.name() + ": no " + column.type() + " columns expected");
        }
      }
    }
    out.writeEndObject();
  }
}
