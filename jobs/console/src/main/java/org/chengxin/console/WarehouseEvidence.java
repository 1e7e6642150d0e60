package org.chengxin.console;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chengxin.review.ReviewCase;

/**
 * A case's evidence read from the warehouse's Parquet partitions (docs/tables.md) with an in-process
 * DuckDB: no Spark to start, so the page answers in a fraction of a second. Snapshot tables (risk,
 * rating flags, rings) are read at the latest partition on or before the case's last flagged day,
 * as the reviewer's evidence stood when the seller was flagged; the credit history reads every day.
 * The rings' graph and the rating history for the charts are read on the same DuckDB ({@link RingGraph}, {@link RatingHistory}).
 */
final class WarehouseEvidence {
  private static final int MAX_ROWS = 200;
  private static final int MAX_RINGS = 5;

  // The review figures' trailing window, the flag's day included (ReviewInputs.WINDOW_DAYS in jobs/spark, docs/review.md).
  static final int FLAG_WINDOW_DAYS = 30;

  private final Partitions partitions;
  private final Duck duck;
  private final SellerFeatures features;

  WarehouseEvidence(Path warehouse, Duck duck) {
    this.partitions = new Partitions(warehouse);
    this.duck = duck;
    this.features = new SellerFeatures(partitions);
  }

  static LocalDate windowStart(LocalDate asOf) {
    return asOf.minusDays(FLAG_WINDOW_DAYS - 1);
  }

  /**
   * The brands the seller sold in the window without a verified certificate ({@code counterfeit_signals}
   * as of the flag's day), each with the status of the certificate on file for it, if any: what is missing.
   */
  private EvidenceTable uncertified(Connection duck, String seller, LocalDate asOf, EvidenceTable certificates) throws SQLException {
    String title = "Brands sold without a verified certificate (what is missing)";
    EvidenceTable gaps = query(duck, title, "counterfeit_signals", asOf,
        "SELECT unnest(certificate_gaps) AS brand, luxury_trades, uncertified_trades FROM %s WHERE seller_id = ? ORDER BY brand", seller);
    if (gaps.rows().isEmpty()) {
      return gaps.absent().startsWith("nothing") ? new EvidenceTable(title, List.of(), List.of(),
          "every luxury brand the seller sold in the window has a verified certificate") : gaps;
    }
    Map<String, String> onFile = new HashMap<>();
    certificates.rows().forEach(row -> onFile.put(row.get(0), row.get(1) + " (" + row.get(2) + ")"));
    List<List<String>> rows = gaps.rows().stream()
        .map(row -> List.of(row.get(0), onFile.getOrDefault(row.get(0), "none on file"), row.get(1), row.get(2))).toList();
    return new EvidenceTable(title, List.of("brand", "certificate on file", "luxury_trades", "uncertified_trades"), rows, null);
  }

