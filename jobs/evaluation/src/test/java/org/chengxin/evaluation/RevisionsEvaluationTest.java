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

class RevisionsEvaluationTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

  @TempDir Path truth;
  @TempDir Path warehouseRoot;

  @Test
  void eachTruthRevisionCountsAsFlaggedByItsRatingsPatterns() throws Exception {
    String header = "revision_id,rating_id,rater_id,ratee_id,pattern,rated_at,revised_at\n";
    Files.writeString(truth.resolve("revisions.csv"), header
        + "v1,r1,b1,s1,paid_off_extortion,2026-11-01T00:00:00Z,2026-11-03T00:00:00Z\n"
        + "v2,r2,b1,s2,paid_off_extortion,2026-11-01T00:00:00Z,2026-11-03T00:00:00Z\n"
        + "v3,r3,b2,s3,bought,2026-11-01T00:00:00Z,2026-11-20T00:00:00Z\n"
        + "v4,r4,b3,s3,bought,2026-11-01T00:00:00Z,2026-11-20T01:00:00Z\n"
        + "v5,r5,b4,s3,honest,2026-11-01T00:00:00Z,2026-11-20T02:00:00Z\n"
        + "v6,r6,b5,s4,honest,2026-11-01T00:00:00Z,2026-11-10T00:00:00Z\n"
        + "v7,r7,b5,s4,honest,2026-11-01T00:00:00Z,2026-11-11T00:00:00Z\n"
        + "v8,r8,b5,s4,honest,2026-11-01T00:00:00Z,2026-11-12T00:00:00Z\n"
        // revised after the evaluated day: not a unit
        + "v9,r9,b6,s5,bought,2026-11-20T00:00:00Z,2026-12-01T01:00:00Z\n");
    Warehouse warehouse = Warehouse.local(warehouseRoot.toString());
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    try {
      StructType flags = new StructType().add("rating_id", DataTypes.StringType).add("pattern", DataTypes.StringType);
      spark.createDataFrame(List.of(
              RowFactory.create("r1", "paid_off_extortion"), RowFactory.create("r1", "extortion_repeat"),
              RowFactory.create("r3", "bought_revision"), RowFactory.create("r4", "bought_revision"),
              RowFactory.create("r4", "paid_off_extortion"), RowFactory.create("r5", "bought_revision"),
              RowFactory.create("r6", "serial_negative"), RowFactory.create("r-other", "bought_revision")), flags)
          .write().parquet(warehouse.partitionPath("rating_flags", DAY));
      Metrics metrics = new Metrics();
      new RevisionsEvaluation().measure(new EvaluationContext(truth, warehouse, DAY), metrics);
      assertEquals(2L, metrics.get("revisions.paid_off_extortion"));
      assertEquals(0.5, metrics.get("revisions.paid_off_extortion_recall"));
      assertEquals(0.5, metrics.get("revisions.paid_off_extortion_precision"));
      assertEquals(2L, metrics.get("revisions.bought"));
      assertEquals(1.0, metrics.get("revisions.bought_recall"));
      assertEquals(2.0 / 3, metrics.get("revisions.bought_precision"));
      assertEquals(4L, metrics.get("revisions.honest"));
      assertEquals(0.25, metrics.get("revisions.honest_flagged_share"));
    } finally {
      spark.stop();
    }
  }

  @Test
  void withoutRevisionTruthEveryFigureIsMissing() throws Exception {
    Metrics metrics = new Metrics();
    new RevisionsEvaluation().measure(new EvaluationContext(truth, Warehouse.local(warehouseRoot.toString()), DAY), metrics);
    assertNull(metrics.get("revisions.bought_recall"));
    assertEquals("{\"revisions.paid_off_extortion_recall\":null,\"revisions.paid_off_extortion_precision\":null,"
        + "\"revisions.bought_recall\":null,\"revisions.bought_precision\":null,\"revisions.honest_flagged_share\":null,"
        + "\"revisions.paid_off_extortion\":null,\"revisions.bought\":null,\"revisions.honest\":null}", metrics.toJson());
  }
}
