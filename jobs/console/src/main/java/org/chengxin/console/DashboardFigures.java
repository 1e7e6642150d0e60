package org.chengxin.console;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.chengxin.review.QueueStats;

/**
 * The analysts' figures from the warehouse, read with an in-process DuckDB over every nightly
 * partition: the dissatisfaction rate of the platform and each category against the target, the
 * detections per day, and the risk model's calibration, held out at training and on reviewers' decisions.
 */
final class DashboardFigures {
  static final List<Integer> WINDOWS = List.of(1, 7, 30, 90);

  /** What the dashboard draws from the warehouse; {@code gaps} says what the warehouse lacks. */
  record Figures(List<DissatisfactionSeries> dissatisfaction, DailyCounts flaggedRatings, DailyCounts detections, Calibration calibration,
      DecidedCalibration decidedCalibration, List<String> gaps) {}

  private final Partitions partitions;
  private final Path models;
  private final Duck duck;

  DashboardFigures(Partitions partitions, Path models, Duck duck) {
    this.partitions = partitions;
    this.models = models;
    this.duck = duck;
  }

  /** The figures over the {@code windowDays} dissatisfaction window; {@code decided}: the review database's decisions. */
  Figures read(int windowDays, List<QueueStats.Decided> decided) throws SQLException {
    List<String> gaps = new ArrayList<>();
    try (Connection duck = this.duck.connect()) {
      return new Figures(dissatisfaction(duck, windowDays, gaps), flaggedRatings(duck), detections(duck), calibration(duck),
          decidedCalibration(duck, decided), gaps);
    }
  }

  /**
   * The decided cases joined to the risk their seller had on the flag's day (the latest seller_risk
   * partition on or before it, as the case page reads it): the cases travel to DuckDB as one JSON
   * parameter per day, so the join stays in DuckDB however many sellers the partition holds.
   */
  private DecidedCalibration decidedCalibration(Connection duck, List<QueueStats.Decided> decided) throws SQLException {
    Map<LocalDate, List<QueueStats.Decided>> byDay = new TreeMap<>();
    decided.forEach(d -> byDay.computeIfAbsent(d.flaggedOn(), day -> new ArrayList<>()).add(d));
    List<DecidedCalibration.Scored> scored = new ArrayList<>();
    for (Map.Entry<LocalDate, List<QueueStats.Decided>> day : byDay.entrySet()) {
      Optional<String> risk = partitions.asOf("seller_risk", day.getKey());
      if (risk.isEmpty()) {
        continue;
      }
      List<Map<String, Object>> cases = day.getValue().stream()
          .map(d -> Map.<String, Object>of("seller_id", d.sellerId(), "confirmed", d.confirmed())).toList();
      DuckQuery joined = DuckQuery.run(duck, "SELECT CAST(r.risk AS DOUBLE), d.confirmed FROM (SELECT unnest(from_json(CAST(? AS JSON), "
          + "'[{\"seller_id\": \"VARCHAR\", \"confirmed\": \"BOOLEAN\"}]'), recursive := true)) d JOIN " + risk.get()
          + " r USING (seller_id)", Charts.json(cases));
      joined.rows().forEach(row -> scored.add(new DecidedCalibration.Scored(((Number) row.get(0)).doubleValue(), (Boolean) row.get(1))));
    }
    return DecidedCalibration.of(scored, decided.size() - scored.size());
  }