  CaseEvidence of(ReviewCase reviewCase) throws SQLException {
    String seller = reviewCase.sellerId();
    LocalDate asOf = reviewCase.lastFlagged();
    List<EvidenceTable> sections = new ArrayList<>();
    try (Connection duck = this.duck.connect()) {
      sections.add(query(duck, "Risk model", "seller_risk", asOf,
          "SELECT round(risk, 3) AS risk, model_version FROM %s WHERE seller_id = ?", seller));
      sections.add(features.of(duck, seller, asOf));
      sections.add(query(duck, "Credit and DSR, day by day", "seller_scores", null,
          "SELECT ds AS day, credit_points, round(robust_credit_points, 1) AS robust_credit, round(credit_gap, 1) AS credit_gap, "
              + "round(positive_rate, 3) AS positive_rate, round(dsr_item_as_described, 2) AS dsr_described, "
              + "round(dsr_service, 2) AS dsr_service, round(dsr_logistics, 2) AS dsr_logistics, flagged_ratings "
              + "FROM %s WHERE seller_id = ? ORDER BY ds", seller));
      sections.add(between(duck, "Complaints against the seller in the flag's window (" + windowStart(asOf) + " to " + asOf + ")",
          "complaints", windowStart(asOf), asOf,
          "SELECT complaint_id, CAST(CAST(filed_at AS DATE) AS VARCHAR) AS filed, type, severity, outcome, "
              + "CAST(CAST(resolved_at AS DATE) AS VARCHAR) AS resolved, trade_id FROM %s WHERE seller_id = ? "
              + "AND CAST(filed_at AS DATE) BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) ORDER BY filed_at, complaint_id",
          seller, windowStart(asOf).toString(), asOf.toString()));
      EvidenceTable certificates = between(duck, "Brand certificates on file (latest status of each brand)", "certificates",
          LocalDate.EPOCH, asOf, "SELECT brand, arg_max(status, recorded_at) AS status, CAST(max(recorded_at) AS VARCHAR) AS recorded "
              + "FROM %s WHERE seller_id = ? AND recorded_at < CAST(? AS DATE) + 1 GROUP BY brand ORDER BY brand", seller, asOf.toString());
      sections.add(certificates);
      sections.add(uncertified(duck, seller, asOf, certificates));
      sections.add(query(duck, "Flagged ratings of the seller, by pattern", "rating_flags", asOf,
          "SELECT rating_id, pattern, reason, round(score, 2) AS score, rated_at FROM %s WHERE ratee_id = ? "
              + "ORDER BY pattern, rated_at", seller));
      EvidenceTable rings = query(duck, "Rings the seller is in", "rings", asOf,
          "SELECT ring_id, seller_count, buyer_count, ring_trades, round(suspiciousness, 3) AS suspiciousness, reason FROM %s "
              + "WHERE list_contains(seller_ids, ?) ORDER BY suspiciousness DESC", seller);
      sections.add(rings);
      for (List<String> ring : rings.rows().subList(0, Math.min(MAX_RINGS, rings.rows().size()))) {
        sections.add(query(duck, "Members of " + ring.get(0), "ring_members", asOf,
            "SELECT account_id, role, round(member_score, 3) AS member_score FROM %s WHERE ring_id = ? "
                + "ORDER BY role DESC, member_score DESC", ring.get(0)));
      }
      return new CaseEvidence(sections, RingGraph.read(duck, partitions, seller, asOf), RatingHistory.read(duck, partitions, seller, asOf));
    }
  }

  /** Runs {@code sql} (its {@code %s} the table's partitions from {@code first} to {@code last}) with {@code parameters}. */
  private EvidenceTable between(Connection duck, String title, String table, LocalDate first, LocalDate last, String sql,
      Object... parameters) throws SQLException {
    Optional<String> files = partitions.between(table, first, last);
    if (files.isEmpty()) {
      return new EvidenceTable(title, List.of(), List.of(), "no " + table + " table in the warehouse from " + first + " to " + last);
    }
    return table(title, table, DuckQuery.run(duck, String.format(sql, files.get()) + " LIMIT " + MAX_ROWS, parameters));
  }

  /**
   * Runs {@code sql} (its {@code %s} the table's Parquet files) with {@code parameter}: over the
   * partition for {@code asOf}, or over every day (a {@code ds} column) when it is null.
   */
  private EvidenceTable query(Connection duck, String title, String table, LocalDate asOf, String sql, String parameter)
      throws SQLException {
    Optional<String> files = asOf == null ? partitions.allDays(table) : partitions.asOf(table, asOf);
    if (files.isEmpty()) {
      return new EvidenceTable(title, List.of(), List.of(), "no " + table + " table in the warehouse" + (asOf == null ? "" : " by " + asOf));
    }
    return table(title, table, DuckQuery.run(duck, String.format(sql, files.get()) + " LIMIT " + MAX_ROWS, parameter));
  }

  private static EvidenceTable table(String title, String table, DuckQuery result) {
    List<List<String>> rows = result.text();
    return new EvidenceTable(title, result.columns(), rows, rows.isEmpty() ? "nothing for this seller in " + table : null);
  }
}
