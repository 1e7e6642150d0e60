package org.chengxin.core.validation;

import static org.chengxin.core.event.EventFields.BRAND;
import static org.chengxin.core.event.EventFields.BUYER_ID;
import static org.chengxin.core.event.EventFields.CATEGORY;
import static org.chengxin.core.event.EventFields.CERTIFICATE_ID;
import static org.chengxin.core.event.EventFields.COMPENSATION_MINOR;
import static org.chengxin.core.event.EventFields.COMPLAINT_ID;
import static org.chengxin.core.event.EventFields.CONFIRMED_AT;
import static org.chengxin.core.event.EventFields.CREATED_AT;
import static org.chengxin.core.event.EventFields.CURRENCY;
import static org.chengxin.core.event.EventFields.DEVICE_ID;
import static org.chengxin.core.event.EventFields.DIRECTION;
import static org.chengxin.core.event.EventFields.FILED_AT;
import static org.chengxin.core.event.EventFields.HIDDEN;
import static org.chengxin.core.event.EventFields.IP_ADDRESS;
import static org.chengxin.core.event.EventFields.ITEM_AS_DESCRIBED;
import static org.chengxin.core.event.EventFields.ITEM_ID;
import static org.chengxin.core.event.EventFields.KIND;
import static org.chengxin.core.event.EventFields.LOGISTICS;
import static org.chengxin.core.event.EventFields.OUTCOME;
import static org.chengxin.core.event.EventFields.PAID_AT;
import static org.chengxin.core.event.EventFields.PRICE_MINOR;
import static org.chengxin.core.event.EventFields.QUANTITY;
import static org.chengxin.core.event.EventFields.RATED_AT;
import static org.chengxin.core.event.EventFields.RATEE_ID;
import static org.chengxin.core.event.EventFields.RATER_ID;
import static org.chengxin.core.event.EventFields.RATING_ID;
import static org.chengxin.core.event.EventFields.REASON;
import static org.chengxin.core.event.EventFields.RECORDED_AT;
import static org.chengxin.core.event.EventFields.RESOLVED_AT;
import static org.chengxin.core.event.EventFields.REVISED_AT;
import static org.chengxin.core.event.EventFields.REVISION_ID;
import static org.chengxin.core.event.EventFields.SCORE;
import static org.chengxin.core.event.EventFields.SELLER_ID;
import static org.chengxin.core.event.EventFields.SERVICE;
import static org.chengxin.core.event.EventFields.SEVERITY;
import static org.chengxin.core.event.EventFields.SHIPPED_AT;
import static org.chengxin.core.event.EventFields.SHIPPING_ADDRESS;
import static org.chengxin.core.event.EventFields.STATUS;
import static org.chengxin.core.event.EventFields.TRADE_ID;
import static org.chengxin.core.event.EventFields.TYPE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chengxin.core.event.CertificateStatus;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.event.ComplaintSeverity;
import org.chengxin.core.event.ComplaintType;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.event.RevisionReason;
import org.chengxin.core.event.TradeStatus;
import org.chengxin.core.event.WireEnum;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.validation.ValidationResult.Accepted;
import org.chengxin.core.validation.ValidationResult.Rejected;

/**
 * Validates one raw JSON line (docs/events.md) and builds the row of its table, or says precisely
 * why the line is rejected (docs/ingest.md). One streaming pass of Jackson collects the known
 * fields into slots; the kind's rules then check them in a fixed order, so the first broken rule
 * decides the reason. Personal fields are replaced by their keyed hashes here, before the row
 * leaves the validator.
 *
 * <p>Not thread-safe: it reuses its slots and holds a {@link Pseudonymiser}. Create one per
 * operator instance.
 */
public final class EventValidator {
  /** Default longest accepted line, in bytes. */
  public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
  /** No marketplace event predates this instant. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private static final JsonFactory JSON = new JsonFactory();
  private static final VarHandle LONG_VIEW = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int MAX_ID_LENGTH = 64;
  private static final int MAX_QUANTITY = 10_000;
  /**
   * Lifecycle timestamps (paid, shipped, confirmed, resolved) may lie this far beyond the bound of
   * event times: a trade delivered as a final snapshot carries its confirmation days later.
   */
  public static final java.time.Duration LIFECYCLE_SLACK = java.time.Duration.ofDays(30);
  /**
   * Distinct raw personal values whose keys are remembered: the ones repeated within a few thousand
   * lines (a ring's shared devices, a busy buyer). Small on purpose: an HMAC costs well under a
   * microsecond, and a 100,000-entry cache missed the CPU caches so often that its look-ups cost
   * more than the HMACs they saved (6-8% of the 10M-event ingest profiles, 2026-12-01 and -02).
   */
  private static final int KEY_CACHE_SIZE = 4_096;

