package org.chengxin.core.schema;

import static org.chengxin.core.schema.Column.optional;
import static org.chengxin.core.schema.Column.required;
import static org.chengxin.core.schema.ColumnType.BOOLEAN;
import static org.chengxin.core.schema.ColumnType.DATE;
import static org.chengxin.core.schema.ColumnType.DOUBLE;
import static org.chengxin.core.schema.ColumnType.INT;
import static org.chengxin.core.schema.ColumnType.LONG;
import static org.chengxin.core.schema.ColumnType.STRING;
import static org.chengxin.core.schema.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * Tables of the seller score job (docs/seller-scores.md): the shopper-facing and robust
 * {@code seller_scores}, the per-rating {@code credit_ledger} and the credit rules' carried-over state;
 * the detector tables it reads (rating_flags, rater_scores) are in {@link RatingTables}.
 */
public final class ScoreTables {

  private static final String ID = "opaque id";
  private static final String COUNT = "ratings";
  private static final String UTC = "UTC, ms";

  public static final TableSchema SELLER_SCORES =
      new TableSchema(
          "seller_scores",
          "One row per seller per day (every seller with at least one buyer_to_seller rating so far): "
              + "credit and level by the platform's rules, DSR over the trailing 180 days, robust reputation.",
          List.of(
              required("seller_id", STRING, ID, "Seller (store) account."),
              required("credit_points", LONG, "points", "Shopper-facing credit: sum of counted ratings (+1/0/-1) over all history."),
              required("credit_level", INT, "0-20", "Level index: 0 none, 1-5 hearts, 6-10 diamonds, 11-15 crowns, 16-20 gold crowns."),
              required("credit_badge", STRING, "enum", "none, heart, diamond, crown or gold_crown."),
              required("credit_badge_count", INT, "0-5", "How many badges are shown (0 with no level)."),
              required("positive_ratings", LONG, COUNT, "Counted positive ratings, all history."),
              required("neutral_ratings", LONG, COUNT, "Counted neutral ratings, all history."),
              required("negative_ratings", LONG, COUNT, "Counted negative ratings, all history."),
              optional("positive_rate", DOUBLE, "0-1", "positive / (positive + neutral + negative) counted ratings; null with none."),
              required("ratings_deduplicated", LONG, COUNT, "Visible ratings not counted: same item, same buyer, within 14 days of a counted one."),
              required("ratings_capped", LONG, COUNT, "Visible ratings not counted: beyond the buyer-seller monthly cap of +/-6."),
              required("ratings_late", LONG, COUNT, "Visible ratings not counted: left more than 15 days after the trade ended."),
              required("ratings_unmatched", LONG, COUNT, "Visible ratings not counted: trade unknown, outside the look-back, or of other accounts."),
              required("hidden_ratings", LONG, COUNT, "Hidden ratings (cancelled or refunded trades): never in credit, counted here."),
              required("hidden_positive", LONG, COUNT, "Hidden positive ratings."),
              required("hidden_negative", LONG, COUNT, "Hidden negative ratings."),
              required("revised_ratings", LONG, COUNT,
                  "Ratings their raters revised (once, upward), all history; every figure takes a revised rating at its new score."),
              optional("dsr_item_as_described", DOUBLE, "1-5", "Mean detailed rating 'item as described', trailing 180 days; null with none."),
              required("dsr_item_as_described_count", LONG, COUNT, "Ratings behind dsr_item_as_described."),
              optional("dsr_service", DOUBLE, "1-5", "Mean detailed rating 'service', trailing 180 days; null with none."),
              required("dsr_service_count", LONG, COUNT, "Ratings behind dsr_service."),
              optional("dsr_logistics", DOUBLE, "1-5", "Mean detailed rating 'logistics', trailing 180 days; null with none."),
              required("dsr_logistics_count", LONG, COUNT, "Ratings behind dsr_logistics."),
              required("flagged_ratings", LONG, COUNT, "Counted ratings that rating_flags marks as suspect (removed from the robust figures, "
                  + "except that a bought revision's rating counts there as first given)."),
              required("robust_credit_points", DOUBLE, "points", "Credit from counted, unflagged ratings (a rating whose revision was bought at its first score), "
                  + "each weighted by its rater's reliability."),
              optional("robust_positive_rate", DOUBLE, "0-1", "Weighted positive share of the ratings robust_credit_points counts; null with none."),
              required("positive_rate_lower_bound", DOUBLE, "0-1", "5th percentile of the Beta(1 + weighted positive, 1 + weighted other) posterior of the robust positive rate."),
              required("credit_gap", DOUBLE, "points", "credit_points - robust_credit_points: how much of the credit is suspect.")));

