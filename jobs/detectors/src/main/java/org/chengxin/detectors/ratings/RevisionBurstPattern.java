package org.chengxin.detectors.ratings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.chengxin.core.validation.RevisionRules;

/**
 * Bought revisions: one seller's ratings revised to positive in a burst far above the seller's own
 * expected revision rate (cash back for turning a negative into a positive, or buyers harassed into
 * it). A scan statistic over the seller's revisions in time order: every window from one revision
 * to a later one at most {@code maxWindowHours} apart holding k >= {@code minRevisions} revisions,
 * whose revised ratings were left at least {@code minAgeSpreadHours} apart (a bought campaign
 * revises old and new negatives alike; a batch of parcels that arrived late revises the ratings of a
 * day or two), is scored by the Poisson tail P(X >= k) against the revisions the seller's own
 * revisable ratings would give in it. The most surprising window at or below {@code surprise} is a
 * burst and all its revisions are flagged; the scan repeats on the revisions outside it. Taking the
 * most surprising window (not every surprising one) keeps an ordinary revision just before or after
 * a burst out of it: it adds a little count and a lot of expectation.
 *
 * <p>Expected revisions in a window [a, b]: {@code rate x sum over the seller's negative and neutral
 * ratings of |[a, b] n [rated, rated + 30 days]| / 30 days}: each revisable rating is revised with
 * the platform's probability ({@code rate}: revisions per revisable rating, the caller leaves the
 * seller itself out), at a time spread over the marketplace's 30-day revision window. So a seller
 * with many unhappy buyers is expected to get more revisions, and a window long after its last
 * negative expects none. Score {@code 1 - expected / k}.
 *
 * @param maxWindowHours the longest burst, > 0
 * @param minRevisions revisions a burst must hold, >= 2
 * @param surprise Poisson tail at or below which a window is a burst, in (0, 1)
 * @param minAgeSpreadHours hours between the oldest and the newest rating a burst revises, >= 0
 */
public record RevisionBurstPattern(double maxWindowHours, int minRevisions, double surprise, double minAgeSpreadHours)
    implements Serializable {
  /** The marketplace's rule, as ingest enforces it: a rating may be revised within 30 days of it. */
  private static final long REVISION_WINDOW_SECONDS = RevisionRules.WINDOW.toSeconds();
  private static final double SECONDS_PER_HOUR = 3_600.0;

  public RevisionBurstPattern {
    if (!(maxWindowHours > 0)) {
      throw new IllegalArgumentException("burst maxWindowHours must be > 0, got " + maxWindowHours);
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
   * A week at most; five revisions; one chance in a million (a million sellers give about one false
   * burst); ratings left over two days or more. Chosen before looking at any run.
   */
  public static RevisionBurstPattern defaults() {
    return new RevisionBurstPattern(168, 5, 1e-6, 48);
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
    for (int i = 1; i < revisedAt.length; i++) {
      if (revisedAt[i] < revisedAt[i - 1]) {
        throw new IllegalArgumentException("revisions must come in time order");
      }
    }
    Exposure exposure = new Exposure(revisable);
    long maxWindow = Math.round(maxWindowHours * SECONDS_PER_HOUR);
    double logSurprise = Math.log(surprise);
    boolean[] taken = new boolean[revisedAt.length];
    List<RatingFlag> flags = new ArrayList<>();
    while (true) {
      int bestFrom = -1;
      int bestTo = -1;
      double bestLog = logSurprise;
      double bestExpected = 0;
      for (int i = 0; i < revisedAt.length; i++) {
        if (taken[i]) {
          continue;
        }
        long oldest = ratedAt[i];
        long newest = ratedAt[i];
        for (int j = i + 1; j < revisedAt.length && !taken[j] && revisedAt[j] - revisedAt[i] <= maxWindow; j++) {
          oldest = Math.min(oldest, ratedAt[j]);
          newest = Math.max(newest, ratedAt[j]);
          int k = j - i + 1;
          if (k < minRevisions || (newest - oldest) / SECONDS_PER_HOUR < minAgeSpreadHours) {
            continue;
          }
          double expected = rate * exposure.between(revisedAt[i], revisedAt[j]);
          if (k <= expected) {
            continue; // no surprise at all; skips the tail on a busy seller's ordinary weeks
          }
          double log = PoissonTail.logAtLeast(expected, k);
          if (log <= bestLog) {
            bestLog = log;
            bestFrom = i;
            bestTo = j;
            bestExpected = expected;
          }
        }
      }
      if (bestFrom < 0) {
        break;
      }
      int k = bestTo - bestFrom + 1;
      double score = Math.max(Double.MIN_NORMAL, 1 - bestExpected / k);
      Map<String, Double> evidence = Map.of("burst_revisions", (double) k,
          "burst_hours", (revisedAt[bestTo] - revisedAt[bestFrom]) / SECONDS_PER_HOUR, "expected_revisions", bestExpected);
      for (int m = bestFrom; m <= bestTo; m++) {
        taken[m] = true;
        flags.add(new RatingFlag(m, RatingPattern.BOUGHT_REVISION, score, evidence));
      }
    }
    flags.sort((a, b) -> Integer.compare(a.rating(), b.rating()));
    return flags;
  }

  /** Revisable ratings' time inside [from, to] of their 30-day revision windows, in whole windows. */
  static double exposure(long[] revisable, long from, long to) {
    return new Exposure(revisable).between(from, to);
  }

  /**
   * F(x) = sum over revisable ratings of min(max(x - rated, 0), 30 days): the window time they have
   * had by x, so that [a, b] holds F(b) - F(a). Sorted times and prefix sums make each F a binary
   * search.
   */
  private static final class Exposure {
    private final long[] sorted;
    private final double[] prefix;

    Exposure(long[] revisable) {
      sorted = revisable.clone();
      Arrays.sort(sorted);
      prefix = new double[sorted.length + 1];
      for (int i = 0; i < sorted.length; i++) {
        prefix[i + 1] = prefix[i] + sorted[i];
      }
    }

    double between(long from, long to) {
      return to <= from ? 0 : (had(to) - had(from)) / REVISION_WINDOW_SECONDS;
    }

    /** F(x) in seconds. */
    private double had(long x) {
      int started = upperBound(x); // rated <= x
      int full = upperBound(x - REVISION_WINDOW_SECONDS); // rated <= x - 30 days: whole window had
      double partial = (double) (started - full) * x - (prefix[started] - prefix[full]);
      return (double) full * REVISION_WINDOW_SECONDS + partial;
    }

    private int upperBound(long x) {
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
