package org.chengxin.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Valid raw lines for tests, with fixed personal values that must never reach the warehouse. */
final class TestEvents {
  static final String DEVICE = "ios-device-5f2c9a77";
  static final String IP = "10.23.4.17";
  static final String ADDRESS = "No. 8 Wensan Rd, Hangzhou";
  static final List<String> PERSONAL = List.of(DEVICE, IP, ADDRESS, "172.16.99.42", "android-broken-77", "Broken Lane");

  private TestEvents() {}

  static String trade(String id, String createdAt) {
    return "{\"kind\":\"trade\",\"trade_id\":\"" + id + "\",\"buyer_id\":\"b1\",\"seller_id\":\"s1\",\"item_id\":\"i1\","
        + "\"category\":\"womens_apparel\",\"brand\":null,\"price_minor\":12900,\"currency\":\"CNY\",\"quantity\":1,"
        + "\"created_at\":\"" + createdAt + "\",\"paid_at\":null,\"shipped_at\":null,\"confirmed_at\":null,"
        + "\"status\":\"completed\",\"device_id\":\"" + DEVICE + "\",\"ip_address\":\"" + IP + "\","
        + "\"shipping_address\":\"" + ADDRESS + "\"}";
  }

  static String rating(String id, String tradeId, String ratedAt) {
    return rating(id, tradeId, ratedAt, "positive");
  }

  static String rating(String id, String tradeId, String ratedAt, String score) {
    return "{\"kind\":\"rating\",\"rating_id\":\"" + id + "\",\"trade_id\":\"" + tradeId + "\",\"rater_id\":\"b1\","
        + "\"ratee_id\":\"s1\",\"direction\":\"buyer_to_seller\",\"score\":\"" + score + "\",\"item_as_described\":5,"
        + "\"service\":4,\"logistics\":null,\"rated_at\":\"" + ratedAt + "\",\"hidden\":false}";
  }

  static String complaint(String id, String tradeId, String filedAt) {
    return "{\"kind\":\"complaint\",\"complaint_id\":\"" + id + "\",\"trade_id\":\"" + tradeId + "\",\"buyer_id\":\"b1\","
        + "\"seller_id\":\"s1\",\"type\":\"not_received\",\"severity\":\"medium\",\"filed_at\":\"" + filedAt + "\","
        + "\"resolved_at\":null,\"outcome\":\"pending\",\"compensation_minor\":0,\"currency\":\"CNY\"}";
  }

  static String certificate(String id, String recordedAt) {
    return "{\"kind\":\"certificate\",\"certificate_id\":\"" + id + "\",\"seller_id\":\"s1\",\"brand\":\"gucci\","
        + "\"status\":\"verified\",\"recorded_at\":\"" + recordedAt + "\"}";
  }

  static String revision(String id, String ratingId, String raterId, String score, String revisedAt) {
    return "{\"kind\":\"rating_revision\",\"revision_id\":\"" + id + "\",\"rating_id\":\"" + ratingId + "\","
        + "\"rater_id\":\"" + raterId + "\",\"score\":\"" + score + "\",\"revised_at\":\"" + revisedAt + "\","
        + "\"reason\":\"arrived\"}";
  }

  /** Writes lines so a monitoring source never sees a half-written file (hidden name, then rename). */
  static void write(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      Path hidden = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.write(hidden, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      Files.move(hidden, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
