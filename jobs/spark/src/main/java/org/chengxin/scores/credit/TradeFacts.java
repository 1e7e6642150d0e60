package org.chengxin.scores.credit;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the credit rules need of a rated trade.
 *
 * @param endedAt when the trade ended: see {@link #endOf}
 */
public record TradeFacts(String buyerId, String sellerId, String itemId, Instant createdAt, Instant endedAt) {

  public TradeFacts {
    Objects.requireNonNull(buyerId, "buyerId");
    Objects.requireNonNull(sellerId, "sellerId");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(endedAt, "endedAt");
  }

  /**
   * A trade ends when the buyer confirms receipt; a trade never confirmed (cancelled, refunded,
   * disputed) ends at its last lifecycle time. Null times are skipped.
   */
  public static Instant endOf(Instant createdAt, Instant paidAt, Instant shippedAt, Instant confirmedAt) {
    if (confirmedAt != null) {
      return confirmedAt;
    }
    return Stream.of(createdAt, paidAt, shippedAt).filter(Objects::nonNull).max(Instant::compareTo).orElseThrow();
  }
}