  // Every wire field the rules read, each with a slot.
  private static final List<String> FIELDS =
      List.of(KIND, TRADE_ID, BUYER_ID, SELLER_ID, ITEM_ID, CATEGORY, BRAND, PRICE_MINOR, CURRENCY,
          QUANTITY, CREATED_AT, PAID_AT, SHIPPED_AT, CONFIRMED_AT, STATUS, DEVICE_ID, IP_ADDRESS,
          SHIPPING_ADDRESS, RATING_ID, RATER_ID, RATEE_ID, DIRECTION, SCORE, ITEM_AS_DESCRIBED, SERVICE,
          LOGISTICS, RATED_AT, HIDDEN, COMPLAINT_ID, TYPE, SEVERITY, FILED_AT, RESOLVED_AT, OUTCOME,
          COMPENSATION_MINOR, CERTIFICATE_ID, RECORDED_AT, REVISION_ID, REVISED_AT, REASON);
  private static final FieldSlots SLOT_OF = new FieldSlots(FIELDS);

  // Columns whose value is not the wire field of the same name.
  private static final Map<String, String> RENAMED_COLUMNS =
      Map.of("device_key", DEVICE_ID, "ip_key", IP_ADDRESS, "address_key", SHIPPING_ADDRESS);
  private static final String SOURCE_FILE = "source_file";
  private static final String SOURCE_LINE = "source_line";
  private static final String TRADE_KNOWN = "trade_known";
  private static final int FROM_ENGINE = -1;
  private static final int FROM_SOURCE_FILE = -2;
  private static final int FROM_SOURCE_LINE = -3;
  private static final Map<EventKind, int[]> COLUMN_SLOTS = new EnumMap<>(EventKind.class);

  static {
    for (EventKind kind : EventKind.values()) {
      TableSchema table = tableOf(kind);
      int[] slots = new int[table.columns().size()];
      for (int i = 0; i < slots.length; i++) {
        String column = table.columns().get(i).name();
        slots[i] = switch (column) {
          case SOURCE_FILE -> FROM_SOURCE_FILE;
          case SOURCE_LINE -> FROM_SOURCE_LINE;
          case TRADE_KNOWN -> FROM_ENGINE;
          default -> slot(RENAMED_COLUMNS.getOrDefault(column, column));
        };
      }
      COLUMN_SLOTS.put(kind, slots);
    }
  }

  private static final Map<String, EventKind> KINDS = new HashMap<>();

  static {
    for (EventKind kind : EventKind.values()) {
      KINDS.put(kind.wireName(), kind);
    }
  }

  private static final Map<String, TradeStatus> TRADE_STATUS = wireWords(TradeStatus.class);
  private static final Map<String, RatingDirection> DIRECTIONS = wireWords(RatingDirection.class);
  private static final Map<String, RatingScore> SCORES = wireWords(RatingScore.class);
  private static final Map<String, ComplaintType> COMPLAINT_TYPES = wireWords(ComplaintType.class);
  private static final Map<String, ComplaintSeverity> SEVERITIES = wireWords(ComplaintSeverity.class);
  private static final Map<String, ComplaintOutcome> OUTCOMES = wireWords(ComplaintOutcome.class);
  private static final Map<String, CertificateStatus> CERTIFICATE_STATUS = wireWords(CertificateStatus.class);
  private static final Map<String, RevisionReason> REVISION_REASONS = wireWords(RevisionReason.class);

  private final Pseudonymiser pseudonymiser;
  private final Redactor redactor;
  private final long latestMillis;
  private final long latestLifecycleMillis;
  private final int maxLineBytes;
  private final Map<String, String> keyCache = new HashMap<>();

