package org.chengxin.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.chengxin.core.event.EventFields;
import org.chengxin.core.event.EventKind;

/**
 * Makes malformed lines from a valid event line: rare (per mille), so this path may be slow. The
 * broken copy gets a fresh id ({@code m} + kind letter + counter) so it never collides with a valid
 * event's id and dedupe cannot hide it.
 */
final class MalformedLines {
  private static final List<String> NOT_JSON_LINES =
      List.of(
          "<html><head><title>502 Bad Gateway</title></head></html>",
          "2026-11-01 08:15:30 WARN upstream timed out while reading response header",
          "kind=trade trade_id=t000001 status=completed",
          "[\"trade\",\"t000001\"]");
  private static final List<String> BAD_TIMESTAMPS =
      List.of("2026-11-01 08:15:30", "1762000000", "01/11/2026 08:15", "2026-11-01T25:61:00Z", "yesterday");
  private static final List<String> BAD_ACCOUNT_IDS =
      List.of("b 0001234", "", "s000123; DROP TABLE trades", "b".repeat(80), "买家0001");

  private final ObjectMapper mapper = new ObjectMapper();
  private long counter;

  byte[] make(EventKind kind, byte[] validLine, FaultKind fault, SplittableRandom rng) {
    if (fault == FaultKind.NOT_JSON) {
      return bytes(NOT_JSON_LINES.get(rng.nextInt(NOT_JSON_LINES.size())));
    }
    ObjectNode event;
    try {
      event = (ObjectNode) mapper.readTree(validLine);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    event.put(kind.idField(), WireText.id("m" + kind.wireName().charAt(0), ++counter, 9));
    switch (fault) {
      case TRUNCATED -> {
        byte[] whole = serialise(event);
        return Arrays.copyOf(whole, whole.length / 3 + rng.nextInt(whole.length / 2));
      }
      case MISSING_ID -> event.remove(kind.idField());
      case UNKNOWN_KIND -> event.put(EventFields.KIND, List.of("refund_request", "Trade ", "").get(rng.nextInt(3)));
      case MISSING_EVENT_TIME -> event.remove(eventTimeField(kind));
      case BAD_TIMESTAMP -> event.put(eventTimeField(kind), BAD_TIMESTAMPS.get(rng.nextInt(BAD_TIMESTAMPS.size())));
      case BAD_ENUM -> event.put(enumField(kind), List.of("excellent", "SHIPPED", "unknown").get(rng.nextInt(3)));
      case BAD_ACCOUNT_ID -> event.put(accountField(kind), BAD_ACCOUNT_IDS.get(rng.nextInt(BAD_ACCOUNT_IDS.size())));
      case OUT_OF_RANGE -> outOfRange(kind, event);
      default -> throw new IllegalStateException("unhandled fault " + fault);
    }
    return serialise(event);
  }

  static String eventTimeField(EventKind kind) {
    return switch (kind) {
      case TRADE -> EventFields.CREATED_AT;
      case RATING -> EventFields.RATED_AT;
      case COMPLAINT -> EventFields.FILED_AT;
      case CERTIFICATE -> EventFields.RECORDED_AT;
      case RATING_REVISION -> EventFields.REVISED_AT;
    };
  }

  private static String enumField(EventKind kind) {
    return switch (kind) {
      case TRADE, CERTIFICATE -> EventFields.STATUS;
      case RATING, RATING_REVISION -> EventFields.SCORE;
      case COMPLAINT -> EventFields.OUTCOME;
    };
  }

  private static String accountField(EventKind kind) {
    return switch (kind) {
      case TRADE, COMPLAINT -> EventFields.BUYER_ID;
      case RATING, RATING_REVISION -> EventFields.RATER_ID;
      case CERTIFICATE -> EventFields.SELLER_ID;
    };
  }

  private static void outOfRange(EventKind kind, ObjectNode event) {
    switch (kind) {
      case TRADE -> event.put(EventFields.PRICE_MINOR, -Math.max(1, event.path(EventFields.PRICE_MINOR).asLong()));
      case COMPLAINT -> event.put(EventFields.COMPENSATION_MINOR, -1 - event.path(EventFields.COMPENSATION_MINOR).asLong());
      case RATING, RATING_REVISION -> event.put(EventFields.ITEM_AS_DESCRIBED, 9);
      case CERTIFICATE -> throw new IllegalArgumentException("certificates carry no numbers");
    }
  }

  private byte[] serialise(ObjectNode event) {
    try {
      return mapper.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
