package org.chengxin.jobs;


import java.time.LocalDate;
import java.util.List;
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
  /**
   * Rows found on one side only that are fetched to the driver and matched there; more than this is
   * reported as differing (summation noise touches hundreds of rows of a 1M-trade day, not most of a table).
   */
  static final int MAX_ROWS_MATCHED = 100_000;

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
        // Few differing rows are paired and compared within a tolerance: fetch at most one more than
        // that, so each side's difference is computed once when small (and counted apart only when not).
        List<Row> leftRows = onlyInA.limit(MAX_ROWS_MATCHED + 1).collectAsList();
        List<Row> rightRows = onlyInB.limit(MAX_ROWS_MATCHED + 1).collectAsList();
        if (leftRows.isEmpty() && rightRows.isEmpty()) {
          verdict = "identical, " + a.count() + " rows";
        } else if (leftRows.size() == rightRows.size() && leftRows.size() <= MAX_ROWS_MATCHED
            && RowTolerance.sameWithin(leftRows, rightRows, RELATIVE_TOLERANCE)) {
          verdict = "equal within a relative " + RELATIVE_TOLERANCE + " (summation order; " + leftRows.size()
              + " rows not bit-identical), " + a.count() + " rows";
        } else {
          verdict = exactCount(leftRows, onlyInA) + " rows only left, " + exactCount(rightRows, onlyInB) + " rows only right";
        }
      }
      boolean same = verdict.startsWith("identical") || verdict.startsWith("equal");
      differing += same ? 0 : 1;
      System.out.printf("%-24s %s%n", table.name(), verdict);
    }
    return differing;
  }

  /** The rows of a difference: the fetched ones when they were all, else counted. */
  private static long exactCount(List<Row> fetched, Dataset<Row> difference) {
    return fetched.size() <= MAX_ROWS_MATCHED ? fetched.size() : difference.count();
  }
}
