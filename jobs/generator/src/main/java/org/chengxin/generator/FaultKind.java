package org.chengxin.generator;

import java.util.List;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.event.WireEnum;

/**
 * The malformed lines the generator injects; every one must be dead-lettered by ingest. Names are the
 * keys of {@code malformed_by_fault} in truth/manifest.json.
 */
enum FaultKind implements WireEnum {
  /** The line is cut off mid-object (a partial write). */
  TRUNCATED,
  /** Not a JSON object (a proxy error page, a log line, an array). */
  NOT_JSON,
  /** The kind's id field is absent. */
  MISSING_ID,
  /** {@code kind} names no known event kind. */
  UNKNOWN_KIND,
  /** The event-time field is absent. */
  MISSING_EVENT_TIME,
  /** The event time is not an ISO-8601 UTC instant. */
  BAD_TIMESTAMP,
  /** An enum field holds a word outside its vocabulary. */
  BAD_ENUM,
  /** An account id is not well formed ([A-Za-z0-9_.:-]{1,64}). */
  BAD_ACCOUNT_ID,
  /** A number is out of range: negative money, detailed rating outside 1-5. */
  OUT_OF_RANGE;

  /** The faults that can be made from an event of this kind. */
  static List<FaultKind> applicableTo(EventKind kind) {
    return kind == EventKind.CERTIFICATE
        ? List.of(TRUNCATED, NOT_JSON, MISSING_ID, UNKNOWN_KIND, MISSING_EVENT_TIME, BAD_TIMESTAMP, BAD_ENUM, BAD_ACCOUNT_ID)
        : List.of(values());
  }
}
