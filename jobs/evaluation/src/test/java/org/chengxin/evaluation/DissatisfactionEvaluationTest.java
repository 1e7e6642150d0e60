package org.chengxin.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DissatisfactionEvaluationTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  @TempDir Path truth;
  @TempDir Path warehouseRoot;

  @Test
  void comparesShrunkAndRawRatesWithTheTruth() throws Exception {
    // Only the columns the evaluation reads, in a partition where the job writes it.
    StructType schema = new StructType()
        .add("scope", DataTypes.StringType).add("scope_id", DataTypes.StringType)
        .add("window_days", DataTypes.IntegerType).add("trades", DataTypes.LongType).add("upheld", DataTypes.LongType)
        .add("rate", DataTypes.DoubleType).add("target_met", DataTypes.BooleanType).add("shrunk_rate", DataTypes.DoubleType)
        .add("shrunk_lower", DataTypes.DoubleType).add("shrunk_upper", DataTypes.DoubleType)
        .add("flagged_trades", DataTypes.LongType);
    Warehouse warehouse = Warehouse.local(warehouseRoot.toString());
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    try {
      spark.createDataFrame(List.of(
              // s1 (flagged): raw 1e-3 (error 9e-4), shrunk 2e-4 (error 1e-4), interval misses the truth 1e-4;
              // s2: raw 0 (error 1e-4), shrunk 1e-4 (error 0), interval holds it
              RowFactory.create("seller", "s1", 90, 1_000L, 1L, 1e-3, false, 2e-4, 1.5e-4, 5e-4, 1_000L),
              RowFactory.create("seller", "s2", 90, 1_000L, 0L, 0.0, false, 1e-4, 0.0, 3e-4, 0L),
              RowFactory.create("seller", "s3", 90, 0L, 0L, null, false, 1e-4, 0.0, 1.0, 0L), // no trades: left out
              RowFactory.create("seller", "s1", 7, 10L, 1L, 0.1, false, 5e-4, 0.0, 1.0, 10L), // another window: left out
              RowFactory.create("platform", "platform", 90, 2_000L, 1L, 5e-4, false, null, null, null, 1_000L)),
              schema)
          .write().parquet(warehouse.partitionPath("dissatisfaction", DAY));
      Files.writeString(truth.resolve("seller_truth.csv"),
          "seller_id,category,true_dissatisfaction_rate,kind,trades_emitted,popularity_rank\n"
              + "s1,books,1e-4,counterfeit,1000,1\ns2,books,1e-4,honest,1000,2\ns3,books,1e-4,honest,0,3\n");

      Metrics metrics = new Metrics();
      new DissatisfactionEvaluation().measure(new EvaluationContext(truth, warehouse, DAY), metrics);
      double raw = (9e-4 * 9e-4 + 1e-4 * 1e-4) / 2;
      double shrunk = (1e-4 * 1e-4) / 2;
      assertEquals(2L, metrics.get("dissatisfaction.sellers"));
      assertEquals(raw, (Double) metrics.get("dissatisfaction.raw_mse"), 1e-15);
      assertEquals(shrunk / raw, (Double) metrics.get("dissatisfaction.shrunk_mse_ratio"), 1e-9);
      assertEquals(0.0, (Double) metrics.get("dissatisfaction.shrunk_mse_ratio_honest"), 1e-12, "s2 alone: shrunk is exact");
      assertEquals((1e-4 * 1e-4) / (9e-4 * 9e-4), (Double) metrics.get("dissatisfaction.shrunk_mse_ratio_flagged"), 1e-9,
          "s1 alone");
      assertEquals(1L, metrics.get("dissatisfaction.flagged_sellers"));
      assertEquals(0.5, (Double) metrics.get("dissatisfaction.interval_coverage"), 1e-12, "s2's interval holds, s1's misses");
      assertEquals(5e-4, metrics.get("dissatisfaction.platform_rate"));
      assertEquals(false, metrics.get("dissatisfaction.platform_target_met"));
    } finally {
      spark.stop();
    }
  }

  @Test
  void reportsNullsWhenTheJobDidNotRun() {
    Metrics metrics = new Metrics();
    new DissatisfactionEvaluation().measure(new EvaluationContext(truth, Warehouse.local(warehouseRoot.toString()), DAY), metrics);
    assertNull(metrics.get("dissatisfaction.shrunk_mse_ratio"));
    assertNull(metrics.get("dissatisfaction.platform_target_met"));
    assertEquals(10, metrics.toJson().split(",").length);
  }
}
