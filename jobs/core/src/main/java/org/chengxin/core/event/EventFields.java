package org.chengxin.core.event;

/**
 * Field names of raw JSON Lines events, the wire format real feeds and the generator share. Every
 * line is one JSON object with {@code kind} and that kind's id field; docs/events.md documents
 * each field's type, unit and range. Timestamps are ISO-8601 instants in UTC
 * ({@code 2026-11-01T08:15:30Z}); money is an integer count of minor units plus an ISO 4217
 * currency. Device, IP and address values arrive raw and are pseudonymised at ingest.
 */
public final class EventFields {
  public static final String KIND = "kind";

  // trade
  public static final String TRADE_ID = "trade_id";
  public static final String BUYER_ID = "buyer_id";
  public static final String SELLER_ID = "seller_id";
  public static final String ITEM_ID = "item_id";
  public static final String CATEGORY = "category";
  public static final String BRAND = "brand";
  public static final String PRICE_MINOR = "price_minor";
  public static final String CURRENCY = "currency";
  public static final String QUANTITY = "quantity";
  public static final String CREATED_AT = "created_at";
  public static final String PAID_AT = "paid_at";
  public static final String SHIPPED_AT = "shipped_at";
  public static final String CONFIRMED_AT = "confirmed_at";
  public static final String STATUS = "status";
  /** Raw device identifier: personal, pseudonymised at ingest into device_key. */
  public static final String DEVICE_ID = "device_id";
  /** Raw IP address: personal, pseudonymised at ingest into ip_key. */
  public static final String IP_ADDRESS = "ip_address";
  /** Raw shipping address: personal, pseudonymised at ingest into address_key. */
  public static final String SHIPPING_ADDRESS = "shipping_address";

  // rating
  public static final String RATING_ID = "rating_id";
  public static final String RATER_ID = "rater_id";
  public static final String RATEE_ID = "ratee_id";
  public static final String DIRECTION = "direction";
  public static final String SCORE = "score";
  public static final String ITEM_AS_DESCRIBED = "item_as_described";
  public static final String SERVICE = "service";
  public static final String LOGISTICS = "logistics";
  public static final String RATED_AT = "rated_at";
  public static final String HIDDEN = "hidden";

  // complaint
  public static final String COMPLAINT_ID = "complaint_id";
  public static final String TYPE = "type";
  public static final String SEVERITY = "severity";
  public static final String FILED_AT = "filed_at";
  public static final String RESOLVED_AT = "resolved_at";
  public static final String OUTCOME = "outcome";
  public static final String COMPENSATION_MINOR = "compensation_minor";

  // certificate
  public static final String CERTIFICATE_ID = "certificate_id";
  public static final String RECORDED_AT = "recorded_at";

  // rating_revision (rating_id, rater_id, score and the detailed ratings as for a rating: the new values)
  public static final String REVISION_ID = "revision_id";
  public static final String REVISED_AT = "revised_at";
  public static final String REASON = "reason";

  /** The raw personal fields: never stored or logged as they are. */
  public static final java.util.List<String> PERSONAL =
      java.util.List.of(DEVICE_ID, IP_ADDRESS, SHIPPING_ADDRESS);

  private EventFields() {}
}
