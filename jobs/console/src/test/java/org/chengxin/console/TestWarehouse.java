package org.chengxin.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A small warehouse in the layout and column names of docs/tables.md, written as Parquet by DuckDB:
 * seller-a in ring-0001 with seller-x and two buyers who share a device, the ring's trades, the
 * seller's ratings (two of them flagged), credit on two days, and its risk on 2026-11-01 (0.91) and on
 * a later day (0.12) that a case flagged on 2026-11-01 must not show; its complaints, certificates, uncertified
 * brands and features (three sellers'); the dashboard's dissatisfaction
 * rates and flagged sellers over two runs, and ({@link #models}) the latest model's calibration.
 */
final class TestWarehouse {
  private TestWarehouse() {}

  static Path write(Path root) throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
      copy(sql, root, "seller_risk", "2026-11-01", "SELECT * FROM (VALUES ('seller-a', 0.9123, 'v7'), ('seller-b', 0.2, 'v7')) "
          + "t(seller_id, risk, model_version)");
      copy(sql, root, "seller_risk", "2026-11-05", "SELECT 'seller-a' AS seller_id, 0.12 AS risk, 'v8' AS model_version");
      for (String day : new String[] {"2026-10-31", "2026-11-01"}) {
        copy(sql, root, "seller_scores", day, "SELECT 'seller-a' AS seller_id, CAST(" + (day.endsWith("31") ? 120 : 131)
            + " AS BIGINT) AS credit_points, 40.5 AS robust_credit_points, 90.5 AS credit_gap, 0.99 AS positive_rate, "
            + "4.9 AS dsr_item_as_described, 4.8 AS dsr_service, 4.7 AS dsr_logistics, CAST(88 AS BIGINT) AS flagged_ratings");
      }
      copy(sql, root, "rating_flags", "2026-11-01", "SELECT * FROM (VALUES "
          + "('r-1', 'ring_boost', 'ring member <b>boost</b>', 'buyer-1', 'seller-a', 0.97, TIMESTAMP '2026-10-20 10:00:00'), "
          + "('r-2', 'shared_key_boost', 'shares a device key with other raters', 'buyer-2', 'seller-a', 0.8, TIMESTAMP '2026-10-21 11:00:00'), "
          + "('r-3', 'extortion', 'another seller', 'buyer-3', 'seller-z', 0.7, TIMESTAMP '2026-10-22 12:00:00')) "
          + "t(rating_id, pattern, reason, rater_id, ratee_id, score, rated_at)");
      copy(sql, root, "rings", "2026-11-01", "SELECT 'ring-0001' AS ring_id, ['seller-a', 'seller-x'] AS seller_ids, 2 AS seller_count, "
          + "CAST(2 AS BIGINT) AS buyer_count, CAST(40 AS BIGINT) AS ring_trades, 0.93 AS suspiciousness, "
          + "TIMESTAMP '2026-10-20 08:00:00' AS first_activity_at, TIMESTAMP '2026-10-21 18:00:00' AS last_activity_at, "
          + "'2 sellers and 2 buyers trading 40 times' AS reason");
      // The ring's trades: buyer-1 and buyer-2 share a device key; buyer-3 (no member) shares buyer-1's address.
      copy(sql, root, "trades", "2026-10-20", "SELECT * FROM (VALUES "
          + "('t-1', 'buyer-1', 'seller-a', 'dev0000aaaa1111', 'ip01', 'addr01'), ('t-2', 'buyer-1', 'seller-a', 'dev0000aaaa1111', 'ip01', 'addr01'), "
          + "('t-3', 'buyer-2', 'seller-a', 'dev0000aaaa1111', 'ip02', 'addr02'), ('t-4', 'buyer-3', 'seller-a', 'dev03', 'ip03', 'addr01')) "
          + "t(trade_id, buyer_id, seller_id, device_key, ip_key, address_key)");
      copy(sql, root, "trades", "2026-10-21", "SELECT 't-5' AS trade_id, 'buyer-2' AS buyer_id, 'seller-x' AS seller_id, "
          + "'dev02' AS device_key, 'ip02' AS ip_key, 'addr02' AS address_key");
      // seller-a's ratings: r-1 and r-2 flagged, r-4 and r-5 not, r-6 after the flag's day; r-7 of another seller.
      copy(sql, root, "ratings", "2026-10-20", "SELECT * FROM (VALUES "
          + "('r-1', 'buyer-1', 'seller-a', 'buyer_to_seller', 'positive', TIMESTAMP '2026-10-20 10:00:00'), "
          + "('r-4', 'buyer-3', 'seller-a', 'buyer_to_seller', 'positive', TIMESTAMP '2026-10-20 12:00:00'), "
          + "('r-7', 'buyer-3', 'seller-z', 'buyer_to_seller', 'negative', TIMESTAMP '2026-10-20 13:00:00')) "
          + "t(rating_id, rater_id, ratee_id, direction, score, rated_at)");
      copy(sql, root, "ratings", "2026-10-21", "SELECT * FROM (VALUES "
          + "('r-2', 'buyer-2', 'seller-a', 'buyer_to_seller', 'positive', TIMESTAMP '2026-10-21 11:00:00'), "
          + "('r-5', 'buyer-4', 'seller-a', 'buyer_to_seller', 'negative', TIMESTAMP '2026-10-21 15:00:00')) "
          + "t(rating_id, rater_id, ratee_id, direction, score, rated_at)");
      copy(sql, root, "ratings", "2026-11-03", "SELECT 'r-6' AS rating_id, 'buyer-5' AS rater_id, 'seller-a' AS ratee_id, "
          + "'buyer_to_seller' AS direction, 'negative' AS score, TIMESTAMP '2026-11-03 09:00:00' AS rated_at");
      copy(sql, root, "ring_members", "2026-11-01", "SELECT * FROM (VALUES ('seller-a', 'seller', 'ring-0001', 0.9), "
          + "('seller-x', 'seller', 'ring-0001', 0.8), ('buyer-1', 'buyer', 'ring-0001', 1.0), ('buyer-2', 'buyer', 'ring-0001', 0.95), "
          + "('buyer-9', 'buyer', 'ring-0002', 1.0)) t(account_id, role, ring_id, member_score)");
      // seller-a's complaints: c-1 and c-4 in the flag's window, c-2 before it, c-3 against another seller.
      copy(sql, root, "complaints", "2026-09-01", "SELECT 'c-2' AS complaint_id, 't-0' AS trade_id, 'buyer-1' AS buyer_id, "
          + "'seller-a' AS seller_id, 'service' AS type, 'low' AS severity, TIMESTAMP '2026-09-01 10:00:00' AS filed_at, "
          + "TIMESTAMP '2026-09-02 10:00:00' AS resolved_at, 'rejected' AS outcome");
      copy(sql, root, "complaints", "2026-10-25", "SELECT * FROM (VALUES "
          + "('c-1', 't-1', 'buyer-1', 'seller-a', 'counterfeit', 'high', TIMESTAMP '2026-10-25 09:00:00', TIMESTAMP '2026-10-28 09:00:00', 'upheld'), "
          + "('c-3', 't-9', 'buyer-3', 'seller-z', 'counterfeit', 'high', TIMESTAMP '2026-10-25 10:00:00', NULL, 'pending')) "
          + "t(complaint_id, trade_id, buyer_id, seller_id, type, severity, filed_at, resolved_at, outcome)");
      copy(sql, root, "complaints", "2026-10-30", "SELECT 'c-4' AS complaint_id, 't-2' AS trade_id, 'buyer-2' AS buyer_id, "
          + "'seller-a' AS seller_id, 'not_as_described' AS type, 'low' AS severity, TIMESTAMP '2026-10-30 08:00:00' AS filed_at, "
          + "CAST(NULL AS TIMESTAMP) AS resolved_at, 'pending' AS outcome");
      // Certificates: gucci verified then rejected, prada verified; chanel's comes after the flag's day.
      copy(sql, root, "certificates", "2026-10-01", "SELECT * FROM (VALUES "
          + "('cert-1', 'seller-a', 'gucci', 'verified', TIMESTAMP '2026-10-01 10:00:00'), "
          + "('cert-2', 'seller-a', 'prada', 'verified', TIMESTAMP '2026-10-01 11:00:00')) t(certificate_id, seller_id, brand, status, recorded_at)");
      copy(sql, root, "certificates", "2026-10-15", "SELECT 'cert-3' AS certificate_id, 'seller-a' AS seller_id, 'gucci' AS brand, "
          + "'rejected' AS status, TIMESTAMP '2026-10-15 12:00:00' AS recorded_at");
      copy(sql, root, "certificates", "2026-11-03", "SELECT 'cert-4' AS certificate_id, 'seller-a' AS seller_id, 'chanel' AS brand, "
          + "'verified' AS status, TIMESTAMP '2026-11-03 12:00:00' AS recorded_at");
      copy(sql, root, "counterfeit_signals", "2026-11-01", "SELECT 'seller-a' AS seller_id, CAST(12 AS BIGINT) AS luxury_trades, "
          + "CAST(7 AS BIGINT) AS uncertified_trades, ['gucci', 'hermes'] AS certificate_gaps");
      copy(sql, root, "seller_features", "2026-11-01", "SELECT * FROM (VALUES ('seller-a', 40.0, 0.95, 0.9), ('seller-b', 10.0, 0.1, 0.0), "
          + "('seller-c', 20.0, 0.2, 0.0)) t(seller_id, trades, repeat_buyer_share, ring_score)");
      // The platform and one category over two runs (30-day window): the platform meets the target on the second.
      for (String day : new String[] {"2026-10-31", "2026-11-01"}) {
        boolean second = day.endsWith("01");
        copy(sql, root, "dissatisfaction", day, "SELECT * FROM (VALUES "
            + "('platform', 'platform', 30, CAST(" + (second ? 400000 : 300000) + " AS BIGINT), CAST(2 AS BIGINT), "
            + (second ? "5e-6, 6e-7, 1.8e-5, 0.97::DOUBLE, CAST(0 AS BIGINT), true" : "6.7e-6, 8e-7, 2.4e-5, 0.9::DOUBLE, CAST(99572 AS BIGINT), false")
            + "), ('category', 'womens_apparel', 30, CAST(50000 AS BIGINT), CAST(1 AS BIGINT), 2e-5, 5e-7, 1.1e-4, 0.4::DOUBLE, "
            + "CAST(324000 AS BIGINT), false), ('platform', 'platform', 7, CAST(90000 AS BIGINT), CAST(0 AS BIGINT), 0::DOUBLE, 0::DOUBLE, 4e-5, 0.6::DOUBLE, "
            + "CAST(209572 AS BIGINT), false)) t(scope, scope_id, window_days, trades, upheld, rate, clopper_pearson_lower, "
            + "clopper_pearson_upper, p_below_target_jeffreys, clean_trades_needed, target_met)");
        copy(sql, root, "review_queue", day, "SELECT * FROM (VALUES ('seller-a', DATE '2026-10-31', ['gucci']), "
            + (second ? "('seller-b', DATE '2026-11-01', CAST([] AS VARCHAR[]))" : "('seller-c', DATE '2026-10-31', CAST([] AS VARCHAR[]))")
            + ") t(seller_id, first_flagged, certificate_gaps)");
      }
    }
    return root;
  }

  /** The risk model v8 (seller_risk's latest) with a held-out calibration table, as models/risk keeps it. */
  static Path models(Path root) throws Exception {
    Path version = Files.createDirectories(root.resolve("v8"));
    Files.writeString(version.resolve("metrics.json"), "{\"version\": \"v8\", \"held_out\": {\"calibration\": ["
        + "{\"lower\": 0.0, \"upper\": 0.1, \"sellers\": 700, \"mean_predicted\": 0.01, \"observed_rate\": 0.004}, "
        + "{\"lower\": 0.9, \"upper\": 1.0, \"sellers\": 12, \"mean_predicted\": 0.95, \"observed_rate\": 0.9166}]}}");
    return root;
  }

  private static void copy(Statement sql, Path root, String table, String day, String select) throws Exception {
    Path partition = Files.createDirectories(root.resolve(table).resolve("ds=" + day));
    sql.execute("COPY (" + select + ") TO '" + partition.resolve("part-00000.parquet") + "' (FORMAT parquet)");
  }
}
