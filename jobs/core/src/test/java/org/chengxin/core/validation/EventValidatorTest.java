package org.chengxin.core.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.validation.ValidationResult.Accepted;
import org.chengxin.core.validation.ValidationResult.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventValidatorTest {
  static final Pseudonymiser KEYS = new Pseudonymiser("validator-test-key-0123456789".getBytes(StandardCharsets.UTF_8));
  static final Instant LATEST = Instant.parse("2026-11-03T00:00:00Z");
  static final String DEVICE = "android-5f2c9a";
  static final String IP = "10.23.4.17";
  static final String ADDRESS = "No. 8 Wensan Rd, Hangzhou";

  static final String TRADE =
      "{\"kind\":\"trade\",\"trade_id\":\"t1\",\"buyer_id\":\"b1\",\"seller_id\":\"s1\",\"item_id\":\"i1\","
          + "\"category\":\"womens_apparel\",\"brand\":null,\"price_minor\":12900,\"currency\":\"CNY\",\"quantity\":1,"
          + "\"created_at\":\"2026-11-01T08:15:30Z\",\"paid_at\":\"2026-11-01T08:16:02Z\","
          + "\"shipped_at\":\"2026-11-01T14:00:00Z\",\"confirmed_at\":\"2026-11-02T09:30:00Z\",\"status\":\"completed\","
          + "\"device_id\":\"" + DEVICE + "\",\"ip_address\":\"" + IP + "\",\"shipping_address\":\"" + ADDRESS + "\"}";
  static final String RATING =
      "{\"kind\":\"rating\",\"rating_id\":\"r1\",\"trade_id\":\"t1\",\"rater_id\":\"b1\",\"ratee_id\":\"s1\","
          + "\"direction\":\"buyer_to_seller\",\"score\":\"positive\",\"item_as_described\":5,\"service\":5,"
          + "\"logistics\":4,\"rated_at\":\"2026-11-01T10:02:11Z\",\"hidden\":false}";
  static final String COMPLAINT =
      "{\"kind\":\"complaint\",\"complaint_id\":\"c1\",\"trade_id\":\"t1\",\"buyer_id\":\"b1\",\"seller_id\":\"s1\","
          + "\"type\":\"counterfeit\",\"severity\":\"high\",\"filed_at\":\"2026-11-01T11:00:00Z\","
          + "\"resolved_at\":\"2026-11-01T12:00:00Z\",\"outcome\":\"upheld\",\"compensation_minor\":500,\"currency\":\"CNY\"}";
  static final String CERTIFICATE =
      "{\"kind\":\"certificate\",\"certificate_id\":\"cert1\",\"seller_id\":\"s1\",\"brand\":\"gucci\","
          + "\"status\":\"verified\",\"recorded_at\":\"2026-11-01T09:00:00Z\"}";
  static final String REVISION =
      "{\"kind\":\"rating_revision\",\"revision_id\":\"rv1\",\"rating_id\":\"r1\",\"rater_id\":\"b1\","
          + "\"score\":\"positive\",\"item_as_described\":5,\"revised_at\":\"2026-11-02T08:00:00Z\",\"reason\":\"arrived\"}";

  private final EventValidator validator = new EventValidator(KEYS, LATEST, 1024);

  /** Replaces the value of one field (its JSON text) in a line. */
  static String with(String line, String field, String json) {
    String out = line.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "\"" + field + "\":" + json.replace("$", "\\$"));
    if (out.equals(line) && !line.contains("\"" + field + "\":" + json)) {
      throw new IllegalArgumentException("no field " + field);
    }
    return out;
  }

  static String without(String line, String field) {
    return line.replaceFirst(",?\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "").replace("{,", "{");
  }

  /** The corpus of broken lines: every reason code at least once, most of them several ways. */
  static Stream<Arguments> brokenLines() {
    byte[] latin1 = TRADE.replace("womens_apparel", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf16 = RATING.getBytes(StandardCharsets.UTF_16LE);
    byte[] cutMultiByte = Arrays.copyOf("{\"kind\":\"trade\",\"x\":\"\u4e2d".getBytes(StandardCharsets.UTF_8), 23);
    return Stream.of(
        broken("empty line", "", RejectReason.EMPTY_LINE),
        broken("blank line", "   \t ", RejectReason.EMPTY_LINE),
        broken("too long", TRADE.replace("No. 8", "x".repeat(1100)), RejectReason.LINE_TOO_LONG),
        broken("latin-1 bytes", latin1, RejectReason.INVALID_ENCODING),
        broken("utf-16", utf16, RejectReason.INVALID_ENCODING),
        broken("cut multi-byte char", cutMultiByte, RejectReason.INVALID_ENCODING),
        broken("truncated json", TRADE.substring(0, 120), RejectReason.MALFORMED_JSON),
        broken("truncated inside personal value", TRADE.substring(0, TRADE.length() - 10), RejectReason.MALFORMED_JSON),
        broken("trailing garbage", TRADE + " xyz", RejectReason.MALFORMED_JSON),
        broken("single quotes", "{'kind':'trade'}", RejectReason.MALFORMED_JSON),
        broken("array", "[1,2,3]", RejectReason.NOT_AN_OBJECT),
        broken("bare string", "\"trade\"", RejectReason.NOT_AN_OBJECT),
        broken("duplicate field", TRADE.replace("\"quantity\":1", "\"quantity\":1,\"quantity\":2"), RejectReason.DUPLICATE_FIELD),
        broken("no kind", without(TRADE, "kind"), RejectReason.MISSING_KIND),
        broken("null kind", with(TRADE, "kind", "null"), RejectReason.MISSING_KIND),
        broken("unknown kind", with(TRADE, "kind", "\"refund\""), RejectReason.UNKNOWN_KIND),
        broken("kind is a number", with(TRADE, "kind", "7"), RejectReason.WRONG_TYPE),
        broken("missing trade id", without(TRADE, "trade_id"), RejectReason.MISSING_FIELD),
        broken("missing device", without(TRADE, "device_id"), RejectReason.MISSING_FIELD),
        broken("missing hidden", without(RATING, "hidden"), RejectReason.MISSING_FIELD),
        broken("price as string", with(TRADE, "price_minor", "\"12900\""), RejectReason.WRONG_TYPE),
        broken("price as decimal", with(TRADE, "price_minor", "129.00"), RejectReason.WRONG_TYPE),
        broken("id as object", with(TRADE, "buyer_id", "{\"id\":1}"), RejectReason.WRONG_TYPE),
        broken("ip as number", with(TRADE, "ip_address", "1023417"), RejectReason.WRONG_TYPE),
        broken("id with spaces", with(TRADE, "seller_id", "\"s 1\""), RejectReason.MALFORMED_ID),
        broken("id too long", with(TRADE, "item_id", "\"" + "i".repeat(65) + "\""), RejectReason.MALFORMED_ID),
        broken("empty id", with(RATING, "rating_id", "\"\""), RejectReason.MALFORMED_ID),
        broken("category not a slug", with(TRADE, "category", "\"Women's Apparel\""), RejectReason.MALFORMED_SLUG),
        broken("lower-case currency", with(TRADE, "currency", "\"cny\""), RejectReason.MALFORMED_CURRENCY),
        broken("currency symbol", with(COMPLAINT, "currency", "\"\u00a5\""), RejectReason.MALFORMED_CURRENCY),
        broken("unknown status", with(TRADE, "status", "\"shipped\""), RejectReason.UNKNOWN_ENUM),
        broken("upper-case score", with(RATING, "score", "\"POSITIVE\""), RejectReason.UNKNOWN_ENUM),
        broken("huge price", with(TRADE, "price_minor", "99999999999999999999999"), RejectReason.NUMBER_OVERFLOW),
        broken("quantity beyond int", with(TRADE, "quantity", "5000000000"), RejectReason.NUMBER_OVERFLOW),
        broken("negative price", with(TRADE, "price_minor", "-100"), RejectReason.OUT_OF_RANGE),
        broken("zero price", with(TRADE, "price_minor", "0"), RejectReason.OUT_OF_RANGE),
        broken("quantity zero", with(TRADE, "quantity", "0"), RejectReason.OUT_OF_RANGE),
        broken("quantity huge", with(TRADE, "quantity", "250000"), RejectReason.OUT_OF_RANGE),
        broken("dsr six", with(RATING, "service", "6"), RejectReason.OUT_OF_RANGE),
        broken("dsr zero", with(RATING, "logistics", "0"), RejectReason.OUT_OF_RANGE),
        broken("negative compensation", with(COMPLAINT, "compensation_minor", "-5"), RejectReason.OUT_OF_RANGE),
        broken("unparseable timestamp", with(TRADE, "created_at", "\"yesterday\""), RejectReason.MALFORMED_TIMESTAMP),
        broken("invalid date", with(TRADE, "created_at", "\"2026-02-30T08:00:00Z\""), RejectReason.MALFORMED_TIMESTAMP),
        broken("space instead of T", with(RATING, "rated_at", "\"2026-11-01 10:02:11\""), RejectReason.MALFORMED_TIMESTAMP),
        broken("timestamp as epoch number", with(RATING, "rated_at", "1793527331"), RejectReason.WRONG_TYPE),
        broken("before 2000", with(CERTIFICATE, "recorded_at", "\"1999-12-31T23:59:59Z\""), RejectReason.TIMESTAMP_OUT_OF_RANGE),
        broken("far future", with(TRADE, "confirmed_at", "\"2099-01-01T00:00:00Z\""), RejectReason.TIMESTAMP_OUT_OF_RANGE),
        broken("event time after the run", with(RATING, "rated_at", "\"2026-11-03T00:00:00Z\""), RejectReason.TIMESTAMP_OUT_OF_RANGE),
        broken("paid before created", with(TRADE, "paid_at", "\"2026-11-01T08:00:00Z\""), RejectReason.TIMESTAMPS_OUT_OF_ORDER),
        broken("confirmed before shipped", with(TRADE, "confirmed_at", "\"2026-11-01T13:00:00Z\""), RejectReason.TIMESTAMPS_OUT_OF_ORDER),
        broken("resolved before filed", with(COMPLAINT, "resolved_at", "\"2026-11-01T10:00:00Z\""), RejectReason.TIMESTAMPS_OUT_OF_ORDER),
        broken("dsr on seller_to_buyer", with(RATING, "direction", "\"seller_to_buyer\""), RejectReason.INCONSISTENT_FIELDS),
        broken("rater is ratee", with(RATING, "ratee_id", "\"b1\""), RejectReason.INCONSISTENT_FIELDS),
        broken("resolved_at on pending", with(COMPLAINT, "outcome", "\"pending\""), RejectReason.INCONSISTENT_FIELDS),
        broken("upheld without resolved_at", with(COMPLAINT, "resolved_at", "null"), RejectReason.INCONSISTENT_FIELDS),
        broken("revision without revision_id", without(REVISION, "revision_id"), RejectReason.MISSING_FIELD),
        broken("revision without rating_id", without(REVISION, "rating_id"), RejectReason.MISSING_FIELD),
        broken("revision rater malformed", with(REVISION, "rater_id", "\"b 1\""), RejectReason.MALFORMED_ID),
        broken("revision score unknown", with(REVISION, "score", "\"great\""), RejectReason.UNKNOWN_ENUM),
        broken("revision dsr six", with(REVISION, "item_as_described", "6"), RejectReason.OUT_OF_RANGE),
        broken("revision reason unknown", with(REVISION, "reason", "\"paid\""), RejectReason.UNKNOWN_ENUM),
        broken("revision reason a number", with(REVISION, "reason", "3"), RejectReason.WRONG_TYPE),
        broken("revision time malformed", with(REVISION, "revised_at", "\"tomorrow\""), RejectReason.MALFORMED_TIMESTAMP),
        broken("revision after the run", with(REVISION, "revised_at", "\"2026-11-03T00:00:00Z\""), RejectReason.TIMESTAMP_OUT_OF_RANGE),
        broken("revision kind in capitals", with(REVISION, "kind", "\"RATING_REVISION\"").replace("\"score\":\"positive\",", ""),
            RejectReason.MISSING_FIELD));
  }

  private static Arguments broken(String name, Object line, RejectReason reason) {
    byte[] bytes = line instanceof byte[] b ? b : ((String) line).getBytes(StandardCharsets.UTF_8);
    return Arguments.of(name, bytes, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenLines")
  void rejectsWithThePreciseReason(String name, byte[] line, RejectReason reason) {
    ValidationResult result = validator.validate(line, 0, line.length, "f.jsonl", 7);
    Rejected rejected = assertInstanceOf(Rejected.class, result, name);
    assertEquals(reason, rejected.reason(), name + ": " + rejected.detail());
    assertFalse(rejected.detail().isBlank());
    for (String personal : List.of(DEVICE, IP, ADDRESS, "No. 8", "Wensan")) {
      assertFalse(rejected.redactedLine().contains(personal), name + " leaks " + personal + ": " + rejected.redactedLine());
      assertFalse(rejected.detail().contains(personal), name + " detail leaks " + personal);
    }
  }

  @Test
  void corpusCoversEveryReason() {
    Set<RejectReason> covered = EnumSet.noneOf(RejectReason.class);
    brokenLines().forEach(a -> covered.add((RejectReason) a.get()[2]));
    // The revision rules against the rating are RevisionRules' (RevisionRulesTest covers them).
    covered.addAll(RevisionRules.REASONS);
    assertEquals(EnumSet.allOf(RejectReason.class), covered);
    brokenLines().forEach(a -> assertFalse(RevisionRules.REASONS.contains((RejectReason) a.get()[2])));
  }

  @Test
  void acceptsATradeWithKeysInsteadOfPersonalValues() {
    Accepted trade = accept(TRADE);
    assertEquals(EventKind.TRADE, trade.kind());
    assertEquals("t1", trade.eventId());
    assertEquals("t1", trade.tradeId());
    assertEquals(Instant.parse("2026-11-01T08:15:30Z").toEpochMilli(), trade.eventTimeMillis());
    Object[] v = trade.values();
    assertEquals(EventTables.TRADES.columns().size(), v.length);
    assertEquals("womens_apparel", v[EventTables.TRADES.indexOf("category")]);
    assertNull(v[EventTables.TRADES.indexOf("brand")]);
    assertEquals(12900L, v[EventTables.TRADES.indexOf("price_minor")]);
    assertEquals(1, v[EventTables.TRADES.indexOf("quantity")]);
    assertEquals(Instant.parse("2026-11-02T09:30:00Z").toEpochMilli(), v[EventTables.TRADES.indexOf("confirmed_at")]);
    assertEquals("completed", v[EventTables.TRADES.indexOf("status")]);
    assertEquals(KEYS.pseudonymise(DEVICE), v[EventTables.TRADES.indexOf("device_key")]);
    assertEquals(KEYS.pseudonymise(IP), v[EventTables.TRADES.indexOf("ip_key")]);
    assertEquals(KEYS.pseudonymise(ADDRESS), v[EventTables.TRADES.indexOf("address_key")]);
    assertEquals("f.jsonl", v[EventTables.TRADES.indexOf("source_file")]);
    assertEquals(3L, v[EventTables.TRADES.indexOf("source_line")]);
    assertFalse(Arrays.asList(v).contains(IP));
  }

  @Test
  void acceptsTheOtherKindsAndLeavesTradeKnownToTheEngine() {
    Accepted rating = accept(RATING);
    assertEquals("t1", rating.tradeId());
    assertEquals(5, rating.values()[EventTables.RATINGS.indexOf("service")]);
    assertEquals(false, rating.values()[EventTables.RATINGS.indexOf("hidden")]);
    assertNull(rating.values()[EventTables.RATINGS.indexOf("trade_known")]);
    Accepted sellerRating = accept(without(without(without(with(with(RATING, "direction", "\"seller_to_buyer\""),
        "rater_id", "\"s1\""), "item_as_described"), "service"), "logistics").replace("\"ratee_id\":\"s1\"", "\"ratee_id\":\"b1\""));
    assertNull(sellerRating.values()[EventTables.RATINGS.indexOf("service")]);
    Accepted complaint = accept(COMPLAINT);
    assertEquals("upheld", complaint.values()[EventTables.COMPLAINTS.indexOf("outcome")]);
    assertEquals(500L, complaint.values()[EventTables.COMPLAINTS.indexOf("compensation_minor")]);
    Accepted pending = accept(with(with(COMPLAINT, "outcome", "\"pending\""), "resolved_at", "null"));
    assertNull(pending.values()[EventTables.COMPLAINTS.indexOf("resolved_at")]);
    Accepted certificate = accept(CERTIFICATE);
    assertNull(certificate.tradeId());
    assertArrayEquals(new Object[] {"cert1", "s1", "gucci", "verified",
        Instant.parse("2026-11-01T09:00:00Z").toEpochMilli(), "f.jsonl", 3L}, certificate.values());
  }

  @Test
  void acceptsARevisionWithItsRowInColumnOrder() {
    Accepted revision = accept(REVISION);
    assertEquals(EventKind.RATING_REVISION, revision.kind());
    assertEquals("rv1", revision.eventId());
    assertNull(revision.tradeId());
    assertEquals(Instant.parse("2026-11-02T08:00:00Z").toEpochMilli(), revision.eventTimeMillis());
    assertArrayEquals(new Object[] {"rv1", "r1", "b1", "positive", 5, null, null,
        Instant.parse("2026-11-02T08:00:00Z").toEpochMilli(), "arrived", "f.jsonl", 3L}, revision.values());
    Accepted noReason = accept(without(REVISION, "reason"));
    assertNull(noReason.values()[EventTables.RATING_REVISIONS.indexOf("reason")]);
    // The validator checks the format only: a downward score is the look-up's to reject.
    assertEquals("negative", accept(with(REVISION, "score", "\"negative\"")).values()[EventTables.RATING_REVISIONS.indexOf("score")]);
  }

  @Test
  void toleratesUnknownFieldsFractionsAndCarriageReturns() {
    String extended = TRADE.replace("{\"kind\"", "{\"schema\":{\"v\":[2,3]},\"kind\"")
        .replace("08:15:30Z", "08:15:30.123456Z") + "\r";
    assertEquals(Instant.parse("2026-11-01T08:15:30.123Z").toEpochMilli(), accept(extended).eventTimeMillis());
  }

  @Test
  void lifecycleTimestampsMayFollowTheEventByWeeks() {
    assertEquals("t1", accept(with(TRADE, "confirmed_at", "\"2026-11-20T00:00:00Z\"")).eventId());
  }

  @Test
  void rejectionKeepsKindAndWellFormedEventId() {
    Rejected rejected = reject(with(RATING, "score", "\"great\""));
    assertEquals(EventKind.RATING, rejected.kind());
    assertEquals("r1", rejected.eventId());
    assertTrue(rejected.detail().contains("score"));
    assertNull(reject("[]").kind());
    assertNull(reject(with(TRADE, "trade_id", "\"t 1\"")).eventId());
  }

  @Test
  void rejectedParseableLinesKeepLinkableKeys() {
    Rejected rejected = reject(with(TRADE, "price_minor", "-1"));
    assertTrue(rejected.redactedLine().contains(KEYS.pseudonymise(IP)));
    assertTrue(rejected.redactedLine().contains("\"price_minor\":-1"));
  }

  @Test
  void utf8CheckerAcceptsAllPlanesAndRejectsSurrogatesAndOverlongs() {
    byte[] good = "a\u00e9\u4e2d\ud83d\ude00".getBytes(StandardCharsets.UTF_8);
    assertEquals(-1, EventValidator.firstInvalidUtf8(good, 0, good.length));
    assertEquals(0, EventValidator.firstInvalidUtf8(new byte[] {(byte) 0xc0, (byte) 0x80}, 0, 2));
    assertEquals(0, EventValidator.firstInvalidUtf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, 0, 3));
    assertEquals(1, EventValidator.firstInvalidUtf8(new byte[] {'a', 0}, 0, 2));
  }

  @Test
  void utf8CheckerFindsABadByteAtEveryPositionOfALongAsciiLine() {
    // The checker skips ASCII eight bytes at a time: a bad byte must be found wherever it sits,
    // also in the last short word and behind an offset, and a good multi-byte character passes.
    for (int offset : new int[] {0, 3}) {
      for (int at = 0; at < 41; at++) {
        for (byte bad : new byte[] {0, (byte) 0x80, (byte) 0xff, (byte) 0xc3}) {
          byte[] line = new byte[offset + 41];
          Arrays.fill(line, (byte) 'x');
          line[offset + at] = bad;
          assertEquals(at, EventValidator.firstInvalidUtf8(line, offset, 41), "byte " + bad + " at " + at);
        }
        byte[] line = new byte[offset + 42];
        Arrays.fill(line, (byte) 'x');
        line[offset + at] = (byte) 0xc3;
        line[offset + at + 1] = (byte) 0xa9;
        assertEquals(-1, EventValidator.firstInvalidUtf8(line, offset, 42), "\u00e9 at " + at);
      }
    }
  }

  private Accepted accept(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    ValidationResult result = validator.validate(bytes, 0, bytes.length, "f.jsonl", 3);
    if (result instanceof Rejected r) {
      throw new AssertionError("rejected " + r.reason() + ": " + r.detail());
    }
    return (Accepted) result;
  }

  private Rejected reject(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return assertInstanceOf(Rejected.class, validator.validate(bytes, 0, bytes.length, "f.jsonl", 3));
  }
}
