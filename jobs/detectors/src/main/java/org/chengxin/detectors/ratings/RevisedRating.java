package org.chengxin.detectors.ratings;

import java.io.Serializable;

/**
 * One accepted revision of a buyer's negative or neutral rating to positive, with what the revision
 * patterns read about it: when the rating was left and revised, and the rater's upheld complaint
 * with compensation on the rating's trade that was resolved between the two, if any (the latest
 * such one).
 *
 * @param complaintFiledAt epoch seconds, or {@link #NO_COMPLAINT}
 * @param complaintResolvedAt epoch seconds, or {@link #NO_COMPLAINT}
 */
public record RevisedRating(long ratedAt, long revisedAt, long complaintFiledAt, long complaintResolvedAt)
    implements Serializable {
  public static final long NO_COMPLAINT = Long.MIN_VALUE;

  public RevisedRating {
    if (revisedAt < ratedAt) {
      throw new IllegalArgumentException("a revision cannot precede its rating: " + revisedAt + " < " + ratedAt);
    }
    if ((complaintFiledAt == NO_COMPLAINT) != (complaintResolvedAt == NO_COMPLAINT)) {
      throw new IllegalArgumentException("a complaint needs both its filing and resolution times");
    }
  }

  /** A revision with no upheld complaint linked to it. */
  public static RevisedRating unlinked(long ratedAt, long revisedAt) {
    return new RevisedRating(ratedAt, revisedAt, NO_COMPLAINT, NO_COMPLAINT);
  }

  /** Whether an upheld complaint on the rating's trade was resolved after the rating and no later than the revision. */
  public boolean linked() {
    return complaintResolvedAt != NO_COMPLAINT && complaintResolvedAt > ratedAt && complaintResolvedAt <= revisedAt;
  }
}
