package org.chengxin.core.schema;

import static org.chengxin.core.schema.Column.optional;
import static org.chengxin.core.schema.Column.records;
import static org.chengxin.core.schema.Column.required;
import static org.chengxin.core.schema.ColumnType.BOOLEAN;
import static org.chengxin.core.schema.ColumnType.DATE;
import static org.chengxin.core.schema.ColumnType.DOUBLE;
import static org.chengxin.core.schema.ColumnType.INT;
import static org.chengxin.core.schema.ColumnType.LONG;
import static org.chengxin.core.schema.ColumnType.STRING;

import java.util.List;

/**
 * The public record (docs/public-record.md): what a storefront may show of a seller, its credit and
 * DSR and every violation a reviewer confirmed, with the penalty and its end. Nothing in it names
 * another account, a reviewer, a pseudonymous key, a ring or rating, or a mere suspicion.
 */
public final class PublicRecordTables {

  private static final String DSR = "Mean detailed rating '%s' (seller_scores, trailing 180 days); null with none.";

  public static final TableSchema SELLER_PUBLIC_RECORD =
      new TableSchema(
          "seller_public_record",
          "One row per seller with a seller_scores row as of the day or a confirmed violation on record: the public "
              + "record a storefront may show (chengxin public-record exports it as JSON). Only cases a reviewer confirmed "
              + "on or before the day appear, as of the day; a confirmation whose appeal was upheld does not (docs/public-record.md).",
          List.of(
              required("seller_id", STRING, "opaque id", "Seller (store) account."),
              optional("scores_day", DATE, "day", "The seller_scores partition the figures come from (latest at or before the day); "
                  + "null when the seller has none."),
              optional("credit_points", LONG, "points", "seller_scores.credit_points."),
              optional("credit_level", INT, "0-20", "seller_scores.credit_level."),
              optional("credit_badge", STRING, "enum", "seller_scores.credit_badge: none, heart, diamond, crown or gold_crown."),
              optional("credit_badge_count", INT, "0-5", "seller_scores.credit_badge_count."),
              optional("positive_rate", DOUBLE, "0-1", "seller_scores.positive_rate."),
              optional("dsr_item_as_described", DOUBLE, "1-5", String.format(DSR, "item as described")),
              optional("dsr_item_as_described_count", LONG, "ratings", "Ratings behind dsr_item_as_described."),
              optional("dsr_service", DOUBLE, "1-5", String.format(DSR, "service")),
              optional("dsr_service_count", LONG, "ratings", "Ratings behind dsr_service."),
              optional("dsr_logistics", DOUBLE, "1-5", String.format(DSR, "logistics")),
              optional("dsr_logistics_count", LONG, "ratings", "Ratings behind dsr_logistics."),
              required("confirmed_violations", INT, "cases", "How many violations the record lists."),
              required("currently_penalised", BOOLEAN, "", "A listed penalty is in force on the day."),
              optional("closed_until", DATE, "day", "Last day of a seven-day closure in force on the day; null when the shop is open."),
              records("violations", "Every confirmed violation, oldest decision first; empty when there is none.", List.of(
                  required("decided_on", DATE, "day", "UTC day a reviewer confirmed the case."),
                  required("kind", STRING, "words",
                      "What was confirmed, from the case's evidence: one or more of credit boosting ring, counterfeit goods, "
                          + "rating manipulation, fake sales, upheld buyer complaints (else other misconduct), comma-separated."),
                  required("penalty", STRING, "enum", "warn, demand_certificates or seven_day_closure."),
                  required("penalty_start", DATE, "day", "First day of the penalty (the decision's day)."),
                  optional("penalty_end", DATE, "day",
                      "Last day the penalty applies, inclusive: a closure's seventh day, the day before accepted certificates "
                          + "or a lift; a warning's own day; null while open-ended (certificates not yet accepted)."),
                  required("penalty_state", STRING, "enum", "As of the day: active (in force), ended (term run out, "
                      + "certificates accepted, or a warning) or lifted (ended early by a reviewer)."),
                  optional("appeal", STRING, "enum", "The seller's latest appeal as of the day: pending or rejected; null with none.")))));

  private PublicRecordTables() {}

  public static List<TableSchema> all() {
    return List.of(SELLER_PUBLIC_RECORD);
  }
}
