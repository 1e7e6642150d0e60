package org.chengxin.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts per day in named series, drawn as bars ({@code stacked}: parts of one whole, like flagged
 * ratings by pattern) and shown as a table of the same figures; {@code absent} says why there is none.
 */
record DailyCounts(String title, List<String> days, List<Series> series, boolean stacked, String absent) {

  record Series(String name, List<Long> counts) {}

  /** From rows of (day, series name, count), days ascending; a day a series lacks counts 0. */
  static DailyCounts of(String title, List<List<Object>> rows, boolean stacked, String absent) {
    TreeSet<String> days = new TreeSet<>();
    Map<String, Map<String, Long>> byName = new LinkedHashMap<>();
    for (List<Object> row : rows) {
      String day = String.valueOf(row.get(0));
      days.add(day);
      byName.computeIfAbsent(String.valueOf(row.get(1)), name -> new LinkedHashMap<>()).merge(day, ((Number) row.get(2)).longValue(), Long::sum);
    }
    List<Series> series = new ArrayList<>();
    byName.forEach((name, counts) -> series.add(new Series(name, days.stream().map(d -> counts.getOrDefault(d, 0L)).toList())));
    return new DailyCounts(title, List.copyOf(days), series, stacked, absent);
  }

  static DailyCounts none(String title, String absent) {
    return new DailyCounts(title, List.of(), List.of(), false, absent);
  }

  EvidenceTable table() {
    List<String> columns = new ArrayList<>(List.of("day"));
    series.forEach(s -> columns.add(s.name()));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      List<String> row = new ArrayList<>(List.of(days.get(i)));
      for (Series s : series) {
        row.add(Long.toString(s.counts().get(i)));
      }
      rows.add(row);
    }
    return new EvidenceTable(title, columns, rows, absent);
  }
}
