package org.chengxin.jobs.frame;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.ColumnType;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.jobs.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkWarehouseTest {
  private static final TableSchema TABLE = new TableSchema("rater_scores", "a two-column table", List.of(Column.required("rater_id", ColumnType.STRING, "", "rater"), Column.required("reliability", ColumnType.DOUBLE, "", "weight")));
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static SparkSession spark;

  @TempDir Path root;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void writesADayAndReadsItBackWithItsSchemaAndDay() {
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root.toString());
    assertEquals(2, warehouse.writeDay(TABLE, DAY, raters(2)));
    Dataset<Row> back = warehouse.read(TABLE, null, DAY);
    assertEquals(SparkSchemas.withPartition(TABLE).simpleString(), back.schema().simpleString());
    assertEquals(List.of(DAY), warehouse.days(TABLE));
    assertEquals(2, back.where(col("ds").equalTo(lit(java.sql.Date.valueOf(DAY)))).count());
    assertEquals(0, warehouse.read(TABLE, DAY.plusDays(1), DAY.plusDays(2)).count());
  }

  @Test
  void reRunningADayReplacesItsPartition() {
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root.toString());
    warehouse.writeDay(TABLE, DAY, raters(5));
    warehouse.writeDay(TABLE, DAY, raters(3));
    assertEquals(3, warehouse.read(TABLE, DAY, DAY).count());
  }

  @Test
  void outputThatDriftsFromTheDocumentedSchemaIsRefused() {
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root.toString());
    Dataset<Row> swapped = raters(2).select(col("reliability"), col("rater_id"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> warehouse.writeDay(TABLE, DAY, swapped));
    assertTrue(e.getMessage().contains("column 1: documented rater_id string, got reliability double"), e.getMessage());
    Dataset<Row> wrongType = raters(2).withColumn("reliability", col("reliability").cast("float"));
    assertThrows(IllegalStateException.class, () -> warehouse.writeDay(TABLE, DAY, wrongType));
  }

  /** A run that dies while writing (a task fails after others wrote files) leaves the live partition as it was. */
  @Test
  void aRunKilledMidWriteLeavesThePreviousPartitionIntact() throws Exception {
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root.toString());
    warehouse.writeDay(TABLE, DAY, raters(3));
    // 1,000 rows over 4 tasks; the very last row breaks a required column, so its task fails late.
    Dataset<Row> failing =
        spark.range(0, 1000, 1, 4).select(
            when(col("id").equalTo(999), lit(null).cast("string")).otherwise(col("id").cast("string")).as("rater_id"),
            lit(0.5).as("reliability"));
    Exception e = assertThrows(Exception.class, () -> warehouse.writeDay(TABLE, DAY, failing));
    assertTrue(String.valueOf(e.getMessage()).contains("rater_scores.rater_id is required but null")
        || String.valueOf(e.getCause()).contains("rater_scores.rater_id is required but null"), String.valueOf(e));
    assertEquals(3, warehouse.read(TABLE, DAY, DAY).count());
    Path staging = root.resolve("_staging").resolve(TABLE.name()).resolve("ds=" + DAY);
    assertTrue(!Files.exists(staging) || Files.list(staging).findAny().isEmpty(), "staging was cleaned up");
  }

  @Test
  void writesEveryDayARecomputeCovers() {
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root.toString());
    Dataset<Row> twoDays =
        raters(4).withColumn("ds", when(col("rater_id").lt("r2"), lit(java.sql.Date.valueOf(DAY)))
            .otherwise(lit(java.sql.Date.valueOf(DAY.plusDays(1)))));
    assertEquals(4, warehouse.writeDays(TABLE, DAY.plusDays(1), twoDays));
    assertEquals(List.of(DAY, DAY.plusDays(1)), warehouse.days(TABLE));
    assertEquals(2, warehouse.read(TABLE, DAY, DAY).count());
  }

  private static Dataset<Row> raters(int n) {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create("r" + i, 1.0 / (i + 1)));
    }
    return spark.createDataFrame(rows, SparkSchemas.of(TABLE)).select(col("rater_id"), col("reliability").cast(DataTypes.DoubleType));
  }
}