  // Per-line scratch: what each slot held on the wire, then its checked value.
  private final JsonToken[] tokens = new JsonToken[FIELDS.size()];
  private final String[] texts = new String[FIELDS.size()];
  private final long[] longs = new long[FIELDS.size()];
  private final boolean[] beyondLong = new boolean[FIELDS.size()];
  private final Object[] checked = new Object[FIELDS.size()];

  /**
   * @param pseudonymiser keys personal values
   * @param latestPlausible event times at or after this instant are rejected as out of range;
   *     lifecycle timestamps get {@link #LIFECYCLE_SLACK} more
   * @param maxLineBytes longer lines are rejected
   */
  public EventValidator(Pseudonymiser pseudonymiser, Instant latestPlausible, int maxLineBytes) {
    if (maxLineBytes < 256) {
      throw new IllegalArgumentException("the line limit must be at least 256 bytes: " + maxLineBytes);
    }
    this.pseudonymiser = pseudonymiser;
    this.redactor = new Redactor(pseudonymiser);
    this.latestMillis = latestPlausible.toEpochMilli();
    this.latestLifecycleMillis = latestPlausible.plus(LIFECYCLE_SLACK).toEpochMilli();
    this.maxLineBytes = maxLineBytes;
  }

  /** The table an event kind's accepted rows go to. */
  public static TableSchema tableOf(EventKind kind) {
    return switch (kind) {
      case TRADE -> EventTables.TRADES;
      case RATING -> EventTables.RATINGS;
      case COMPLAINT -> EventTables.COMPLAINTS;
      case CERTIFICATE -> EventTables.CERTIFICATES;
      case RATING_REVISION -> EventTables.RATING_REVISIONS;
    };
  }

  public Redactor redactor() {
    return redactor;
  }

  /**
   * Validates one line (without its line terminator).
   *
   * @param line buffer holding the line's bytes
   * @param offset where the line starts in {@code line}
   * @param length the line's length in bytes; beyond the limit the line is rejected unread
   * @param sourceFile the raw file, stored for lineage
   * @param sourceLine the 1-based line number in that file
   */
  public ValidationResult validate(byte[] line, int offset, int length, String sourceFile, long sourceLine) {
    EventKind kind = null;
    String eventId = null;
    try {
      if (isBlank(line, offset, length)) {
        throw new Reject(RejectReason.EMPTY_LINE, "the line is empty");
      }
      if (length > maxLineBytes) {
        throw new Reject(RejectReason.LINE_TOO_LONG, "longer than " + maxLineBytes + " bytes");
      }
      int invalidAt = firstInvalidUtf8(line, offset, length);
      if (invalidAt >= 0) {
        throw new Reject(RejectReason.INVALID_ENCODING,
            "byte " + (invalidAt + 1) + " is not valid UTF-8 (0x" + Integer.toHexString(line[offset + invalidAt] & 0xff) + ")");
      }
      readFields(line, offset, length);
      kind = kind();
      eventId = lenientId(slot(kind.idField()));
      Accepted accepted = switch (kind) {
        case TRADE -> trade();
        case RATING -> rating();
        case COMPLAINT -> complaint();
        case CERTIFICATE -> certificate();
        case RATING_REVISION -> ratingRevision();
      };
      fillRow(accepted.values(), kind, sourceFile, sourceLine);
      return accepted;
    } catch (Reject r) {
      return new Rejected(r.reason, Redactor.scrub(r.getMessage()), kind, eventId,
          redactor.redact(line, offset, Math.min(length, maxLineBytes)));
    }
  }

  // ---- reading ------------------------------------------------------------------------------

