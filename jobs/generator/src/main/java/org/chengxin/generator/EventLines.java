package org.chengxin.generator;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.chengxin.core.event.WireEnum;
import org.chengxin.core.event.EventFields;
import org.chengxin.core.event.EventKind;
import org.chengxin.generator.Events.Certificate;
import org.chengxin.generator.Events.Complaint;
import org.chengxin.generator.Events.Rating;
import org.chengxin.generator.Events.Revision;
import org.chengxin.generator.Events.Trade;

/**
 * Serialises events to one-line JSON in the wire format (field names from {@link EventFields},
 * enum values as wire words, absent optional fields omitted) into a reused buffer.
 */
final class EventLines {
  static final String CURRENCY = "CNY";

  /** The bytes of the last serialised line, without the newline. */
  static final class Line extends OutputStream {
    private byte[] bytes = new byte[1024];
    private int length;

    @Override
    public void write(int b) {
      ensure(length + 1);
      bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(length + len);
      System.arraycopy(b, off, bytes, length, len);
      length += len;
    }

    byte[] bytes() {
      return bytes;
    }

    int length() {
      return length;
    }

    byte[] copy() {
      return Arrays.copyOf(bytes, length);
    }

    private void ensure(int capacity) {
      if (capacity > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(capacity, 2 * bytes.length));
      }
    }
  }

  /** Field names and wire words, encoded once: these writes dominate serialisation time. */
  private final Map<Object, SerializableString> encoded = new HashMap<>();

  private final Line line = new Line();
  private final JsonGenerator json;
  private final WireText text;
  private final char[] timestamp = new char[WireText.TIMESTAMP_LENGTH];

  EventLines(WireText text) {
    this.text = text;
    try {
      json = new JsonFactoryBuilder().rootValueSeparator((String) null).build().createGenerator(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Line trade(Trade t) {
    try {
      begin(EventKind.TRADE, EventFields.TRADE_ID, t.tradeId);
      string(EventFields.BUYER_ID, t.buyerId);
      string(EventFields.SELLER_ID, t.sellerId);
      string(EventFields.ITEM_ID, t.itemId);
      string(EventFields.CATEGORY, t.category);
      if (t.brand != null) {
        string(EventFields.BRAND, t.brand);
      }
      number(EventFields.PRICE_MINOR, t.priceMinor);
      string(EventFields.CURRENCY, CURRENCY);
      number(EventFields.QUANTITY, t.quantity);
      time(EventFields.CREATED_AT, t.createdAt);
      time(EventFields.PAID_AT, t.paidAt);
      time(EventFields.SHIPPED_AT, t.shippedAt);
      time(EventFields.CONFIRMED_AT, t.confirmedAt);
      field(EventFields.STATUS, t.status);
      string(EventFields.DEVICE_ID, t.deviceId);
      string(EventFields.IP_ADDRESS, t.ipAddress);
      string(EventFields.SHIPPING_ADDRESS, t.shippingAddress);
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Line rating(Rating r) {
    try {
      begin(EventKind.RATING, EventFields.RATING_ID, r.ratingId);
      string(EventFields.TRADE_ID, r.tradeId);
      string(EventFields.RATER_ID, r.raterId);
      string(EventFields.RATEE_ID, r.rateeId);
      field(EventFields.DIRECTION, r.direction);
      field(EventFields.SCORE, r.score);
      detailedRatings(r.itemAsDescribed, r.service, r.logistics);
      time(EventFields.RATED_AT, r.ratedAt);
      json.writeFieldName(name(EventFields.HIDDEN));
      json.writeBoolean(r.hidden);
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Line complaint(Complaint c) {
    try {
      begin(EventKind.COMPLAINT, EventFields.COMPLAINT_ID, c.complaintId);
      string(EventFields.TRADE_ID, c.tradeId);
      string(EventFields.BUYER_ID, c.buyerId);
      string(EventFields.SELLER_ID, c.sellerId);
      field(EventFields.TYPE, c.type);
      field(EventFields.SEVERITY, c.severity);
      time(EventFields.FILED_AT, c.filedAt);
      time(EventFields.RESOLVED_AT, c.resolvedAt);
      field(EventFields.OUTCOME, c.outcome);
      number(EventFields.COMPENSATION_MINOR, c.compensationMinor);
      string(EventFields.CURRENCY, CURRENCY);
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Line revision(Revision r) {
    try {
      begin(EventKind.RATING_REVISION, EventFields.REVISION_ID, r.revisionId);
      string(EventFields.RATING_ID, r.ratingId);
      string(EventFields.RATER_ID, r.raterId);
      field(EventFields.SCORE, r.score);
      detailedRatings(r.itemAsDescribed, r.service, r.logistics);
      time(EventFields.REVISED_AT, r.revisedAt);
      field(EventFields.REASON, r.reason);
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Line certificate(Certificate c) {
    try {
      begin(EventKind.CERTIFICATE, EventFields.CERTIFICATE_ID, c.certificateId);
      string(EventFields.SELLER_ID, c.sellerId);
      string(EventFields.BRAND, c.brand);
      field(EventFields.STATUS, c.status);
      time(EventFields.RECORDED_AT, c.recordedAt);
      return end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The detailed seller ratings, unless they are {@link Events#NO_DSR}. */
  private void detailedRatings(int itemAsDescribed, int service, int logistics) throws IOException {
    if (itemAsDescribed != Events.NO_DSR) {
      number(EventFields.ITEM_AS_DESCRIBED, itemAsDescribed);
      number(EventFields.SERVICE, service);
      number(EventFields.LOGISTICS, logistics);
    }
  }

  private void begin(EventKind kind, String idField, String id) throws IOException {
    line.length = 0;
    json.writeStartObject();
    string(EventFields.KIND, kind.wireName());
    string(idField, id);
  }

  private Line end() throws IOException {
    json.writeEndObject();
    json.flush();
    return line;
  }

  private SerializableString name(String field) {
    return encoded.computeIfAbsent(field, f -> new SerializedString((String) f));
  }

  private void string(String field, String value) throws IOException {
    json.writeFieldName(name(field));
    json.writeString(value);
  }

  private void number(String field, long value) throws IOException {
    json.writeFieldName(name(field));
    json.writeNumber(value);
  }

  private void field(String field, WireEnum value) throws IOException {
    json.writeFieldName(name(field));
    json.writeString(encoded.computeIfAbsent(value, v -> new SerializedString(((WireEnum) v).wire())));
  }

  private void time(String field, long epochSecond) throws IOException {
    if (epochSecond != Events.NONE) {
      text.timestamp(epochSecond, timestamp);
      json.writeFieldName(name(field));
      json.writeString(timestamp, 0, WireText.TIMESTAMP_LENGTH);
    }
  }
}
