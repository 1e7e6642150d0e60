package org.chengxin.jobs.ratings;

import java.util.Objects;
import org.chengxin.detectors.ratings.PaidOffExtortionPattern;
import org.chengxin.detectors.ratings.RaterScoringOptions;
import org.chengxin.detectors.ratings.RevisionBurstPattern;
import org.chengxin.detectors.ratings.SerialNegativePattern;
import org.chengxin.detectors.ratings.SharedKeyBoostPattern;

/**
 * Settings of the rater reliability job beyond the plain-Java core's {@link RaterScoringOptions}
 * (fixed point, signals, extortion and attack patterns, combiner).
 *
 * @param scoring the core's settings, which the job runs as they are
 * @param keyMaxAccounts a device, IP or address key links accounts only when at most this many
 *     accounts used it (carrier NAT addresses and parcel lockers link nobody)
 * @param sharedKeyBoost the shared-key boost pattern
 * @param serialNegative the serial-negative pattern
 * @param paidOffExtortion the paid-off extortion pattern (rating revisions)
 * @param revisionBurst the bought-revision pattern (rating revisions)
 */
public record RatingDetectionOptions(
    RaterScoringOptions scoring,
    int keyMaxAccounts,
    SharedKeyBoostPattern sharedKeyBoost,
    SerialNegativePattern serialNegative,
    PaidOffExtortionPattern paidOffExtortion,
    RevisionBurstPattern revisionBurst) {

  public RatingDetectionOptions {
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(sharedKeyBoost, "sharedKeyBoost");
    Objects.requireNonNull(serialNegative, "serialNegative");
    Objects.requireNonNull(paidOffExtortion, "paidOffExtortion");
    Objects.requireNonNull(revisionBurst, "revisionBurst");
    if (keyMaxAccounts < 2) {
      throw new IllegalArgumentException("keyMaxAccounts must be >= 2, got " + keyMaxAccounts);
    }
  }

  /** The core's defaults; 100 accounts per key. */
  public static RatingDetectionOptions defaults() {
    return new RatingDetectionOptions(
        RaterScoringOptions.defaults(), 100, SharedKeyBoostPattern.defaults(), SerialNegativePattern.defaults(),
        PaidOffExtortionPattern.defaults(), RevisionBurstPattern.defaults());
  }

  public RatingDetectionOptions withScoring(RaterScoringOptions value) {
    return new RatingDetectionOptions(value, keyMaxAccounts, sharedKeyBoost, serialNegative, paidOffExtortion,
        revisionBurst);
  }
}
