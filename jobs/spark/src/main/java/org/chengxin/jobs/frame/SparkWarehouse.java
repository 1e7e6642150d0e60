package org.chengxin.jobs.frame;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.warehouse.HadoopWarehouseFileSystem;
import org.chengxin.core.warehouse.Warehouse;

/**
 * Reads and writes warehouse tables from Spark with their documented schemas. Reads return the
 * stored columns plus {@code ds}; writes go to a staging directory first and are swapped in by
 * {@link Warehouse#commitPartition}, so a failed write leaves the live partition as it was.
 */
public final class SparkWarehouse {
  private static final String DS_PREFIX = TableSchema.PARTITION_COLUMN + "=";

  private final SparkSession spark;
  private final Warehouse warehouse;

  public SparkWarehouse(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** Opens the warehouse at {@code root} ({@link HadoopWarehouseFileSystem#open}) with the session's Hadoop settings. */
  public static SparkWarehouse open(SparkSession spark, String root) {
    return new SparkWarehouse(spark, HadoopWarehouseFileSystem.open(root, spark.sparkContext().hadoopConfiguration()));
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public SparkSession spark() {
    return spark;
  }

  /** The days a table has partitions for, ascending. */
  public List<LocalDate> days(TableSchema table) {
    return warehouse.days(table.name());
  }

  /** The latest partition day at or before {@code day}, if any. */
  public Optional<LocalDate> latest(TableSchema table, LocalDate day) {
    return days(table).stream().filter(d -> !d.isAfter(day)).reduce((a, b) -> b);
  }

  /**
   * The partitions from {@code from} (null: the first) to {@code to}, inclusive, with the documented
   * columns plus {@code ds}; an empty table with that schema when none exist.
   */
  public Dataset<Row> read(TableSchema table, LocalDate from, LocalDate to) {
    List<String> paths = new ArrayList<>();
    for (LocalDate day : days(table)) {
      if ((from == null || !day.isBefore(from)) && !day.isAfter(to)) {
        paths.add(warehouse.partitionPath(table.name(), day));
      }
    }
    if (paths.isEmpty()) {
      return empty(table);
    }
    return spark.read()
        .schema(SparkSchemas.withPartition(table))
        .option("basePath", warehouse.tablePath(table.name()))
        .parquet(paths.toArray(String[]::new));
  }

  /** No rows, with the table's columns plus {@code ds}. */
  public Dataset<Row> empty(TableSchema table) {
    return spark.createDataFrame(List.of(), SparkSchemas.withPartition(table));
  }

  /** Writes {@code rows} as the table's partition for {@code day}, replacing it atomically. */
  public long writeDay(TableSchema table, LocalDate day, Dataset<Row> rows) {
    Dataset<Row> conformed = conform(table, rows, false);
    warehouse.discardAbandonedStaging(table.name(), day);
    String staging = warehouse.newStagingPath(table.name(), day);
    try {
      conformed.write().mode(SaveMode.Overwrite).parquet(staging);
      long written = spark.read().schema(SparkSchemas.of(table)).parquet(staging).count();
      warehouse.commitPartition(table.name(), day, staging);
      return written;
    } catch (RuntimeException e) {
      warehouse.discardStaging(staging);
      throw e;
    }
  }

  /**
   * Writes rows carrying a {@code ds} column as one partition per day they cover, each swapped in
   * atomically (used by full recomputes that rewrite history). Days without rows are left as they are.
   */
  public long writeDays(TableSchema table, LocalDate stagingDay, Dataset<Row> rowsWithDay) {
    Dataset<Row> conformed = conform(table, rowsWithDay, true);
    warehouse.discardAbandonedStaging(table.name(), stagingDay);
    String staging = warehouse.newStagingPath(table.name(), stagingDay);
    try {
      conformed.write().mode(SaveMode.Overwrite).partitionBy(TableSchema.PARTITION_COLUMN).parquet(staging);
      long written = spark.read().schema(SparkSchemas.withPartition(table)).parquet(staging).count();
      for (String name : warehouse.fileSystem().list(staging)) {
        if (name.startsWith(DS_PREFIX)) {
          warehouse.commitPartition(table.name(), LocalDate.parse(name.substring(DS_PREFIX.length())), staging + "/" + name);
        }
      }
      return written;
    } finally {
      warehouse.discardStaging(staging);
    }
  }

  /**
   * The rows in documented column order after checking names and types, with every required
   * column guarded so a null fails the write instead of landing in the table.
   */
  private static Dataset<Row> conform(TableSchema table, Dataset<Row> rows, boolean keepDay) {
    SparkSchemas.requireConforms(table, rows.drop(TableSchema.PARTITION_COLUMN).schema());
    List<org.apache.spark.sql.Column> columns = new ArrayList<>();
    for (Column column : table.columns()) {
      StructField field = rows.schema().apply(column.name());
      org.apache.spark.sql.Column value = rows.col(column.name());
      if (!column.nullable() && field.nullable()) {
        value = when(value.isNull(), raise_error(lit(table.name() + "." + column.name() + " is required but null")))
            .otherwise(value);
      }
      columns.add(value.as(column.name()));
    }
    if (keepDay) {
      columns.add(rows.col(TableSchema.PARTITION_COLUMN));
    }
    return rows.select(columns.toArray(org.apache.spark.sql.Column[]::new));
  }
}
