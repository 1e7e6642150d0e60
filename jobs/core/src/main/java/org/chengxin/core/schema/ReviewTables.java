package org.chengxin.core.schema;

import static org.chengxin.core.schema.Column.optional;
import static org.chengxin.core.schema.Column.required;
import static org.chengxin.core.schema.ColumnType.BOOLEAN;
import static org.chengxin.core.schema.ColumnType.DATE;
import static org.chengxin.core.schema.ColumnType.DOUBLE;
import static org.chengxin.core.schema.ColumnType.LONG;
import static org.chengxin.core.schema.ColumnType.STRING;
import static org.chengxin.core.schema.ColumnType.STRING_ARRAY;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables of the review side of the nightly run (docs/review.md): counterfeit signals, the risk
 * model's per-seller features and scores, and the flagged-seller review queue that is synced into
 * the PostgreSQL case store. Every partition is a full snapshot as of its day.
 */
public final class ReviewTables {

  private static final String ID = "opaque id";
  private static final String SHARE = "0-1";

  public static final TableSchema COUNTERFEIT_SIGNALS =
      new TableSchema(
          "counterfeit_signals",
          "One row per seller with luxury-brand sales in the trailing window or counterfeit complaints: the counterfeit "
              + "signals (burden of proof on the seller: a luxury sale without a verified certificate is itself a signal).",
          List.of(
              required("seller_id", STRING, ID, "Seller."),
              required("luxury_trades", LONG, "trades", "Trades of luxury-brand items (brand set, luxury category), trailing window."),
              required("uncertified_trades", LONG, "trades",
                  "Luxury trades whose brand has no verified certificate for the seller (latest status as of the day)."),
              required("uncertified_share", DOUBLE, SHARE, "uncertified_trades / luxury_trades; 0 without luxury trades."),
              required("underpriced_trades", LONG, "trades",
                  "Luxury trades priced far below the brand's usual price in its category (below 40% of the market median, "
                      + "or more than 4 scaled MADs below it)."),
              required("underpriced_share", DOUBLE, SHARE, "underpriced_trades / luxury_trades; 0 without luxury trades."),
              required("counterfeit_complaints", LONG, "complaints", "Counterfeit complaints filed in the window, any outcome."),
              required("upheld_counterfeit_complaints", LONG, "complaints", "Counterfeit complaints filed in the window and upheld."),
              required("certificate_gaps", STRING_ARRAY, "brand slugs", "Brands sold in the window without a verified certificate."),
              required("complaint_ids", STRING_ARRAY, ID, "Upheld counterfeit complaints (at most 50, lowest ids)."),
              required("suspected", BOOLEAN, "",
                  "Counterfeit suspected: uncertified luxury sales with underpricing or upheld counterfeit complaints "
                      + "(rule in docs/review.md).")));

  /** The risk model's inputs: every feature column is a required double, 0 when its source table is absent. */
  public static final TableSchema SELLER_FEATURES =
      new TableSchema(
          "seller_features",
          "One row per seller active in the trailing window or scored in seller_scores: the risk model's features. "
              + "A feature whose source table does not exist yet is 0 (docs/review.md).",
          List.of(
              required("seller_id", STRING, ID, "Seller."),
              feature("trades", "trades", "Trades (not cancelled) created in the trailing window."),
              feature("buyers", "accounts", "Distinct buyers of those trades."),
              feature("repeat_buyer_share", SHARE, "1 - buyers / trades: how much of the volume comes from repeat buyers."),
              feature("quick_confirm_share", SHARE, "Share of the window's confirmed trades confirmed within 3 h of the order."),
              feature("price_to_category_median", "ratio", "Median over the seller's trades of unit price / its category's market median."),
              feature("account_age_days", "days", "Days from the seller's first trade in the warehouse to the end of the day."),
              feature("credit_points", "points", "seller_scores.credit_points."),
              feature("credit_per_day", "points/day", "credit_points / max(account_age_days, 1): growth of credit."),
              feature("credit_suspect_share", SHARE,
                  "seller_scores.credit_gap / max(credit_points, 1), clipped to 0-1: share of the credit that is suspect."),
              feature("flagged_rating_share", SHARE, "seller_scores.flagged_ratings / counted ratings (rating_flags)."),
              feature("negative_rate", SHARE, "Counted negative ratings / counted ratings."),
              feature("dsr_item_as_described", "1-5", "seller_scores.dsr_item_as_described; 0 without ratings."),
              feature("ring_member", "0/1", "1 when ring_members lists the seller in a ring."),
              feature("ring_score", "0-1", "Highest member_score of the seller in ring_members."),
              feature("luxury_trades", "trades", "counterfeit_signals.luxury_trades."),
              feature("uncertified_share", SHARE, "counterfeit_signals.uncertified_share."),
              feature("underpriced_share", SHARE, "counterfeit_signals.underpriced_share."),
              feature("upheld_counterfeit_complaints", "complaints", "counterfeit_signals.upheld_counterfeit_complaints."),
              feature("upheld_complaint_rate", SHARE, "Upheld complaints filed in the window / trades in the window (dissatisfaction).")));