  private List<DissatisfactionSeries> dissatisfaction(Connection duck, int windowDays, List<String> gaps) throws SQLException {
    Optional<String> table = partitions.allDays("dissatisfaction");
    if (table.isEmpty()) {
      gaps.add("no dissatisfaction table in the warehouse: no rate to draw");
      return List.of();
    }
    DuckQuery rows = DuckQuery.run(duck, "SELECT scope, scope_id, CAST(ds AS VARCHAR) AS day, CAST(rate AS DOUBLE), "
        + "CAST(clopper_pearson_lower AS DOUBLE), CAST(clopper_pearson_upper AS DOUBLE), CAST(p_below_target_jeffreys AS DOUBLE), "
        + "CAST(clean_trades_needed AS BIGINT), CAST(trades AS BIGINT), CAST(upheld AS BIGINT), target_met FROM " + table.get()
        + " WHERE scope IN ('platform', 'category') AND window_days = ? ORDER BY scope DESC, scope_id, ds", windowDays);
    List<DissatisfactionSeries> series = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= rows.rows().size(); i++) {
      if (i == rows.rows().size() || !rows.rows().get(i).get(1).equals(rows.rows().get(start).get(1))) {
        series.add(scope(rows.rows().subList(start, i), windowDays));
        start = i;
      }
    }
    return series;
  }

  private static DissatisfactionSeries scope(List<List<Object>> rows, int windowDays) {
    return new DissatisfactionSeries((String) rows.get(0).get(0), (String) rows.get(0).get(1), windowDays, column(rows, 2, String.class),
        column(rows, 3, Double.class), column(rows, 4, Double.class), column(rows, 5, Double.class), column(rows, 6, Double.class),
        column(rows, 7, Long.class), column(rows, 8, Long.class), column(rows, 9, Long.class), column(rows, 10, Boolean.class));
  }

  /** Column {@code index} of {@code rows}, nulls kept (a window without trades has no rate). */
  private static <T> List<T> column(List<List<Object>> rows, int index, Class<T> type) {
    List<T> values = new ArrayList<>(rows.size());
    rows.forEach(row -> values.add(type.cast(row.get(index))));
    return values;
  }

  /** Flagged ratings of the latest rating_flags snapshot (a full one over all history), by the day they were left and pattern. */
  private DailyCounts flaggedRatings(Connection duck) throws SQLException {
    String title = "Flagged ratings by pattern, by the day they were left (latest rating_flags)";
    Optional<String> flags = partitions.latest("rating_flags");
    if (flags.isEmpty()) {
      return DailyCounts.none(title, "no rating_flags table in the warehouse");
    }
    return DailyCounts.of(title, DuckQuery.run(duck, "SELECT CAST(CAST(rated_at AS DATE) AS VARCHAR) AS day, pattern, count(*) FROM "
        + flags.get() + " GROUP BY ALL ORDER BY day, pattern").rows(), true, "no flagged rating");
  }

  /** Per nightly run: the rings found, the sellers in the queue's table, those newly flagged, those with certificate gaps. */
  private DailyCounts detections(Connection duck) throws SQLException {
    String title = "Detections per nightly run";
    List<List<Object>> rows = new ArrayList<>();
    Optional<String> rings = partitions.allDays("rings");
    if (rings.isPresent()) {
      rows.addAll(DuckQuery.run(duck, "SELECT CAST(ds AS VARCHAR), 'rings found', count(*) FROM " + rings.get() + " GROUP BY ALL ORDER BY 1").rows());
    }
    Optional<String> queue = partitions.allDays("review_queue");
    if (queue.isPresent()) {
      rows.addAll(DuckQuery.run(duck, "SELECT CAST(ds AS VARCHAR) AS day, kind, count(*) FROM ("
          + "SELECT ds, 'sellers flagged' AS kind FROM " + queue.get() + " UNION ALL "
          + "SELECT ds, 'newly flagged' FROM " + queue.get() + " WHERE CAST(first_flagged AS VARCHAR) = CAST(ds AS VARCHAR) UNION ALL "
          + "SELECT ds, 'sold luxury brands uncertified' FROM " + queue.get() + " WHERE len(certificate_gaps) > 0) GROUP BY ALL ORDER BY day, kind").rows());
    }
    return rows.isEmpty() ? DailyCounts.none(title, "no rings or review_queue table in the warehouse")
        : DailyCounts.of(title, rows, false, null);
  }

  /** The calibration of the model that scored the latest seller_risk partition. */
  private Calibration calibration(Connection duck) throws SQLException {
    Optional<String> risk = partitions.latest("seller_risk");
    if (risk.isEmpty()) {
      return new Calibration("(none)", List.of(), "no seller_risk table in the warehouse: no model scored it");
    }
    List<List<Object>> versions = DuckQuery.run(duck, "SELECT max(model_version) FROM " + risk.get()).rows();
    return Calibration.of(models, (String) versions.get(0).get(0));
  }
}