  public static final TableSchema CREDIT_LEDGER =
      new TableSchema(
          "credit_ledger",
          "One row per buyer_to_seller rating, in the partition of the rating's day, and one per revision of it, in the "
              + "partition of the revision's day: what the credit rules made of it. A rating's latest row is what it "
              + "counts now; seller_scores sums those over all history.",
          List.of(
              required("rating_id", STRING, ID, "Rating id."),
              required("trade_id", STRING, ID, "Trade rated."),
              required("seller_id", STRING, ID, "Seller rated (the rating's ratee)."),
              required("buyer_id", STRING, ID, "Buyer who rated (the rating's rater)."),
              optional("item_id", STRING, ID, "Item of the trade; null when the trade is unknown."),
              required("score", STRING, "enum", "positive, neutral or negative (after the revision, on a revision's row)."),
              required("rated_at", TIMESTAMP, UTC, "When the rating was left."),
              required("hidden", BOOLEAN, "", "Hidden from shoppers (cancelled or refunded trade)."),
              required("outcome", STRING, "enum",
                  "counted, hidden, trade_unknown, trade_mismatch, late, duplicate_14d or capped_month; see docs/seller-scores.md."),
              required("credit_points", INT, "points",
                  "What the rating adds to credit_points (as of this row): +1, 0 or -1 when counted, else 0 "
                      + "(a revision the month cap refused keeps the earlier points)."),
              optional("item_as_described", INT, "1-5", "Detailed seller rating, copied for DSR (after the revision, on a revision's row)."),
              optional("service", INT, "1-5", "Detailed seller rating, copied for DSR (after the revision, on a revision's row)."),
              optional("logistics", INT, "1-5", "Detailed seller rating, copied for DSR (after the revision, on a revision's row)."),
              optional("trade_created_at", TIMESTAMP, UTC, "When the rated trade was created (its month is the cap's month); null when unknown."),
              optional("revision_id", STRING, ID, "The revision this row records; null on the rating's own row."),
              optional("revised_at", TIMESTAMP, UTC, "When the rating was revised; null on the rating's own row."),
              required("credit_change", INT, "points",
                  "What this row changed credit_points by: the rating's points on its own row, points after minus before on a revision's row.")));

  public static final TableSchema CREDIT_MONTH_STATE =
      new TableSchema(
          "credit_month_state",
          "Credit rule state after the day: running net of counted ratings per buyer, seller and trade-creation month "
              + "(capped to +/-6). Months no later rating can reach are dropped.",
          List.of(
              required("buyer_id", STRING, ID, "Buyer (rater)."),
              required("seller_id", STRING, ID, "Seller (ratee)."),
              required("month", DATE, "first day", "Natural month (UTC) of the rated trades' creation."),
              required("net", INT, "points", "Running net of counted ratings, within [-6, 6].")));

  public static final TableSchema CREDIT_ITEM_WINDOWS =
      new TableSchema(
          "credit_item_windows",
          "Credit rule state after the day: the open 14-day same-item window per buyer, seller, item and score sign. "
              + "Expired windows are dropped.",
          List.of(
              required("buyer_id", STRING, ID, "Buyer (rater)."),
              required("seller_id", STRING, ID, "Seller (ratee)."),
              required("item_id", STRING, ID, "Item rated."),
              required("score", STRING, "enum", "positive or negative."),
              required("window_start", TIMESTAMP, UTC, "Time of the counted rating that opened the window; it absorbs same-sign ratings for 14 days.")));

  private ScoreTables() {}

  public static List<TableSchema> all() {
    return List.of(SELLER_SCORES, CREDIT_LEDGER, CREDIT_MONTH_STATE, CREDIT_ITEM_WINDOWS);
  }
}
