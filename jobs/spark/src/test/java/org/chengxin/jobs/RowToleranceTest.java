package org.chengxin.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Pairing rows that differ only in the last bits of their doubles, without Spark. */
class RowToleranceTest {
  private static final StructType SCHEMA = new StructType()
      .add("seller_id", DataTypes.StringType).add("window_days", DataTypes.IntegerType)
      .add("rate", DataTypes.DoubleType).add("shrunk_rate", DataTypes.DoubleType);

  private static Row row(String seller, int days, Double rate, Double shrunk) {
    return new GenericRowWithSchema(new Object[] {seller, days, rate, shrunk}, SCHEMA);
  }

  @Test
  void rowsApartOnlyBySummationNoiseAreTheSameEvenAcrossARoundingBoundary() {
    // 4.8305313252680940e-7 and ...3059e-7 round to different tenth digits, yet differ by 1e-12 relative.
    List<Row> left = new ArrayList<>(List.of(row("s1", 1, 0.1, 4.830531325268094E-7), row("s1", 7, null, 2.0),
        row("s2", 1, Double.NaN, 0.0)));
    List<Row> right = new ArrayList<>(List.of(row("s2", 1, Double.NaN, 0.0), row("s1", 7, null, 2.0000000000001),
        row("s1", 1, 0.1, 4.830531325273059E-7)));
    assertTrue(RowTolerance.sameWithin(left, right, 1e-9));
  }

  @Test
  void aRealDifferenceOrAnotherKeyIsNotTheSame() {
    List<Row> left = List.of(row("s1", 1, 0.1, 1.0));
    assertFalse(RowTolerance.sameWithin(new ArrayList<>(left), new ArrayList<>(List.of(row("s1", 1, 0.1, 1.001))), 1e-9));
    assertFalse(RowTolerance.sameWithin(new ArrayList<>(left), new ArrayList<>(List.of(row("s1", 2, 0.1, 1.0))), 1e-9));
    assertFalse(RowTolerance.sameWithin(new ArrayList<>(left), new ArrayList<>(List.of(row("s1", 1, null, 1.0))), 1e-9));
    assertFalse(RowTolerance.sameWithin(new ArrayList<>(left), new ArrayList<>(), 1e-9));
  }

  @Test
  void rowsSharingTheirOtherColumnsArePairedByTheirDoubles() {
    List<Row> left = new ArrayList<>(List.of(row("s1", 1, 0.5, 3.0), row("s1", 1, 0.2, 9.0)));
    List<Row> right = new ArrayList<>(List.of(row("s1", 1, 0.2, 9.0000000000001), row("s1", 1, 0.5, 3.0)));
    assertTrue(RowTolerance.sameWithin(left, right, 1e-9));
  }
}