  public static final TableSchema SELLER_RISK =
      new TableSchema(
          "seller_risk",
          "One row per seller of seller_features: the latest risk model's probability that the seller is fraudulent "
              + "(ring or counterfeit) and which model gave it.",
          List.of(
              required("seller_id", STRING, ID, "Seller."),
              required("risk", DOUBLE, SHARE, "Model probability that the seller is fraudulent."),
              required("model_version", STRING, "name", "Version directory of the model under models/risk that scored it.")));

  public static final TableSchema REVIEW_QUEUE =
      new TableSchema(
          "review_queue",
          "One row per flagged seller (risk at or above the threshold, or counterfeit suspected): what the nightly run "
              + "syncs into the PostgreSQL case store (docs/review.md, docs/review-queue.md).",
          List.of(
              required("seller_id", STRING, ID, "Seller."),
              required("priority", DOUBLE, "score", "risk x exposure; higher is reviewed first."),
              required("risk", DOUBLE, SHARE, "seller_risk.risk."),
              required("exposure", DOUBLE, "score",
                  "1 + ln(1 + trades) + ln(1 + buyers) + 2 ln(1 + upheld complaints), trailing window."),
              required("trades", LONG, "trades", "Trades in the trailing window."),
              required("buyers", LONG, "accounts", "Buyers affected: distinct buyers in the trailing window."),
              required("complaints", LONG, "complaints", "Upheld complaints filed in the trailing window."),
              required("reasons", STRING_ARRAY, "text", "Why, in plain words, strongest first."),
              required("ring_ids", STRING_ARRAY, ID, "Rings the seller is in."),
              required("flagged_rating_ids", STRING_ARRAY, ID, "Flagged ratings the seller received in the window (at most 50)."),
              required("complaint_ids", STRING_ARRAY, ID, "Upheld complaints against the seller in the window (at most 50)."),
              required("certificate_gaps", STRING_ARRAY, "brand slugs", "Luxury brands sold without a verified certificate."),
              required("recommended_action", STRING, "enum", "warn, demand_certificates or seven_day_closure."),
              required("first_flagged", DATE, "day", "First day of the seller's current run of flags (carried from the previous partition)."),
              required("last_flagged", DATE, "day", "The partition's day."),
              required("evidence_fingerprint", STRING, "32 hex",
                  "Fingerprint of the evidence pointers and the price signal: a cleared seller is flagged again only when it changes."),
              required("model_version", STRING, "name", "Model that gave the risk."),
              optional("category", STRING, "slug",
                  "The category of most of the seller's trades in the trailing window (a tie: the first by name); null without "
                      + "trades in it, and in partitions written before it was carried. The review console's queue filters by it.")));

  private ReviewTables() {}

  public static List<TableSchema> all() {
    return List.of(COUNTERFEIT_SIGNALS, SELLER_FEATURES, SELLER_RISK, REVIEW_QUEUE);
  }

  /** The model's feature columns of seller_features, in order (all but seller_id). */
  public static List<String> featureNames() {
    List<String> names = new ArrayList<>();
    for (Column column : SELLER_FEATURES.columns()) {
      if (column.type() == DOUBLE) {
        names.add(column.name());
      }
    }
    return List.copyOf(names);
  }

  private static Column feature(String name, String unit, String meaning) {
    return required(name, DOUBLE, unit, meaning);
  }
}
