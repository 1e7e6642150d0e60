package org.chengxin.core.schema;

import static org.chengxin.core.schema.Column.optional;
import static org.chengxin.core.schema.Column.required;
import static org.chengxin.core.schema.ColumnType.BOOLEAN;
import static org.chengxin.core.schema.ColumnType.DATE;
import static org.chengxin.core.schema.ColumnType.INT;
import static org.chengxin.core.schema.ColumnType.LONG;
import static org.chengxin.core.schema.ColumnType.STRING;
import static org.chengxin.core.schema.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * Tables written by the ingest job: the validated event tables plus the dead-letter and
 * late-event outputs. Partition {@code ds} of an event table is the event's own UTC day (trade:
 * created_at, rating: rated_at, complaint: filed_at, certificate: recorded_at, rating revision:
 * revised_at); dead_letter and
 * late_events are partitioned by the day of the run that saw the line (docs/ingest.md).
 */
public final class EventTables {

  private static final String ID = "opaque id";
  private static final String UTC = "UTC, ms";
  private static final String KEY = "HMAC-SHA256 hex, 32 chars";

  private static final Column SOURCE_FILE =
      required("source_file", STRING, "path", "Raw file the event was read from (lineage).");
  private static final Column SOURCE_LINE =
      required("source_line", LONG, "1-based", "Line number of the event in its raw file.");

  public static final TableSchema TRADES =
      new TableSchema(
          "trades",
          "One row per accepted trade (order), first delivery of each trade_id.",
          List.of(
              required("trade_id", STRING, ID, "Order id, unique across the marketplace."),
              required("buyer_id", STRING, ID, "Account that bought."),
              required("seller_id", STRING, ID, "Account (store) that sold."),
              required("item_id", STRING, ID, "Listed item."),
              required("category", STRING, "slug", "Item category, e.g. womens_apparel."),
              optional("brand", STRING, "slug", "Brand of the item; null for unbranded goods."),
              required("price_minor", LONG, "minor units", "Unit price in minor currency units (fen, cents)."),
              required("currency", STRING, "ISO 4217", "Currency of price_minor."),
              required("quantity", INT, "items", "Number of items in the order."),
              required("created_at", TIMESTAMP, UTC, "When the order was placed (event time)."),
              optional("paid_at", TIMESTAMP, UTC, "When it was paid; null if never paid."),
              optional("shipped_at", TIMESTAMP, UTC, "When it was shipped; null if never shipped."),
              optional("confirmed_at", TIMESTAMP, UTC, "When the buyer confirmed receipt; null if not."),
              required("status", STRING, "enum", "Final status: completed, cancelled, refunded, disputed."),
              required("device_key", STRING, KEY, "Pseudonymised device identifier of the buyer."),
              required("ip_key", STRING, KEY, "Pseudonymised IP address of the buyer."),
              required("address_key", STRING, KEY, "Pseudonymised shipping address."),
              SOURCE_FILE,
              SOURCE_LINE));

  public static final TableSchema RATINGS =
      new TableSchema(
          "ratings",
          "One row per accepted rating, first delivery of each rating_id. Hidden ratings are kept.",
          List.of(
              required("rating_id", STRING, ID, "Rating id."),
              required("trade_id", STRING, ID, "Trade the rating is about."),
              required("rater_id", STRING, ID, "Account that left the rating."),
              required("ratee_id", STRING, ID, "Account that was rated."),
              required("direction", STRING, "enum", "buyer_to_seller or seller_to_buyer."),
              required("score", STRING, "enum", "Overall score: positive, neutral, negative."),
              optional("item_as_described", INT, "1-5", "Detailed seller rating; buyer_to_seller only."),
              optional("service", INT, "1-5", "Detailed seller rating; buyer_to_seller only."),
              optional("logistics", INT, "1-5", "Detailed seller rating; buyer_to_seller only."),
              required("rated_at", TIMESTAMP, UTC, "When the rating was left (event time)."),
              required("hidden", BOOLEAN, "", "True when the platform hides it from shoppers (cancelled or refunded trade)."),
              required("trade_known", BOOLEAN, "", "False when no ingested trade had this trade_id at ingest time (flagged, not dropped)."),
              SOURCE_FILE,
              SOURCE_LINE));

