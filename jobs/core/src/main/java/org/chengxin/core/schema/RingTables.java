package org.chengxin.core.schema;

import static org.chengxin.core.schema.Column.optional;
import static org.chengxin.core.schema.Column.required;
import static org.chengxin.core.schema.ColumnType.DOUBLE;
import static org.chengxin.core.schema.ColumnType.INT;
import static org.chengxin.core.schema.ColumnType.LONG;
import static org.chengxin.core.schema.ColumnType.STRING;
import static org.chengxin.core.schema.ColumnType.STRING_ARRAY;
import static org.chengxin.core.schema.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * Tables of the rings job (docs/rings.md): detected credit-boosting rings and their member accounts.
 * seller_scores reads {@code ring_members} and stops counting ratings between members of one ring.
 */
public final class RingTables {

  private static final String ID = "opaque id";
  private static final String SHARE = "0-1";
  private static final String SNAPSHOT =
      " A partition holds the rings found over the trades of the job's history window ending with its day.";

  public static final TableSchema RINGS =
      new TableSchema(
          "rings",
          "One row per detected credit-boosting ring: sellers plus colluding buyers trading far more densely than the market."
              + SNAPSHOT,
          List.of(
              required("ring_id", STRING, "ring-16 hex", "ring- + 16 hex digits of SHA-256 of the smallest seller id; stable day to day."),
              required("seller_ids", STRING_ARRAY, ID, "The ring's sellers, sorted."),
              required("seller_count", INT, "sellers", "Number of sellers."),
              required("buyer_count", LONG, "accounts", "Number of colluding buyer accounts."),
              required("ring_trades", LONG, "trades",
                  "Trades between the ring's buyers and sellers in the window; when the window holds no trade, their buyer-to-seller "
                      + "ratings, which stand for the trades (run summary ring_graph = ratings, docs/rings.md)."),
              required("density", DOUBLE, "weight/node", "FRAUDAR density of the peeled block (edge weight per node)."),
              required("suspiciousness", DOUBLE, SHARE, "Combined score (docs/rings.md, Algorithm step 8)."),
              required("first_activity_at", TIMESTAMP, "UTC, ms", "First ring trade in the window (ring rating when ratings stand for trades)."),
              required("last_activity_at", TIMESTAMP, "UTC, ms", "Last ring trade in the window (ring rating when ratings stand for trades)."),
              optional("price_to_category_median", DOUBLE, "ratio", "Median of ring trade price / category median price."),
              optional("median_confirm_hours", DOUBLE, "hours", "Median hours from payment to confirmed receipt on ring trades; null when none was confirmed."),
              required("median_buyer_age_days", DOUBLE, "days", "Median days between a buyer's first trade in the input and the end of the day."),
              required("young_buyer_share", DOUBLE, SHARE, "Share of buyers first seen less than youngAccountDays (30) before the end of the day."),
              optional("five_star_share", DOUBLE, SHARE,
                  "Share of ring buyers' ratings of ring sellers that are positive with all three detailed scores 5; null when none."),
              required("repeat_pair_rate", DOUBLE, SHARE, "Share of ring buyer-seller pairs with two or more trades."),
              required("lockstep_share", DOUBLE, SHARE, "Share of buyers in a lockstep group with another buyer of the ring."),
              required("shared_key_share", DOUBLE, SHARE, "Share of buyers sharing a device/IP/address link group with another buyer of the ring."),
              required("reason", STRING, "text", "Plain-words summary of the evidence for reviewers (no personal values).")));

  public static final TableSchema RING_MEMBERS =
      new TableSchema(
          "ring_members",
          "One row per account and ring it belongs to." + SNAPSHOT
              + " seller_scores reads the latest partition at or before its day.",
          List.of(
              required("account_id", STRING, ID, "Buyer or seller account."),
              required("role", STRING, "enum", "buyer or seller."),
              required("ring_id", STRING, ID, "Ring the account belongs to (rings.ring_id)."),
              required("member_score", DOUBLE, SHARE,
                  "Share of the account's whole weighted degree inside the ring: near 1 for a pure fake account, "
                      + "lower for a hijacked account with honest history.")));

  private RingTables() {}

  public static List<TableSchema> all() {
    return List.of(RINGS, RING_MEMBERS);
  }
}
