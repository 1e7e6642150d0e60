package org.chengxin.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Whether two multisets of rows of one schema are the same once their double columns may differ
 * by a relative tolerance: rows are paired by their other columns, which must be equal, and within
 * such a group by the order of their doubles. Plain Java over rows already in memory (the few rows
 * two warehouses do not share bit for bit).
 */
final class RowTolerance {
  private RowTolerance() {}

  static boolean sameWithin(List<Row> left, List<Row> right, double relativeTolerance) {
    if (left.size() != right.size()) {
      return false;
    }
    if (left.isEmpty()) {
      return true;
    }
    boolean[] isDouble = doubleColumns(left.get(0).schema());
    Map<List<Object>, List<Row>> leftGroups = byExactColumns(left, isDouble);
    Map<List<Object>, List<Row>> rightGroups = byExactColumns(right, isDouble);
    if (!leftGroups.keySet().equals(rightGroups.keySet())) {
      return false;
    }
    Comparator<Row> byDoubles = byDoubles(isDouble);
    for (Map.Entry<List<Object>, List<Row>> group : leftGroups.entrySet()) {
      List<Row> a = group.getValue();
      List<Row> b = rightGroups.get(group.getKey());
      if (a.size() != b.size()) {
        return false;
      }
      a.sort(byDoubles);
      b.sort(byDoubles);
      for (int r = 0; r < a.size(); r++) {
        for (int c = 0; c < isDouble.length; c++) {
          if (isDouble[c] && !close((Double) a.get(r).get(c), (Double) b.get(r).get(c), relativeTolerance)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Both null, both NaN, equal, or apart by at most the tolerance relative to the larger magnitude. */
  static boolean close(Double x, Double y, double relativeTolerance) {
    if (x == null || y == null) {
      return x == y;
    }
    if (x.equals(y)) {
      return true;
    }
    return Math.abs(x - y) <= relativeTolerance * Math.max(Math.abs(x), Math.abs(y));
  }

  private static boolean[] doubleColumns(StructType schema) {
    boolean[] isDouble = new boolean[schema.fields().length];
    for (int c = 0; c < isDouble.length; c++) {
      isDouble[c] = schema.fields()[c].dataType().equals(DataTypes.DoubleType);
    }
    return isDouble;
  }

  private static Map<List<Object>, List<Row>> byExactColumns(List<Row> rows, boolean[] isDouble) {
    Map<List<Object>, List<Row>> groups = new HashMap<>();
    for (Row row : rows) {
      List<Object> key = new ArrayList<>();
      for (int c = 0; c < isDouble.length; c++) {
        if (!isDouble[c]) {
          key.add(row.get(c));
        }
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  /** Rows by their doubles in column order, nulls first. */
  private static Comparator<Row> byDoubles(boolean[] isDouble) {
    return (a, b) -> {
      for (int c = 0; c < isDouble.length; c++) {
        if (isDouble[c]) {
          int order = Comparator.nullsFirst(Comparator.<Double>naturalOrder()).compare((Double) a.get(c), (Double) b.get(c));
          if (order != 0) {
            return order;
          }
        }
      }
      return 0;
    };
  }
}
