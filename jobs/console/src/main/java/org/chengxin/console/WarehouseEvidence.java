package org.chengxin.console;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
  private static final int MAX_RINGS = 5;

  // The review figures' trailing window, the flag's day included (ReviewInputs.WINDOW_DAYS in jobs/spark, docs/review.md).
  static final int FLAG_WINDOW_DAYS = 30;
  private static final String UNCERTIFIED = "Brands sold without a verified certificate (what is missing)";

  // Every table a case page reads: the key of its evidence in memory holds when each last changed.
  private static final List<String> TABLES = List.of("seller_risk", SellerFeatures.TABLE, "seller_scores", "complaints", "certificates",
      "counterfeit_signals", "rating_flags", "rings", "ring_members", "trades", "ratings");
  // Enough for the cases a team has open in a day; each holds a page's worth of rows.
  private static final int RECENT_CASES = 256;

  private final Partitions partitions;
  private final Duck duck;
  private final SellerFeatures features;
  private final Map<String, CaseEvidence> recent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CaseEvidence> eldest) {
      return size() > RECENT_CASES;
    }
  };

  WarehouseEvidence(Partitions partitions, Duck duck) {
    this.partitions = partitions;
    this.duck = duck;
    this.features = new SellerFeatures(partitions);
  }

  /**
   * Reads the evidence of no seller as of the nightly's last flagged day (the latest
   * {@code review_queue} partition): the copies in memory that the pages of that day's cases read
   * are made, before the first reviewer opens one. The copies then held.
   */
  int warm() throws SQLException {
    Optional<LocalDate> lastFlagged = partitions.days("review_queue").stream().max(Comparator.naturalOrder());
    if (lastFlagged.isPresent()) {
      read("", lastFlagged.get());
    }
    return partitions.copies();
  }

  static LocalDate windowStart(LocalDate asOf) {
    return asOf.minusDays(FLAG_WINDOW_DAYS - 1);
  }

  /**
   * The brands the seller sold in the window without a verified certificate ({@code counterfeit_signals}
   * as of the flag's day), each with the status of the certificate on file for it, if any: what is missing.
   */
  private static EvidenceTable uncertified(EvidenceTable gaps, EvidenceTable certificates) {
    if (gaps.rows().isEmpty()) {
      return gaps.absent().startsWith("nothing") ? new EvidenceTable(UNCERTIFIED, List.of(), List.of(),
          "every luxury brand the seller sold in the window has a verified certificate") : gaps;
    }
    Map<String, String> onFile = new HashMap<>();
    certificates.rows().forEach(row -> onFile.put(row.get(0), row.get(1) + " (" + row.get(2) + ")"));
    List<List<String>> rows = gaps.rows().stream()
        .map(row -> List.of(row.get(0), onFile.getOrDefault(row.get(0), "none on file"), row.get(1), row.get(2))).toList();
    return new EvidenceTable(UNCERTIFIED, List.of("brand", "certificate on file", "luxury_trades", "uncertified_trades"), rows, null);
  }

  /**
   * The case's evidence: from memory when the same seller and day were read since the tables last
   * changed (a reviewer opens a case again after taking it, after deciding it, when a second
   * reviewer confirms a closure), else read now.
   */
  CaseEvidence of(ReviewCase reviewCase) throws SQLException {
    StringBuilder key = new StringBuilder(reviewCase.sellerId()).append('@').append(reviewCase.lastFlagged());
    TABLES.forEach(table -> key.append(' ').append(partitions.changed(table)));
    synchronized (recent) {
      CaseEvidence known = recent.get(key.toString());
      if (known != null) {
        return known;
      }
    }
    CaseEvidence read = read(reviewCase.sellerId(), reviewCase.lastFlagged());
    synchronized (recent) {
      recent.put(key.toString(), read);
    }
    return read;
  }

  private CaseEvidence read(String seller, LocalDate asOf) throws SQLException {
    LocalDate from = windowStart(asOf);
    String complaintsTitle = "Complaints against the seller in the flag's window (" + from + " to " + asOf + ")";
    SectionBatch batch = new SectionBatch()
        .add("Risk model", "seller_risk", partitions.asOf("seller_risk", asOf), missing("seller_risk", asOf),
            "SELECT round(risk, 3) AS risk, model_version FROM %s WHERE seller_id = ?", seller)
        .add("Credit and DSR, day by day", "seller_scores", partitions.allDays("seller_scores"), "no seller_scores table in the warehouse",
            "SELECT CAST(ds AS VARCHAR) AS day, credit_points, round(robust_credit_points, 1) AS robust_credit, "
                + "round(credit_gap, 1) AS credit_gap, round(positive_rate, 3) AS positive_rate, round(dsr_item_as_described, 2) AS dsr_described, "
                + "round(dsr_service, 2) AS dsr_service, round(dsr_logistics, 2) AS dsr_logistics, flagged_ratings "
                + "FROM %s WHERE seller_id = ? ORDER BY ds", seller)
        .add(complaintsTitle, "complaints", partitions.between("complaints", from, asOf),
            "no complaints table in the warehouse from " + from + " to " + asOf,
            "SELECT complaint_id, CAST(CAST(filed_at AS DATE) AS VARCHAR) AS filed, type, severity, outcome, "
                + "CAST(CAST(resolved_at AS DATE) AS VARCHAR) AS resolved, trade_id FROM %s WHERE seller_id = ? "
                + "AND CAST(filed_at AS DATE) BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) ORDER BY filed_at, complaint_id",
            seller, from.toString(), asOf.toString())
        .add("Brand certificates on file (latest status of each brand)", "certificates", partitions.between("certificates", LocalDate.EPOCH, asOf),
            "no certificates table in the warehouse by " + asOf,
            "SELECT brand, arg_max(status, recorded_at) AS status, CAST(max(recorded_at) AS VARCHAR) AS recorded "
                + "FROM %s WHERE seller_id = ? AND recorded_at < CAST(? AS DATE) + 1 GROUP BY brand ORDER BY brand", seller, asOf.toString())
        .add(UNCERTIFIED, "counterfeit_signals", partitions.asOf("counterfeit_signals", asOf), missing("counterfeit_signals", asOf),
            "SELECT unnest(certificate_gaps) AS brand, luxury_trades, uncertified_trades FROM %s WHERE seller_id = ? ORDER BY brand", seller)
        .add("Flagged ratings of the seller, by pattern", "rating_flags", partitions.asOf("rating_flags", asOf), missing("rating_flags", asOf),
            "SELECT rating_id, pattern, reason, round(score, 2) AS score, CAST(rated_at AS VARCHAR) AS rated_at FROM %s WHERE ratee_id = ? "
                + "ORDER BY pattern, rated_at", seller)
        .add("Rings the seller is in", "rings", partitions.asOf("rings", asOf), missing("rings", asOf),
            "SELECT ring_id, seller_count, buyer_count, ring_trades, round(suspiciousness, 3) AS suspiciousness, reason FROM %s "
                + "WHERE list_contains(seller_ids, ?) ORDER BY suspiciousness DESC", seller);
    DuckReader duck = this.duck.reader();
    List<EvidenceTable> read = batch.run(duck);
    List<EvidenceTable> sections = new ArrayList<>(List.of(read.get(0), features.of(duck, seller, asOf), read.get(1), read.get(2),
        read.get(3), uncertified(read.get(4), read.get(3)), read.get(5), read.get(6)));
    List<List<String>> rings = read.get(6).rows();
    SectionBatch members = new SectionBatch();
    for (List<String> ring : rings.subList(0, Math.min(MAX_RINGS, rings.size()))) {
      members.add("Members of " + ring.get(0), "ring_members", partitions.asOf("ring_members", asOf), missing("ring_members", asOf),
          "SELECT account_id, role, round(member_score, 3) AS member_score FROM %s WHERE ring_id = ? ORDER BY role DESC, member_score DESC",
          ring.get(0));
    }
    sections.addAll(members.run(duck));
    return new CaseEvidence(sections, RingGraph.read(duck, partitions, seller, asOf), RatingHistory.read(duck, partitions, seller, asOf));
  }

  private static String missing(String table, LocalDate asOf) {
    return "no " + table + " table in the warehouse by " + asOf;
  }
}
