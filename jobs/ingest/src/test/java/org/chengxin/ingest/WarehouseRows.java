package org.chengxin.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/** Reads committed Parquet rows back from a test warehouse (hidden in-progress files are skipped). */
final class WarehouseRows {
  private WarehouseRows() {}

  /** Every row of a table, all ds partitions, or of one partition when ds is given. */
  static List<GenericRecord> read(java.nio.file.Path warehouse, String table, String ds) {
    List<GenericRecord> rows = new ArrayList<>();
    CommittedRows.forEach(warehouse, table, ds, null, rows::add);
    return rows;
  }

  /** Rows as sorted strings, for comparing runs. */
  static List<String> canonical(List<GenericRecord> rows) {
    return rows.stream().map(GenericRecord::toString).sorted().toList();
  }
}
