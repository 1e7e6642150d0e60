package org.chengxin.console;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The risk model's features of a seller ({@code seller_features} as of the flag's day), each beside
 * the median, 90th and 99th percentile of every seller of that day: a value reads as usual or extreme
 * only against the platform. The model (a random forest) keeps no per-feature contribution, and the
 * warehouse none either, so the context is the platform's distribution. The percentiles are one
 * scan of the whole partition: computed once per partition and kept until the table's folder changes.
 */
final class SellerFeatures {
  static final String TABLE = "seller_features";
  static final String TITLE = "The risk model's features: the seller's value beside every seller's";
  // The key, and the partition's day that DuckDB adds from the path.
  private static final String FEATURES = "* EXCLUDE (seller_id, ds)";
  private static final List<String> CONTEXT = List.of("platform_median", "platform_p90", "platform_p99");

  private final Partitions partitions;
  /** Per partition (its files and when the table last changed): feature name to its median, 90th and 99th percentile. */
  private final Map<String, Map<String, List<Object>>> percentiles = new ConcurrentHashMap<>();

  SellerFeatures(Partitions partitions) {
    this.partitions = partitions;
  }

  EvidenceTable of(DuckReader duck, String seller, LocalDate asOf) throws SQLException {
    Optional<String> files = partitions.asOf(TABLE, asOf);
    if (files.isEmpty()) {
      return new EvidenceTable(TITLE, List.of(), List.of(), "no " + TABLE + " table in the warehouse by " + asOf);
    }
    DuckQuery own = duck.query("SELECT " + FEATURES + " FROM " + files.get() + " WHERE seller_id = ?",
        seller);
    if (own.rows().isEmpty()) {
      return new EvidenceTable(TITLE, List.of(), List.of(), "nothing for this seller in " + TABLE);
    }
    Map<String, List<Object>> platform = platform(duck, files.get());
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < own.columns().size(); i++) {
      String feature = own.columns().get(i);
      List<String> row = new ArrayList<>(List.of(feature, rounded(own.rows().get(0).get(i))));
      platform.getOrDefault(feature, List.of("", "", "")).forEach(value -> row.add(rounded(value)));
      rows.add(row);
    }
    List<String> columns = new ArrayList<>(List.of("feature", "seller"));
    columns.addAll(CONTEXT);
    return new EvidenceTable(TITLE, columns, rows, null);
  }

  private Map<String, List<Object>> platform(DuckReader duck, String files) throws SQLException {
    String key = files + "@" + partitions.changed(TABLE);
    Map<String, List<Object>> known = percentiles.get(key);
    if (known != null) {
      return known;
    }
    DuckQuery quantiles = duck.query("SELECT feature, quantile_cont(value, 0.5), quantile_cont(value, 0.9), "
        + "quantile_cont(value, 0.99) FROM (UNPIVOT (SELECT COLUMNS(" + FEATURES + ")::DOUBLE FROM " + files
        + ") ON COLUMNS(*) "
        + "INTO NAME feature VALUE value) GROUP BY feature");
    Map<String, List<Object>> computed = new ConcurrentHashMap<>();
    quantiles.rows().forEach(row -> computed.put((String) row.get(0), row.subList(1, 4)));
    // A day's percentiles are a few numbers; the days a console is asked about stay few, but a re-run day must not pile up.
    if (percentiles.size() > 64) {
      percentiles.clear();
    }
    percentiles.put(key, computed);
    return computed;
  }

  /** A number to three decimals, as the other evidence tables show them. */
  private static String rounded(Object value) {
    if (value instanceof Number number) {
      double v = number.doubleValue();
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.3f", v);
    }
    return value == null ? "" : value.toString();
  }
}
