package org.chengxin.core.event;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of raw marketplace event; the JSON field {@code kind} names one of them. A
 * {@code rating_revision} changes an earlier rating (docs/events.md).
 */
public enum EventKind {
  TRADE("trade", "trade_id", "trades"),
  RATING("rating", "rating_id", "ratings"),
  COMPLAINT("complaint", "complaint_id", "complaints"),
  CERTIFICATE("certificate", "certificate_id", "certificates"),
  RATING_REVISION("rating_revision", "revision_id", "rating_revisions");

  private final String wireName;
  private final String idField;
  private final String table;

  EventKind(String wireName, String idField, String table) {
    this.wireName = wireName;
    this.idField = idField;
    this.table = table;
  }

  /** The value of the {@code kind} field in raw JSON. */
  public String wireName() {
    return wireName;
  }

  /** The JSON field that carries this kind's event id (the deduplication key). */
  public String idField() {
    return idField;
  }

  /** The Parquet table the accepted events of this kind land in. */
  public String table() {
    return table;
  }

  public static Optional<EventKind> fromWire(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (EventKind kind : values()) {
      if (kind.wireName.equals(value.toLowerCase(Locale.ROOT))) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
