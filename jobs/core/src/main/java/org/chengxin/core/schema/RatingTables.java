package org.chengxin.core.schema;

import static org.chengxin.core.schema.Column.optional;
import static org.chengxin.core.schema.Column.required;
import static org.chengxin.core.schema.ColumnType.DOUBLE;
import static org.chengxin.core.schema.ColumnType.INT;
import static org.chengxin.core.schema.ColumnType.LONG;
import static org.chengxin.core.schema.ColumnType.STRING;
import static org.chengxin.core.schema.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * Tables of the rater reliability job (docs/rater-reliability.md): suspect ratings and the scores
 * of every rater. seller_scores reads {@code rating_flags.rating_id} (removed from robust figures)
 * and {@code rater_scores.rater_id, reliability} (the weight of each remaining rating).
 */
public final class RatingTables {

  private static final String ID = "opaque id";
  private static final String SIGNAL = "0-1";

  public static final TableSchema RATING_FLAGS =
      new TableSchema(
          "rating_flags",
          "Every buyer_to_seller rating judged suspect as of the day, once per pattern that caught it. "
              + "A partition is a full snapshot over all history; seller_scores reads the latest one at or before its day.",
          List.of(
              required("rating_id", STRING, ID, "Flagged rating."),
              required("detector", STRING, "name", "Job that flagged it (rater_reliability)."),
              required("reason", STRING, "text", "The pattern in plain words (no personal values)."),
              required("rater_id", STRING, ID, "Account that gave the rating."),
              required("ratee_id", STRING, ID, "Account that was rated."),
              required("pattern", STRING, "enum",
                  "extortion, extortion_repeat, competitor_attack, serial_negative, shared_key_boost, ring_boost, "
                      + "paid_off_extortion or bought_revision; "
                      + "see docs/rater-reliability.md."),
              required("score", DOUBLE, "0-1", "How clearly the rating fits the pattern (higher = clearer)."),
              required("rated_at", TIMESTAMP, "UTC, ms", "When the rating was left."),
              optional("hours_after_rejection", DOUBLE, "hours",
                  "extortion: time from the rater's rejected complaint against the ratee to the rating."),
              optional("extortion_flags", LONG, "ratings",
                  "extortion_repeat: the rater's other ratings flagged as extortion; paid_off_extortion: the rater's "
                      + "ratings flagged as extortion."),
              optional("burst_raters", INT, "accounts",
                  "competitor_attack: distinct low-history raters with negatives on the ratee in the burst window."),
              optional("window_ratings", LONG, "ratings", "competitor_attack: all ratings the ratee got in that window."),
              optional("expected_negatives", DOUBLE, "ratings",
                  "competitor_attack: negatives the window would hold at the ratee's usual negative share; "
                      + "serial_negative: negatives the rater's ratings would hold at the market's negative share."),
              optional("linked_raters", INT, "accounts",
                  "competitor_attack and shared_key_boost: other raters of the ratee sharing a device, IP or address key with this rater."),
              optional("rater_ratings", LONG, "ratings", "serial_negative: buyer_to_seller ratings the rater gave in all."),
              optional("rater_negatives", LONG, "ratings", "serial_negative: the negative ones among them."),
              optional("revision_id", STRING, ID,
                  "paid_off_extortion and bought_revision: the revision (rating_revisions) that turned the rating positive."),
              optional("revised_at", TIMESTAMP, "UTC, ms", "paid_off_extortion and bought_revision: when it was revised."),
              optional("complaint_id", STRING, ID,
                  "paid_off_extortion: the rater's upheld complaint on the rating's trade whose compensation the revision followed."),
              optional("hours_after_resolution", DOUBLE, "hours",
                  "paid_off_extortion: time from that complaint's resolution to the revision."),
              optional("paid_off_revisions", LONG, "revisions",
                  "paid_off_extortion: the rater's revisions that followed a compensation this way, this one included."),
              optional("burst_revisions", INT, "revisions",
                  "bought_revision: revisions of the ratee's ratings in the burst window that flagged the revision."),
              optional("burst_hours", DOUBLE, "hours", "bought_revision: time from the burst's first revision to its last."),
              optional("expected_revisions", DOUBLE, "revisions",
                  "bought_revision: revisions the window would hold at the platform's revision rate over the ratee's "
                      + "negative and neutral ratings.")));

  public static final TableSchema RATER_SCORES =
      new TableSchema(
          "rater_scores",
          "One row per account that gave at least one buyer_to_seller rating, as of the day: fairness, behavioural "
              + "signals, suspicion and the reliability weight seller_scores gives its ratings. A partition is a full "
              + "snapshot; seller_scores reads the latest one at or before its day (raters absent weigh 1).",
          List.of(
              required("rater_id", STRING, ID, "Account that leaves ratings."),
              required("reliability", DOUBLE, "0-1",
                  "Weight of each of the rater's ratings in robust reputation: 1 - the noisy-OR of the evidence signals "
                      + "(negative_share, rating_skew, extortion, competitor_attack, shared_key_boost, ring_member); "
                      + "cold start alone does not discount."),
              required("fairness", DOUBLE, "0-1", "REV2-style fairness from the fixed point (trust is earned: a new rater starts at 0)."),
              optional("goodness", DOUBLE, "-1-1", "Goodness of the account as a ratee; null when nobody rated it."),
              required("ratings_given", LONG, "ratings", "buyer_to_seller ratings the account gave, all history."),
              required("ratings_received", LONG, "ratings", "buyer_to_seller ratings the account received, all history."),
              required("negative_ratings", LONG, "ratings", "Negative ratings the account gave."),
              required("tenure_days", DOUBLE, "days", "First to last given rating, plus one day."),
              required("flagged_ratings", LONG, "ratings", "Ratings it gave that rating_flags holds."),
              required("unfairness", DOUBLE, SIGNAL, "1 - fairness."),
              required("thin_history", DOUBLE, SIGNAL, "halfLife / (tenure_days + halfLife): short track record."),
              required("negative_share", DOUBLE, SIGNAL, "Shrunk negative share above the market's."),
              required("rating_skew", DOUBLE, SIGNAL, "BIRDNEST-style divergence of score and gap histograms from the market."),
              required("extortion", DOUBLE, SIGNAL, "Highest extortion flag score on its ratings."),
              required("competitor_attack", DOUBLE, SIGNAL, "Highest competitor_attack flag score on its ratings."),
              required("shared_key_boost", DOUBLE, SIGNAL, "Highest shared_key_boost flag score on its ratings."),
              required("ring_member", DOUBLE, SIGNAL, "Highest ring_members.member_score as a buyer (0 when no ring table exists)."),
              required("suspicion", DOUBLE, SIGNAL, "Noisy-OR of every signal above: the account's rank for review.")));

  public static final TableSchema ACCOUNT_RELIABILITY =
      new TableSchema(
          "account_reliability",
          "The fixed point's state as of the day: one row per account that gave or received a buyer_to_seller rating. "
              + "The next night's rater_reliability starts its rounds from the latest partition before its day (warm start).",
          List.of(
              required("account_id", STRING, ID, "Account in the rating graph."),
              optional("fairness", DOUBLE, "0-1", "Fairness as a rater; null when it gave no rating."),
              optional("goodness", DOUBLE, "-1-1", "Goodness as a ratee; null when nobody rated it.")));

  private RatingTables() {}

  public static List<TableSchema> all() {
    return List.of(RATING_FLAGS, RATER_SCORES, ACCOUNT_RELIABILITY);
  }
}
