package org.chengxin.generator;

import org.chengxin.core.event.CertificateStatus;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.event.ComplaintSeverity;
import org.chengxin.core.event.ComplaintType;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.event.RevisionReason;
import org.chengxin.core.event.TradeStatus;

/**
 * Mutable holders of one event each, reused for every event so the hot loop allocates little.
 * Times are epoch seconds; {@link #NONE} marks an absent optional time or detailed rating.
 */
final class Events {
  static final long NONE = -1;
  /** Detailed-rating value meaning "not given" (seller-to-buyer ratings carry none). */
  static final int NO_DSR = 0;

  private Events() {}

  static final class Trade {
    String tradeId;
    String buyerId;
    String sellerId;
    String itemId;
    String category;
    String brand;
    long priceMinor;
    int quantity;
    long createdAt;
    long paidAt;
    long shippedAt;
    long confirmedAt;
    TradeStatus status;
    String deviceId;
    String ipAddress;
    String shippingAddress;
    /** When the trade ended (confirmed, cancelled or refunded): ratings are timed from here. */
    long endedAt;
  }

  static final class Rating {
    String ratingId;
    String tradeId;
    String raterId;
    String rateeId;
    RatingDirection direction;
    RatingScore score;
    /** Detailed seller ratings (item as described, service, logistics), 1-5, or NO_DSR. */
    int itemAsDescribed;
    int service;
    int logistics;
    long ratedAt;
    boolean hidden;
  }

  static final class Complaint {
    String complaintId;
    String tradeId;
    String buyerId;
    String sellerId;
    ComplaintType type;
    ComplaintSeverity severity;
    long filedAt;
    long resolvedAt;
    ComplaintOutcome outcome;
    long compensationMinor;
  }

  static final class Revision {
    String revisionId;
    String ratingId;
    String raterId;
    RatingScore score;
    /** Detailed seller ratings after the revision, 1-5, or NO_DSR when left as they were. */
    int itemAsDescribed;
    int service;
    int logistics;
    long revisedAt;
    RevisionReason reason;
  }

  static final class Certificate {
    String certificateId;
    String sellerId;
    String brand;
    CertificateStatus status;
    long recordedAt;
  }
}
