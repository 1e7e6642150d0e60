package org.chengxin.core.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table's documented schema. Every table is partitioned by day as {@code ds=YYYY-MM-DD}; the
 * partition column is not stored in the files, so it is not listed among the columns.
 *
 * @param name table name, which is also its directory under the warehouse
 * @param description what one row is and who reads the table
 * @param columns the stored columns, in file order
 */
public record TableSchema(String name, String description, List<Column> columns) {

  /** Name of the Hive-style day partition directory key. */
  public static final String PARTITION_COLUMN = "ds";

  public TableSchema {
    columns = List.copyOf(columns);
    Set<String> seen = new HashSet<>();
    for (Column column : columns) {
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException(name + ": duplicate column " + column.name());
      }
      if (column.name().equals(PARTITION_COLUMN)) {
        throw new IllegalArgumentException(name + ": ds is the partition key, not a column");
      }
    }
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public int indexOf(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + columnName);
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>(columns.size());
    columns.forEach(c -> names.add(c.name()));
    return names;
  }
}