  private void readFields(byte[] line, int offset, int length) {
    Arrays.fill(tokens, null);
    Arrays.fill(beyondLong, false);
    Arrays.fill(checked, null);
    try (JsonParser p = JSON.createParser(line, offset, length)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new Reject(RejectReason.NOT_AN_OBJECT, "the line is a JSON " + describe(t) + ", not an object");
      }
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        int slot = SLOT_OF.slotOf(p.currentName());
        t = p.nextToken();
        if (t == null) {
          throw new Reject(RejectReason.MALFORMED_JSON, "the line ends inside the object");
        }
        if (slot < 0) {
          p.skipChildren();
          continue;
        }
        if (tokens[slot] != null) {
          throw new Reject(RejectReason.DUPLICATE_FIELD, FIELDS.get(slot) + " appears twice");
        }
        tokens[slot] = t;
        switch (t) {
          case VALUE_STRING -> texts[slot] = p.getText();
          case VALUE_NUMBER_INT -> {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
              beyondLong[slot] = true;
            } else {
              longs[slot] = p.getLongValue();
            }
          }
          case START_OBJECT, START_ARRAY -> p.skipChildren();
          default -> { }
        }
      }
      if (p.nextToken() != null) {
        throw new Reject(RejectReason.MALFORMED_JSON, "content after the end of the object");
      }
    } catch (JsonProcessingException e) {
      throw new Reject(RejectReason.MALFORMED_JSON,
          quietMessage(e.getOriginalMessage()) + " at column " + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new Reject(RejectReason.MALFORMED_JSON, "unreadable: " + e.getClass().getSimpleName());
    }
  }

  private EventKind kind() {
    int slot = slot(KIND);
    if (tokens[slot] == null || tokens[slot] == JsonToken.VALUE_NULL) {
      throw new Reject(RejectReason.MISSING_KIND, "no kind field");
    }
    if (tokens[slot] != JsonToken.VALUE_STRING) {
      throw new Reject(RejectReason.WRONG_TYPE, "kind must be a string, got " + describe(tokens[slot]));
    }
    EventKind exact = KINDS.get(texts[slot]);
    if (exact != null) {
      return exact;
    }
    return EventKind.fromWire(texts[slot])
        .orElseThrow(() -> new Reject(RejectReason.UNKNOWN_KIND, "kind '" + cut(texts[slot]) + "' is not an event kind"));
  }

  // ---- kinds --------------------------------------------------------------------------------

  private Accepted trade() {
    String tradeId = id(TRADE_ID);
    id(BUYER_ID);
    id(SELLER_ID);
    id(ITEM_ID);
    slug(CATEGORY, true);
    slug(BRAND, false);
    long price = integer(PRICE_MINOR, true, Long.MAX_VALUE);
    if (price <= 0) {
      throw new Reject(RejectReason.OUT_OF_RANGE, PRICE_MINOR + " must be > 0, got " + price);
    }
    currency(CURRENCY);
    long quantity = integer(QUANTITY, true, Integer.MAX_VALUE);
    if (quantity < 1 || quantity > MAX_QUANTITY) {
      throw new Reject(RejectReason.OUT_OF_RANGE, QUANTITY + " must be 1-" + MAX_QUANTITY + ", got " + quantity);
    }
    checked[slot(QUANTITY)] = (int) quantity;
    long created = timestamp(CREATED_AT, true);
    Long paid = lifecycleTimestamp(PAID_AT);
    Long shipped = lifecycleTimestamp(SHIPPED_AT);
    Long confirmed = lifecycleTimestamp(CONFIRMED_AT);
    enumWord(STATUS, TRADE_STATUS);
    personalKey(DEVICE_ID);
    personalKey(IP_ADDRESS);
    personalKey(SHIPPING_ADDRESS);
    // Each lifecycle step, when present, follows the latest earlier step that is present.
    requireNotBefore(PAID_AT, paid, CREATED_AT, created);
    requireNotBefore(SHIPPED_AT, shipped, paid != null ? PAID_AT : CREATED_AT, paid != null ? paid : created);
    Long lastBeforeConfirm = shipped != null ? shipped : paid != null ? paid : created;
    String lastBeforeConfirmName = shipped != null ? SHIPPED_AT : paid != null ? PAID_AT : CREATED_AT;
    requireNotBefore(CONFIRMED_AT, confirmed, lastBeforeConfirmName, lastBeforeConfirm);
    return accepted(EventKind.TRADE, tradeId, tradeId, created);
  }

  private Accepted rating() {
    String ratingId = id(RATING_ID);
    String tradeId = id(TRADE_ID);
    String rater = id(RATER_ID);
    String ratee = id(RATEE_ID);
    RatingDirection direction = enumWord(DIRECTION, DIRECTIONS);
    enumWord(SCORE, SCORES);
    boolean anyDsr = detailedRatings();
    long ratedAt = timestamp(RATED_AT, true);
    bool(HIDDEN);
    if (rater.equals(ratee)) {
      throw new Reject(RejectReason.INCONSISTENT_FIELDS, "rater_id equals ratee_id");
    }
    if (anyDsr && direction == RatingDirection.SELLER_TO_BUYER) {
      throw new Reject(RejectReason.INCONSISTENT_FIELDS, "detailed seller ratings on a seller_to_buyer rating");
    }
    return accepted(EventKind.RATING, ratingId, tradeId, ratedAt);
  }

  /** The optional detailed seller ratings, each 1-5; whether any is present. */
  private boolean detailedRatings() {
    boolean any = false;
    for (String dsr : List.of(ITEM_AS_DESCRIBED, SERVICE, LOGISTICS)) {
      if (present(dsr)) {
        long value = integer(dsr, true, Integer.MAX_VALUE);
        if (value < 1 || value > 5) {
          throw new Reject(RejectReason.OUT_OF_RANGE, dsr + " must be 1-5, got " + value);
        }
        checked[slot(dsr)] = (int) value;
        any = true;
      }
    }
    return any;
  }

  /**
   * The format of a revision only: the rules against the revised rating (known, same rater, within
   * the window, once, upward) need the rating and are {@link RevisionRules}, applied at ingest.
   */
  private Accepted ratingRevision() {
    String revisionId = id(REVISION_ID);
    id(RATING_ID);
    id(RATER_ID);
    enumWord(SCORE, SCORES);
    detailedRatings();
    long revisedAt = timestamp(REVISED_AT, true);
    if (present(REASON)) {
      enumWord(REASON, REVISION_REASONS);
    }
    return accepted(EventKind.RATING_REVISION, revisionId, null, revisedAt);
  }

  private Accepted complaint() {
    String complaintId = id(COMPLAINT_ID);
    String tradeId = id(TRADE_ID);
    id(BUYER_ID);
    id(SELLER_ID);
    enumWord(TYPE, COMPLAINT_TYPES);
    enumWord(SEVERITY, SEVERITIES);
    long filed = timestamp(FILED_AT, true);
    Long resolved = lifecycleTimestamp(RESOLVED_AT);
    ComplaintOutcome outcome = enumWord(OUTCOME, OUTCOMES);
    long compensation = integer(COMPENSATION_MINOR, true, Long.MAX_VALUE);
    if (compensation < 0) {
      throw new Reject(RejectReason.OUT_OF_RANGE, COMPENSATION_MINOR + " must be >= 0, got " + compensation);
    }
    currency(CURRENCY);
    if (outcome == ComplaintOutcome.PENDING && resolved != null) {
      throw new Reject(RejectReason.INCONSISTENT_FIELDS, "resolved_at on a pending complaint");
    }
    if (outcome != ComplaintOutcome.PENDING && resolved == null) {
      throw new Reject(RejectReason.INCONSISTENT_FIELDS, outcome.wire() + " complaint without resolved_at");
    }
    requireNotBefore(RESOLVED_AT, resolved, FILED_AT, filed);
    return accepted(EventKind.COMPLAINT, complaintId, tradeId, filed);
  }

  private Accepted certificate() {
    String certificateId = id(CERTIFICATE_ID);
    id(SELLER_ID);
    slug(BRAND, true);
    enumWord(STATUS, CERTIFICATE_STATUS);
    long recorded = timestamp(RECORDED_AT, true);
    return accepted(EventKind.CERTIFICATE, certificateId, null, recorded);
  }

  private Accepted accepted(EventKind kind, String eventId, String tradeId, long eventTime) {
    return new Accepted(kind, eventId, tradeId, eventTime, new Object[COLUMN_SLOTS.get(kind).length]);
  }

  private void fillRow(Object[] values, EventKind kind, String sourceFile, long sourceLine) {
    int[] slots = COLUMN_SLOTS.get(kind);
    for (int i = 0; i < slots.length; i++) {
      values[i] = switch (slots[i]) {
        case FROM_ENGINE -> null;
        case FROM_SOURCE_FILE -> sourceFile;
        case FROM_SOURCE_LINE -> sourceLine;
        default -> checked[slots[i]];
      };
    }
  }

  // ---- field rules --------------------------------------------------------------------------

  private boolean present(String field) {
    JsonToken t = tokens[slot(field)];
    return t != null && t != JsonToken.VALUE_NULL;
  }

  private String text(String field, boolean required) {
    int slot = slot(field);
    JsonToken t = tokens[slot];
    if (t == null || t == JsonToken.VALUE_NULL) {
      if (required) {
        throw new Reject(RejectReason.MISSING_FIELD, field + " is missing");
      }
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw new Reject(RejectReason.WRONG_TYPE, field + " must be a string, got " + describe(t));
    }
    return texts[slot];
  }

  private String id(String field) {
    String value = text(field, true);
    if (!isWellFormedId(value)) {
      throw new Reject(RejectReason.MALFORMED_ID, field + " '" + cut(value) + "' is not 1-64 chars of [A-Za-z0-9_.:-]");
    }
    checked[slot(field)] = value;
    return value;
  }

  private String lenientId(int slot) {
    return tokens[slot] == JsonToken.VALUE_STRING && isWellFormedId(texts[slot]) ? texts[slot] : null;
  }

  private static void requireNotBefore(String laterField, Long later, String earlierField, long earlier) {
    if (later != null && later < earlier) {
      throw new Reject(RejectReason.TIMESTAMPS_OUT_OF_ORDER, laterField + " is before " + earlierField);
    }
  }

  private void slug(String field, boolean required) {
    String value = text(field, required);
    if (value == null) {
      return;
    }
    if (!isSlug(value)) {
      throw new Reject(RejectReason.MALFORMED_SLUG, field + " '" + cut(value) + "' is not a slug");
    }
    checked[slot(field)] = value;
  }

  private void currency(String field) {
    String value = text(field, true);
    if (value.length() != 3 || !isUpper(value.charAt(0)) || !isUpper(value.charAt(1)) || !isUpper(value.charAt(2))) {
      throw new Reject(RejectReason.MALFORMED_CURRENCY, field + " '" + cut(value) + "' is not an ISO 4217 code");
    }
    checked[slot(field)] = value;
  }

  /** An integer that must fit in {@code max} (Long.MAX_VALUE or Integer.MAX_VALUE, symmetric). */
  private long integer(String field, boolean required, long max) {
    int slot = slot(field);
    JsonToken t = tokens[slot];
    if (t == null || t == JsonToken.VALUE_NULL) {
      if (required) {
        throw new Reject(RejectReason.MISSING_FIELD, field + " is missing");
      }
      return 0;
    }
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw new Reject(RejectReason.WRONG_TYPE, field + " must be an integer, got " + describe(t));
    }
    long value = longs[slot];
    if (beyondLong[slot] || value > max || value < -max - 1) {
      throw new Reject(RejectReason.NUMBER_OVERFLOW, field + " does not fit in " + (max == Long.MAX_VALUE ? "64" : "32") + " bits");
    }
    checked[slot] = value;
    return value;
  }

  private <E extends Enum<E> & WireEnum> E enumWord(String field, Map<String, E> words) {
    String value = text(field, true);
    E constant = words.get(value);
    if (constant == null) {
      throw new Reject(RejectReason.UNKNOWN_ENUM, field + " '" + cut(value) + "' is not one of " + words.keySet());
    }
    checked[slot(field)] = value; // the wire word itself: it matched exactly
    return constant;
  }

  /** An event time: it decides the event's day, so it must not lie beyond the plausible bound. */
  private long timestamp(String field, boolean required) {
    return timestamp(field, required, latestMillis);
  }

  private long timestamp(String field, boolean required, long latest) {
    String value = text(field, required);
    long millis = Timestamps.parseMillis(value);
    if (millis == Timestamps.INVALID) {
      throw new Reject(RejectReason.MALFORMED_TIMESTAMP, field + " '" + cut(value) + "' is not an ISO-8601 instant");
    }
    if (millis < EARLIEST.toEpochMilli() || millis >= latest) {
      throw new Reject(RejectReason.TIMESTAMP_OUT_OF_RANGE,
          field + " " + value + " is outside [" + EARLIEST + ", " + Instant.ofEpochMilli(latest) + ")");
    }
    checked[slot(field)] = millis;
    return millis;
  }

  /** A lifecycle timestamp: optional, and allowed {@link #LIFECYCLE_SLACK} beyond event times. */
  private Long lifecycleTimestamp(String field) {
    return present(field) ? timestamp(field, true, latestLifecycleMillis) : null;
  }

  private void bool(String field) {
    int slot = slot(field);
    JsonToken t = tokens[slot];
    if (t == null || t == JsonToken.VALUE_NULL) {
      throw new Reject(RejectReason.MISSING_FIELD, field + " is missing");
    }
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw new Reject(RejectReason.WRONG_TYPE, field + " must be true or false, got " + describe(t));
    }
    checked[slot] = t == JsonToken.VALUE_TRUE;
  }

  // Details never quote a personal value.
  private void personalKey(String field) {
    int slot = slot(field);
    JsonToken t = tokens[slot];
    if (t == null || t == JsonToken.VALUE_NULL) {
      throw new Reject(RejectReason.MISSING_FIELD, field + " is missing");
    }
    if (t != JsonToken.VALUE_STRING) {
      throw new Reject(RejectReason.WRONG_TYPE, field + " must be a string, got " + describe(t));
    }
    String raw = texts[slot];
    if (raw.isBlank()) {
      throw new Reject(RejectReason.MISSING_FIELD, field + " is blank");
    }
    String key = keyCache.get(raw);
    if (key == null) {
      if (keyCache.size() >= KEY_CACHE_SIZE) {
        keyCache.clear();
      }
      key = pseudonymiser.pseudonymise(raw);
      keyCache.put(raw, key);
    }
    checked[slot] = key;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static int slot(String field) {
    int slot = SLOT_OF.slotOf(field);
    if (slot < 0) {
      throw new IllegalStateException("no slot for field " + field);
    }
    return slot;
  }

  static boolean isWellFormedId(String value) {
    int n = value.length();
    if (n < 1 || n > MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == ':' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSlug(String value) {
    int n = value.length();
    if (n < 1 || n > MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isBlank(byte[] b, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
        return false;
      }
    }
    return true;
  }

  /** Index (from offset) of the first byte that breaks UTF-8 (RFC 3629), NUL included; -1 if none. */
  static int firstInvalidUtf8(byte[] b, int offset, int length) {
    int end = offset + length;
    int i = offset;
    // Most lines are plain ASCII: skip eight bytes at a time while none is NUL or above 0x7f.
    while (i + Long.BYTES <= end) {
      long word = (long) LONG_VIEW.get(b, i);
      long zeroByte = (word - 0x0101010101010101L) & ~word;
      if (((word | zeroByte) & 0x8080808080808080L) != 0) {
        break;
      }
      i += Long.BYTES;
    }
    while (i < end) {
      int c = b[i];
      if (c > 0) {
        i++;
        continue;
      }
      int lead = c & 0xff;
      int more;
      int min;
      if (lead >= 0xc2 && lead <= 0xdf) {
        more = 1;
        min = 0x80;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        more = 2;
        min = 0x800;
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        more = 3;
        min = 0x10000;
      } else {
        return i - offset; // NUL, stray continuation byte, overlong lead or beyond U+10FFFF
      }
      if (i + more >= end) {
        return i - offset; // cut short by the end of the line
      }
      int cp = lead & (0x3f >> more);
      for (int k = 1; k <= more; k++) {
        int next = b[i + k] & 0xff;
        if ((next & 0xc0) != 0x80) {
          return i - offset;
        }
        cp = (cp << 6) | (next & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return i - offset;
      }
      i += more + 1;
    }
    return -1;
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT -> "integer";
      case VALUE_NUMBER_FLOAT -> "decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** Values echoed into a detail are cut short. */
  private static String cut(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  // Jackson quotes the offending token; it could be part of a personal value, so only short ones stay.
  private static String quietMessage(String message) {
    String firstLine = message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
    return firstLine.replaceAll("'[^']{2,}'", "'...'");
  }

  private static <E extends Enum<E> & WireEnum> Map<String, E> wireWords(Class<E> type) {
    Map<String, E> words = new java.util.LinkedHashMap<>();
    for (E constant : type.getEnumConstants()) {
      words.put(constant.wire(), constant);
    }
    return words;
  }

  /** A broken rule; no stack trace, as rejections are routine. */
  private static final class Reject extends RuntimeException {
    private final RejectReason reason;

    Reject(RejectReason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }
}