  public static final TableSchema COMPLAINTS =
      new TableSchema(
          "complaints",
          "One row per accepted complaint (dispute / rights-protection claim).",
          List.of(
              required("complaint_id", STRING, ID, "Complaint id."),
              required("trade_id", STRING, ID, "Trade complained about."),
              required("buyer_id", STRING, ID, "Buyer who filed."),
              required("seller_id", STRING, ID, "Seller complained about."),
              required("type", STRING, "enum", "counterfeit, not_as_described, not_received, service, other."),
              required("severity", STRING, "enum", "low, medium, high."),
              required("filed_at", TIMESTAMP, UTC, "When it was filed (event time)."),
              optional("resolved_at", TIMESTAMP, UTC, "When it was resolved; null while pending."),
              required("outcome", STRING, "enum", "upheld, rejected, pending."),
              required("compensation_minor", LONG, "minor units", "Compensation paid to the buyer."),
              required("currency", STRING, "ISO 4217", "Currency of compensation_minor."),
              required("trade_known", BOOLEAN, "", "False when no ingested trade had this trade_id at ingest time."),
              SOURCE_FILE,
              SOURCE_LINE));

  public static final TableSchema CERTIFICATES =
      new TableSchema(
          "certificates",
          "One row per certificate event: a seller's proof of authenticity for a luxury brand.",
          List.of(
              required("certificate_id", STRING, ID, "Certificate event id."),
              required("seller_id", STRING, ID, "Seller the certificate is for."),
              required("brand", STRING, "slug", "Luxury brand."),
              required("status", STRING, "enum", "verified, rejected, missing."),
              required("recorded_at", TIMESTAMP, UTC, "When the status was recorded (event time)."),
              SOURCE_FILE,
              SOURCE_LINE));

  public static final TableSchema RATING_REVISIONS =
      new TableSchema(
          "rating_revisions",
          "One row per accepted rating revision: a rater's one upward change of a rating within 30 days of it "
              + "(negative or neutral to positive). Revisions that break the rules are in dead_letter.",
          List.of(
              required("revision_id", STRING, ID, "Revision id."),
              required("rating_id", STRING, ID, "Rating revised; its rater, ratee and trade are in ratings."),
              required("rater_id", STRING, ID, "Account that revised it: the rating's rater."),
              required("score", STRING, "enum", "Overall score after the revision: positive."),
              optional("item_as_described", INT, "1-5", "Detailed seller rating after the revision; null when unchanged."),
              optional("service", INT, "1-5", "Detailed seller rating after the revision; null when unchanged."),
              optional("logistics", INT, "1-5", "Detailed seller rating after the revision; null when unchanged."),
              required("revised_at", TIMESTAMP, UTC, "When the rating was revised (event time)."),
              optional("reason", STRING, "enum", "What the rater gave as the reason: arrived, resolved, other; null if none."),
              SOURCE_FILE,
              SOURCE_LINE));

  public static final TableSchema DEAD_LETTER =
      new TableSchema(
          "dead_letter",
          "One row per rejected raw line, with the reason. Personal fields in raw_line are replaced by their keyed hashes.",
          List.of(
              required("reason", STRING, "reason code", "Why the line was rejected; see docs/ingest.md for the codes."),
              optional("detail", STRING, "text", "Which field and value broke the rule."),
              optional("kind", STRING, "enum", "Event kind when it could be read."),
              optional("event_id", STRING, ID, "Event id when it could be read."),
              required("raw_line", STRING, "text", "The line as received, personal values redacted, cut at 4,096 chars."),
              SOURCE_FILE,
              SOURCE_LINE));

  public static final TableSchema LATE_EVENTS =
      new TableSchema(
          "late_events",
          "Valid events that arrived beyond the lateness policy: kept and counted, never silently dropped.",
          List.of(
              required("kind", STRING, "enum", "Event kind."),
              required("event_id", STRING, ID, "Event id."),
              required("reason", STRING, "enum", "other_day: a bounded run for another day saw it; behind_watermark: it arrived after watermark minus allowed lateness (continuous)."),
              required("event_time", TIMESTAMP, UTC, "The event's own time."),
              required("event_day", DATE, "YYYY-MM-DD", "UTC day the event belongs to."),
              required("lateness_ms", LONG, "ms", "How far behind the bound it is: run day start minus event time (negative for a later day), or watermark minus allowed lateness minus event time."),
              required("raw_line", STRING, "text", "The line as received, personal values redacted."),
              SOURCE_FILE,
              SOURCE_LINE));

  private EventTables() {}

  public static List<TableSchema> all() {
    return List.of(TRADES, RATINGS, COMPLAINTS, CERTIFICATES, RATING_REVISIONS, DEAD_LETTER, LATE_EVENTS);
  }
}
