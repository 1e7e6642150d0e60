package org.chengxin.jobs;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.schema.Tables;
import org.chengxin.jobs.frame.SparkSessions;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Compares one day of every documented table in two warehouses row by row (as multisets: order
 * and file layout do not matter), e.g. a cluster run against a local run of the same input: each
 * table is identical, or equal once doubles are taken to {@link #SIGNIFICANT_DIGITS} significant
 * digits, or differs. Prints a line per table and exits 1 when any table differs. Entry point of {@code scripts/chengxin
 * compare-warehouses}.
 */
public final class CompareWarehouses {
  /**
   * Digits to which doubles must agree when rows are not bit-identical: sums over differently
   * partitioned data (a cluster's 200 shuffle partitions against a laptop's 8) differ in the last
   * bits, nothing more.
   */
  static final int SIGNIFICANT_DIGITS = 10;

  private CompareWarehouses() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("compare-warehouses",
          "Compares one day of every table in two warehouses row by row; exits 1 when any table differs.");
      Arg<String> left = cli.requiredText("left", "DIR", "first warehouse root");
      Arg<String> right = cli.requiredText("right", "DIR", "second warehouse root");
      Arg<LocalDate> date = cli.date("date", "the partition day to compare");
      if (!cli.parse(args)) {
        return;
      }
      int differing;
      try (SparkSession spark = SparkSessions.create("chengxin-compare " + date.value(), Optional.empty())) {
        differing = compare(SparkWarehouse.open(spark, left.value()), SparkWarehouse.open(spark, right.value()), date.value());
      }
      if (differing > 0) {
        System.exit(1);
      }
    });
  }

  /** Prints a line per table present on either side; returns how many tables differ. */
  static int compare(SparkWarehouse left, SparkWarehouse right, LocalDate day) {
    int differing = 0;
    for (TableSchema table : Tables.all()) {
      boolean inLeft = left.days(table).contains(day);
      boolean inRight = right.days(table).contains(day);
      if (!inLeft && !inRight) {
        continue;
      }
      String verdict;
      if (inLeft != inRight) {
        verdict = "partition only in the " + (inLeft ? "left" : "right") + " warehouse";
      } else {
        Dataset<Row> a = left.read(table, day, day);
        Dataset<Row> b = right.read(table, day, day);
        if (a.exceptAll(b).isEmpty() && b.exceptAll(a).isEmpty()) {
          verdict = "identical, " + a.count() + " rows";
        } else {
          Dataset<Row> roundedA = a.select(significant(a));
          Dataset<Row> roundedB = b.select(significant(b));
          long onlyLeft = roundedA.exceptAll(roundedB).count();
          long onlyRight = roundedB.exceptAll(roundedA).count();
          verdict = onlyLeft == 0 && onlyRight == 0
              ? "equal to " + SIGNIFICANT_DIGITS + " significant digits (summation order), " + a.count() + " rows"
              : onlyLeft + " rows only left, " + onlyRight + " rows only right";
        }
      }
      boolean same = verdict.startsWith("identical") || verdict.startsWith("equal");
      differing += same ? 0 : 1;
      System.out.printf("%-24s %s%n", table.name(), verdict);
    }
    return differing;
  }

  /** Every column, doubles as text with {@link #SIGNIFICANT_DIGITS} significant digits. */
  private static Column[] significant(Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : rows.schema().fields()) {
      Column value = col(field.name());
      if (field.dataType().equals(DataTypes.DoubleType)) {
        Column exponent = floor(log10(abs(value)));
        Column special = value.isNull().or(value.equalTo(0)).or(value.isNaN()).or(abs(value).equalTo(Double.POSITIVE_INFINITY));
        value = when(special, value.cast("string"))
            .otherwise(concat(round(value.divide(pow(lit(10.0), exponent)), SIGNIFICANT_DIGITS - 1).cast("string"), lit("e"),
                exponent.cast("string")));
      }
      columns.add(value.as(field.name()));
    }
    return columns.toArray(Column[]::new);
  }
}
