package org.chengxin.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.warehouse.Warehouse;

/**
 * Reads Parquet tables of a local warehouse for evaluations that compare detector outputs with
 * truth, through the one embedded Spark session every evaluation of a run shares ({@link #session}).
 */
final class WarehouseTables {
  private final SparkSession spark;
  private final Warehouse warehouse;

  WarehouseTables(Warehouse warehouse) {
    this.warehouse = warehouse;
    this.spark = session();
  }

  /** The evaluation run's Spark session, started by the first evaluation that needs one; it ends with the JVM. */
  static SparkSession session() {
    return SparkSession.builder().appName("chengxin-evaluate").master("local[2]")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  SparkSession spark() {
    return spark;
  }

  /** The table's partition of {@code day}, if it exists. */
  Optional<Dataset<Row>> day(TableSchema table, LocalDate day) {
    Path path = Path.of(warehouse.partitionPath(table.name(), day));
    return Files.isDirectory(path) ? Optional.of(spark.read().parquet(path.toString())) : Optional.empty();
  }

  /** Every partition of the table up to {@code day}, if any. */
  Optional<Dataset<Row>> upTo(TableSchema table, LocalDate day) {
    List<String> paths = new ArrayList<>();
    for (String name : warehouse.fileSystem().list(warehouse.tablePath(table.name()))) {
      if (name.startsWith("ds=") && name.substring(3).compareTo(day.toString()) <= 0) {
        paths.add(warehouse.tablePath(table.name()) + "/" + name);
      }
    }
    return paths.isEmpty() ? Optional.empty() : Optional.of(spark.read().parquet(paths.toArray(String[]::new)));
  }
}
