package org.chengxin.jobs.ratings;

import java.util.Objects;
import org.chengxin.detectors.ratings.RaterScoringOptions;

/**
 * Settings of the rater reliability job beyond the plain-Java core's {@link RaterScoringOptions}
 * (fixed point, signals, extortion and attack windows, combiner).
 *
 * @param scoring the core's settings, ported rule for rule
 * @param attackSurprise a burst of negatives also needs this Poisson tail probability or less
 *     against the ratee's usual negative share, unless its raters share keys
 * @param keyMaxAccounts a device, IP or address key links accounts only when at most this many
 *     accounts used it (carrier NAT addresses and parcel lockers link nobody)
 * @param boostMinLinked shared_key_boost: other positive raters of the ratee a rater must share keys with
 * @param boostMinShare shared_key_boost: share of the ratee's positive raters that are key-linked
 * @param serialMinRatees serial_negative: distinct accounts a rater must have rated negative
 * @param serialSurprise serial_negative: Poisson tail probability of the rater's negatives, expecting
 *     its ratings times the market's negative share, at or below which they are flagged
 */
public record RatingDetectionOptions(
    RaterScoringOptions scoring,
    double attackSurprise,
    int keyMaxAccounts,
    int boostMinLinked,
    double boostMinShare,
    int serialMinRatees,
    double serialSurprise) {

  public RatingDetectionOptions {
    Objects.requireNonNull(scoring, "scoring");
    if (!(attackSurprise > 0 && attackSurprise < 1)) {
      throw new IllegalArgumentException("attackSurprise must lie in (0, 1), got " + attackSurprise);
    }
    if (keyMaxAccounts < 2) {
      throw new IllegalArgumentException("keyMaxAccounts must be >= 2, got " + keyMaxAccounts);
    }
    if (boostMinLinked < 1) {
      throw new IllegalArgumentException("boostMinLinked must be >= 1, got " + boostMinLinked);
    }
    if (!(boostMinShare >= 0 && boostMinShare <= 1)) {
      throw new IllegalArgumentException("boostMinShare must lie in [0, 1], got " + boostMinShare);
    }
    if (serialMinRatees < 2) {
      throw new IllegalArgumentException("serialMinRatees must be >= 2, got " + serialMinRatees);
    }
    if (!(serialSurprise > 0 && serialSurprise < 1)) {
      throw new IllegalArgumentException("serialSurprise must lie in (0, 1), got " + serialSurprise);
    }
  }

  /**
   * The core's defaults; a burst must be a one-in-a-thousand event; 100 accounts per key; 2 links,
   * half the raters; a serial negative rater has rated 3 accounts badly against a one-in-a-million
   * chance (so across a million honest raters about one is flagged by bad luck).
   */
  public static RatingDetectionOptions defaults() {
    return new RatingDetectionOptions(RaterScoringOptions.defaults(), 1e-3, 100, 2, 0.5, 3, 1e-6);
  }

  public RatingDetectionOptions withScoring(RaterScoringOptions value) {
    return new RatingDetectionOptions(
        value, attackSurprise, keyMaxAccounts, boostMinLinked, boostMinShare, serialMinRatees, serialSurprise);
  }
}
