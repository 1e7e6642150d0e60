package org.chengxin.detectors.ratings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paid-off extortion ("refund me and I'll change it"): a negative or neutral rating revised to
 * positive within {@code windowHours} after the seller paid compensation on an upheld complaint the
 * rater filed on that trade <em>after</em> leaving the rating, by a rater whose history shows the
 * same lever elsewhere: other ratings flagged as extortion (a negative right after a rejected
 * complaint), or other such paid-off revisions.
 *
 * <p>What separates it from an honest buyer whose problem was settled: the honest buyer usually
 * complains first and rates after (or revises because the parcel arrived, with no complaint at
 * all); here the bad rating comes first and the claim follows it, and the revision answers the
 * payment within days. One such sequence alone is still what a settled honest dispute can look
 * like, so the rule asks for a second sign in the rater's own history; an account that extorts
 * does it across many sellers. Score {@code 1 - 1 / (2 + history)}: 2/3 with one other sign,
 * higher with more.
 *
 * @param windowHours how soon after the complaint's resolution the revision must come, > 0
 */
public record PaidOffExtortionPattern(double windowHours) implements Serializable {
  private static final double SECONDS_PER_HOUR = 3_600.0;

  public PaidOffExtortionPattern {
    if (!(windowHours > 0)) {
      throw new IllegalArgumentException("paid-off windowHours must be > 0, got " + windowHours);
    }
  }

  /** Three days: a revision that answers the payment, not one weeks later when the parcel turned up. */
  public static PaidOffExtortionPattern defaults() {
    return new PaidOffExtortionPattern(72);
  }

  /**
   * The flags of one rater's revisions ({@link RatingFlag#rating}: position in {@code revisions}).
   *
   * @param extortionFlags the rater's ratings flagged {@link RatingPattern#EXTORTION} (its history)
   */
  public List<RatingFlag> flags(List<RevisedRating> revisions, int extortionFlags) {
    boolean[] paidOff = new boolean[revisions.size()];
    int paidOffCount = 0;
    for (int i = 0; i < revisions.size(); i++) {
      RevisedRating r = revisions.get(i);
      paidOff[i] = r.linked() && r.complaintFiledAt() >= r.ratedAt()
          && hoursAfterResolution(r) <= windowHours;
      paidOffCount += paidOff[i] ? 1 : 0;
    }
    int history = extortionFlags + paidOffCount - 1; // the rater's other signs, besides this revision
    List<RatingFlag> flags = new ArrayList<>();
    for (int i = 0; i < revisions.size(); i++) {
      if (!paidOff[i] || history < 1) {
        continue;
      }
      RevisedRating r = revisions.get(i);
      flags.add(new RatingFlag(i, RatingPattern.PAID_OFF_EXTORTION, 1 - 1.0 / (2 + history),
          Map.of("hours_after_resolution", hoursAfterResolution(r),
              "paid_off_revisions", (double) paidOffCount,
              "extortion_flags", (double) extortionFlags)));
    }
    return flags;
  }

  private static double hoursAfterResolution(RevisedRating r) {
    return (r.revisedAt() - r.complaintResolvedAt()) / SECONDS_PER_HOUR;
  }
}
