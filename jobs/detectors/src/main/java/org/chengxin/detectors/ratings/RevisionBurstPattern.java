package org.chengxin.detectors.ratings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Bought revisions: one seller's ratings revised to positive in a burst far above the seller's own
 * expected revision rate (cash back for turning a negative into a positive, or buyers harassed into
 * it). A scan over every revision as the start of a window of each of {@code windowHours} (shortest
 * first): a window holding k >= {@code minRevisions} revisions is a burst when P(X >= k) <=
 * {@code surprise} for X Poisson with the revisions the seller's own revisable ratings would give
 * in that window, and the revised ratings were left over at least {@code minAgeSpreadHours} (a
 * bought campaign revises old and new complaints alike; a batch of parcels that arrived late
 * revises the ratings of a day or two). Every revision of the shortest burst window starting at a
 * revision is flagged.
 *
 * <p>Expected revisions in a window [a, b]: {@code rate x sum over the seller's negative and neutral
 * ratings of |[a, b] n [rated, rated + 30 days]| / 30 days}: each revisable rating is revised with
 * the platform's probability ({@code rate}: revisions per revisable rating, the caller leaves the
 * seller itself out), at a time spread over the marketplace's 30-day revision window. So a seller
 * with many unhappy buyers is expected to get more revisions, and a window long after its last
 * negative expects none. Score {@code 1 - expected / k}.
 *
 * @param windowHours burst window lengths, each > 0
 * @param minRevisions revisions a burst must hold, >= 2
 * @param surprise Poisson tail at or below which a window is a burst, in (0, 1)
 * @param minAgeSpreadHours hours between the oldest and the newest rating a burst revises, >= 0
 */
public record RevisionBurstPattern(double[] windowHours, int minRevisions, double surprise, double minAgeSpreadHours)
    implements Serializable {
  /** The marketplace's rule: a rating may be revised within 30 days of it (docs/events.md). */
  public static final long REVISION_WINDOW_SECONDS = 30L * 24 * 3_600;
  private static final double SECONDS_PER_HOUR = 3_600.0;

  public RevisionBurstPattern {
    windowHours = windowHours.clone();
    Arrays.sort(windowHours);
    if (windowHours.length == 0 || !(windowHours[0] > 0)) {
      throw new IllegalArgumentException("burst windowHours must be given and > 0: " + Arrays.toString(windowHours));
    }
    if (minRevisions < 2) {
      throw new IllegalArgumentException("burst minRevisions must be >= 2, got " + minRevisions);
    }
    if (!(surprise > 0 && surprise < 1)) {
      throw new IllegalArgumentException("burst surprise must lie in (0, 1), got " + surprise);
    }
    if (!(minAgeSpreadHours >= 0)) {
      throw new IllegalArgumentException("burst minAgeSpreadHours must be >= 0, got " + minAgeSpreadHours);
    }
  }

  /**
   * A day, three days, a week; five revisions; one chance in a million (a million sellers give about
   * one false burst); ratings left over two days or more. Chosen before looking at any run.
   */
  public static RevisionBurstPattern defaults() {
    return new RevisionBurstPattern(new double[] {24, 72, 168}, 5, 1e-6, 48);
  }

  /**
   * The flags of one seller's revisions ({@link RatingFlag#rating}: position in the arrays).
   *
   * @param revisedAt when each revision came, epoch seconds, ascending
   * @param ratedAt when each revised rating was left (same order)
   * @param revisable when each of the seller's negative and neutral buyer ratings was left (revised
   *     ones included), any order
   * @param rate the platform's revisions per revisable rating, > 0
   */
  public List<RatingFlag> flags(long[] revisedAt, long[] ratedAt, long[] revisable, double rate) {
    if (revisedAt.length != ratedAt.length) {
      throw new IllegalArgumentException("revisedAt and ratedAt differ in length");
    }
    int n = revisedAt.length;
    int[] burstSize = new int[n];
    double[] burstHours = new double[n];
    double[] burstExpected = new double[n];
    for (int i = 0; i + minRevisions <= n; i++) {
      if (i > 0 && revisedAt[i] < revisedAt[i - 1]) {
        throw new IllegalArgumentException("revisions must come in time order");
      }
      for (double hours : windowHours) {
        long end = revisedAt[i] + Math.round(hours * SECONDS_PER_HOUR);
        int j = i;
        while (j + 1 < n && revisedAt[j + 1] <= end) {
          j++;
        }
        int k = j - i + 1;
        if (k < minRevisions || ageSpreadHours(ratedAt, i, j) < minAgeSpreadHours) {
          continue;
        }
        double expected = rate * exposure(revisable, revisedAt[i], end);
        if (PoissonTail.atLeast(expected, k) <= surprise) {
          for (int m = i; m <= j; m++) {
            if (k > burstSize[m]) {
              burstSize[m] = k;
              burstHours[m] = (revisedAt[j] - revisedAt[i]) / SECONDS_PER_HOUR;
              burstExpected[m] = expected;
            }
          }
          break;
        }
      }
    }
    List<RatingFlag> flags = new ArrayList<>();
    for (int m = 0; m < n; m++) {
      if (burstSize[m] > 0) {
        double score = Math.max(Double.MIN_NORMAL, 1 - burstExpected[m] / burstSize[m]);
        flags.add(new RatingFlag(m, RatingPattern.BOUGHT_REVISION, score,
            Map.of("burst_revisions", (double) burstSize[m], "burst_hours", burstHours[m],
                "expected_revisions", burstExpected[m])));
      }
    }
    return flags;
  }

  /** Revisable ratings' days of revision window inside [from, to], in units of whole windows. */
  static double exposure(long[] revisable, long from, long to) {
    double sum = 0;
    for (long t : revisable) {
      long overlap = Math.min(to, t + REVISION_WINDOW_SECONDS) - Math.max(from, t);
      if (overlap > 0) {
        sum += overlap;
      }
    }
    return sum / REVISION_WINDOW_SECONDS;
  }

  private static double ageSpreadHours(long[] ratedAt, int from, int to) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int m = from; m <= to; m++) {
      min = Math.min(min, ratedAt[m]);
      max = Math.max(max, ratedAt[m]);
    }
    return (max - min) / SECONDS_PER_HOUR;
  }

  @Override
  public double[] windowHours() {
    return windowHours.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RevisionBurstPattern p && Arrays.equals(windowHours, p.windowHours)
        && minRevisions == p.minRevisions && surprise == p.surprise && minAgeSpreadHours == p.minAgeSpreadHours;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(windowHours) + Double.hashCode(surprise) + minRevisions;
  }

  @Override
  public String toString() {
    return "RevisionBurstPattern" + Arrays.toString(windowHours) + " min " + minRevisions + " surprise " + surprise;
  }
}
