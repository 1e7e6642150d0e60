package org.chengxin.jobs;


import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.schema.Tables;
import org.chengxin.jobs.frame.SparkSessions;
import org.chengxin.jobs.frame.SparkWarehouse;

/**
 * Compares one day of every documented table in two warehouses row by row (as multisets: order
 * and file layout do not matter), e.g. a cluster run against a local run of the same input: each
 * table is identical, or equal once doubles may differ by a relative {@link #RELATIVE_TOLERANCE},
 * or differs. Prints a line per table and exits 1 when any table differs. Entry point of
 * {@code scripts/chengxin compare-warehouses}.
 */
public final class CompareWarehouses {
  /**
   * Relative difference doubles may show when rows are not bit-identical: sums over differently
   * partitioned data (a cluster's 200 shuffle partitions against a laptop's 8) differ in the last
   * bits (about 1e-12 relative), nothing more. A tolerance, not a rounding: two values a hair apart
   * can round to different digits.
   */
  static final double RELATIVE_TOLERANCE = 1e-9;
  /** Rows found on one side only that are matched in the driver; more than this is reported as differing. */
  static final int MAX_ROWS_MATCHED = 1_000_000;

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
        Dataset<Row> onlyInA = a.exceptAll(b);
        Dataset<Row> onlyInB = b.exceptAll(a);
        long onlyLeft = onlyInA.count();
        long onlyRight = onlyInB.count();
        if (onlyLeft == 0 && onlyRight == 0) {
          verdict = "identical, " + a.count() + " rows";
        } else if (onlyLeft == onlyRight && onlyLeft <= MAX_ROWS_MATCHED
            && RowTolerance.sameWithin(onlyInA.collectAsList(), onlyInB.collectAsList(), RELATIVE_TOLERANCE)) {
          verdict = "equal within a relative " + RELATIVE_TOLERANCE + " (summation order; " + onlyLeft + " rows not bit-identical), "
              + a.count() + " rows";
        } else {
          verdict = onlyLeft + " rows only left, " + onlyRight + " rows only right";
        }
      }
      boolean same = verdict.startsWith("identical") || verdict.startsWith("equal");
      differing += same ? 0 : 1;
      System.out.printf("%-24s %s%n", table.name(), verdict);
    }
    return differing;
  }
}
