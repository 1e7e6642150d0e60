package org.chengxin.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.chengxin.core.event.CertificateStatus;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.event.ComplaintSeverity;
import org.chengxin.core.event.ComplaintType;
import org.chengxin.core.event.EventFields;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.event.RevisionReason;
import org.chengxin.core.event.TradeStatus;
import org.chengxin.core.event.WireEnum;

/** A strict reading of the wire format for the tests: what a valid line must satisfy. */
final class FeedCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private static final Map<EventKind, List<String>> REQUIRED =
      Map.of(
          EventKind.TRADE,
          List.of(EventFields.BUYER_ID, EventFields.SELLER_ID, EventFields.ITEM_ID, EventFields.CATEGORY,
              EventFields.PRICE_MINOR, EventFields.CURRENCY, EventFields.QUANTITY, EventFields.CREATED_AT,
              EventFields.STATUS, EventFields.DEVICE_ID, EventFields.IP_ADDRESS, EventFields.SHIPPING_ADDRESS),
          EventKind.RATING,
          List.of(EventFields.TRADE_ID, EventFields.RATER_ID, EventFields.RATEE_ID, EventFields.DIRECTION,
              EventFields.SCORE, EventFields.RATED_AT, EventFields.HIDDEN),
          EventKind.COMPLAINT,
          List.of(EventFields.TRADE_ID, EventFields.BUYER_ID, EventFields.SELLER_ID, EventFields.TYPE,
              EventFields.SEVERITY, EventFields.FILED_AT, EventFields.OUTCOME, EventFields.COMPENSATION_MINOR,
              EventFields.CURRENCY),
          EventKind.CERTIFICATE,
          List.of(EventFields.SELLER_ID, EventFields.BRAND, EventFields.STATUS, EventFields.RECORDED_AT),
          EventKind.RATING_REVISION,
          List.of(EventFields.RATING_ID, EventFields.RATER_ID, EventFields.SCORE, EventFields.REVISED_AT));

  /** A valid event: its kind, id and event time. */
  record Valid(EventKind kind, String id, Instant eventTime, JsonNode json) {}

  private FeedCheck() {}

  /** The valid event on this line, or null when the line is malformed. */
  static Valid read(String line) {
    JsonNode json;
    try {
      json = MAPPER.readTree(line);
    } catch (Exception e) {
      return null;
    }
    if (json == null || !json.isObject()) {
      return null;
    }
    EventKind kind = EventKind.fromWire(json.path(EventFields.KIND).asText(null)).orElse(null);
    if (kind == null || !json.path(EventFields.KIND).asText().equals(kind.wireName())) {
      return null;
    }
    for (String field : REQUIRED.get(kind)) {
      if (!json.hasNonNull(field)) {
        return null;
      }
    }
    String id = json.path(kind.idField()).asText(null);
    if (id == null || !ID.matcher(id).matches()) {
      return null;
    }
    for (String account : List.of(EventFields.BUYER_ID, EventFields.SELLER_ID, EventFields.RATER_ID, EventFields.RATEE_ID)) {
      if (json.has(account) && !ID.matcher(json.get(account).asText()).matches()) {
        return null;
      }
    }
    for (String time : List.of(EventFields.CREATED_AT, EventFields.PAID_AT, EventFields.SHIPPED_AT,
        EventFields.CONFIRMED_AT, EventFields.RATED_AT, EventFields.FILED_AT, EventFields.RESOLVED_AT,
        EventFields.RECORDED_AT, EventFields.REVISED_AT)) {
      if (json.has(time) && instant(json.get(time).asText()) == null) {
        return null;
      }
    }
    boolean enumsOk =
        switch (kind) {
          case TRADE -> is(TradeStatus.class, json, EventFields.STATUS)
              && json.get(EventFields.PRICE_MINOR).asLong() > 0 && json.get(EventFields.QUANTITY).asInt() > 0;
          case RATING -> is(RatingDirection.class, json, EventFields.DIRECTION)
              && is(RatingScore.class, json, EventFields.SCORE) && dsrOk(json);
          case COMPLAINT -> is(ComplaintType.class, json, EventFields.TYPE)
              && is(ComplaintSeverity.class, json, EventFields.SEVERITY)
              && is(ComplaintOutcome.class, json, EventFields.OUTCOME)
              && json.get(EventFields.COMPENSATION_MINOR).asLong() >= 0;
          case CERTIFICATE -> is(CertificateStatus.class, json, EventFields.STATUS);
          case RATING_REVISION -> is(RatingScore.class, json, EventFields.SCORE) && dsrOk(json)
              && (!json.hasNonNull(EventFields.REASON) || is(RevisionReason.class, json, EventFields.REASON));
        };
    if (!enumsOk) {
      return null;
    }
    return new Valid(kind, id, instant(json.get(MalformedLines.eventTimeField(kind)).asText()), json);
  }

  private static boolean dsrOk(JsonNode json) {
    for (String f : List.of(EventFields.ITEM_AS_DESCRIBED, EventFields.SERVICE, EventFields.LOGISTICS)) {
      if (json.has(f) && (json.get(f).asInt() < 1 || json.get(f).asInt() > 5)) {
        return false;
      }
    }
    return true;
  }

  private static <E extends Enum<E> & WireEnum> boolean is(Class<E> type, JsonNode json, String field) {
    return WireEnum.parse(type, json.path(field).asText(null)).isPresent();
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
