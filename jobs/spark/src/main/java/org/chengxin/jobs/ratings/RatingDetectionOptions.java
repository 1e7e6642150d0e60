package org.chengxin.jobs.ratings;

import java.util.Objects;
import org.chengxin.detectors.ratings.RaterScoringOptions;
import org.chengxin.detectors.ratings.SharedKeyBoostPattern;

/**
 * Settings of the rater reliability job beyond the plain-Java core's {@link RaterScoringOptions}
 * (fixed point, signals, extortion and attack patterns, combiner).
 *
 * @param scoring the core's settings, ported rule for rule
 * @param keyMaxAccounts a device, IP or address key links accounts only when at most this many
 *     accounts used it (carrier NAT addresses and parcel lockers link nobody)
 * @param sharedKeyBoost the shared-key boost pattern
 * @param serialMinRatees serial_negative: distinct accounts a rater must have rated negative
 * @param serialSurprise serial_negative: Poisson tail probability of the rater's negatives, expecting
 *     its ratings times the market's negative share, at or below which they are flagged
 */
public record RatingDetectionOptions(
    RaterScoringOptions scoring,
    int keyMaxAccounts,
    SharedKeyBoostPattern sharedKeyBoost,
    int serialMinRatees,
    double serialSurprise) {

  public RatingDetectionOptions {
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(sharedKeyBoost, "sharedKeyBoost");
    if (keyMaxAccounts < 2) {
      throw new IllegalArgumentException("keyMaxAccounts must be >= 2, got " + keyMaxAccounts);
    }
    if (serialMinRatees < 2) {
      throw new IllegalArgumentException("serialMinRatees must be >= 2, got " + serialMinRatees);
    }
    if (!(serialSurprise > 0 && serialSurprise < 1)) {
      throw new IllegalArgumentException("serialSurprise must lie in (0, 1), got " + serialSurprise);
    }
  }

  /**
   * The core's defaults; 100 accounts per key; a serial negative rater has rated 3 accounts badly against a one-in-a-million
   * chance (so across a million honest raters about one is flagged by bad luck).
   */
  public static RatingDetectionOptions defaults() {
    return new RatingDetectionOptions(RaterScoringOptions.defaults(), 100, SharedKeyBoostPattern.defaults(), 3, 1e-6);
  }

  public RatingDetectionOptions withScoring(RaterScoringOptions value) {
    return new RatingDetectionOptions(
        value, keyMaxAccounts, sharedKeyBoost, serialMinRatees, serialSurprise);
  }
}
