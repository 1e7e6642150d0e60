package org.chengxin.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.core.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingsEvaluationTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  @TempDir Path truth;
  @TempDir Path warehouseRoot;

  @Test
  void comparesRingMembersWithThePlantedRingsActiveInTheWindow() throws Exception {
    Files.writeString(truth.resolve("rings.csv"),
        "ring_id,seller_ids,buyer_count,first_trade_at,last_trade_at,camouflage\n"
            + "ringA,sA,2,2026-11-01T08:00:00Z,2026-11-01T20:00:00Z,true\n"
            // ended a month before the 30-day window: not expected to be found
            + "ringB,sB,1,2026-09-01T08:00:00Z,2026-09-01T20:00:00Z,false\n");
    Files.writeString(truth.resolve("ring_members.csv"),
        "account_id,role,ring_id,hijacked\nsA,seller,ringA,false\nbA1,buyer,ringA,false\nbA2,buyer,ringA,true\n"
            + "sB,seller,ringB,false\nbB1,buyer,ringB,false\n");
    Files.writeString(truth.resolve("seller_truth.csv"),
        "seller_id,category,true_dissatisfaction_rate,kind,trades_emitted,popularity_rank\n"
            + "p2,books,0,honest,900,2\nsA,books,0,ring,100,3\np1,books,0,honest,1000,1\n");
    Warehouse warehouse = Warehouse.local(warehouseRoot.toString());
    new RunSummaries(warehouse).record(DAY, "rings", JsonNodeFactory.instance.objectNode().put("ring_history_days", "30"));
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    try {
      // Only the columns the evaluation reads, where the job writes them.
      StructType members = new StructType().add("account_id", DataTypes.StringType).add("role", DataTypes.StringType);
      spark.createDataFrame(List.of(
              RowFactory.create("sA", "seller"), RowFactory.create("bA1", "buyer"),
              RowFactory.create("x-honest", "buyer"), RowFactory.create("p1", "seller")), members)
          .write().parquet(warehouse.partitionPath("ring_members", DAY));
      StructType rings = new StructType().add("ring_id", DataTypes.StringType);
      spark.createDataFrame(List.of(RowFactory.create("ring-1"), RowFactory.create("ring-2")), rings)
          .write().parquet(warehouse.partitionPath("rings", DAY));

      Metrics metrics = new Metrics();
      new RingsEvaluation().measure(new EvaluationContext(truth, warehouse, DAY), metrics);
      assertEquals(2.0 / 4, metrics.get("rings.account_precision"));
      assertEquals(2.0 / 3, metrics.get("rings.account_recall"));
      assertEquals(1.0, metrics.get("rings.seller_recall"));
      assertEquals(1L, metrics.get("rings.popular_honest_flagged"));
      assertEquals(2L, metrics.get("rings.rings_found"));
      assertEquals(1, metrics.get("rings.rings_planted"));
      assertEquals(30, metrics.get("rings.history_days"));
    } finally {
      spark.stop();
    }
  }

  @Test
  void withoutTheJobsOutputEveryFigureIsNull() throws Exception {
    Metrics metrics = new Metrics();
    new RingsEvaluation().measure(new EvaluationContext(truth, Warehouse.local(warehouseRoot.toString()), DAY), metrics);
    assertNull(metrics.get("rings.account_recall"));
    assertEquals("{\"rings.account_precision\":null,\"rings.account_recall\":null,\"rings.seller_recall\":null,"
        + "\"rings.popular_honest_flagged\":null,\"rings.rings_found\":null,\"rings.rings_planted\":null,"
        + "\"rings.history_days\":null}", metrics.toJson());
  }
}
