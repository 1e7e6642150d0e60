package org.chengxin.detectors.ratings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chengxin.core.event.ComplaintOutcome;

/**
 * Extortion: a negative rating given by a buyer within {@code windowHours} after that buyer's own
 * complaint against the same account was rejected ("refund me or I rate you bad", then the platform
 * said no); the latest rejection at or before the rating counts. A negative after an upheld complaint
 * is a fair rating; a negative before the rejection is ordinary dissatisfaction. Score
 * {@code 1 - hoursAfter / (2 * windowHours)}: in [1/2, 1], higher when sooner.
 *
 * <p>Extortion repeat: the other negatives of a rater with extortion flags. A proven retaliator's
 * negatives without a complaint are the same habit; score {@code 1 - 1 / (1 + its extortion flags)}.
 *
 * @param windowHours how long after the rejection a negative counts as retaliation, > 0
 */
public record ExtortionPattern(double windowHours) implements Serializable {
  private static final double SECONDS_PER_HOUR = 3_600.0;

  public ExtortionPattern {
    if (!(windowHours > 0)) {
      throw new IllegalArgumentException("extortion windowHours must be > 0, got " + windowHours);
    }
  }

  /** Two days. */
  public static ExtortionPattern defaults() {
    return new ExtortionPattern(48);
  }

  /**
   * The extortion and extortion-repeat flags of one rater's run ({@link RatingFlag#rating}: position
   * in {@code given}).
   */
  public List<RatingFlag> flags(GivenRatings given) {
    List<RatingFlag> flags = new ArrayList<>();
    boolean[] extortion = new boolean[given.size()];
    for (int i = 0; i < given.size(); i++) {
      if (!given.isNegative(i)) {
        continue;
      }
      int latest = given.latestRejectionIndex(i);
      if (latest < 0) {
        continue;
      }
      double hoursAfter = (given.epochSecond(i) - given.rejection(i, latest)) / SECONDS_PER_HOUR;
      if (hoursAfter <= windowHours) {
        extortion[i] = true;
        flags.add(new RatingFlag(i, RatingPattern.EXTORTION, 1 - hoursAfter / (2 * windowHours),
            Map.of("hours_after_rejection", hoursAfter)));
      }
    }
    int retaliations = flags.size();
    for (int i = 0; i < given.size() && retaliations > 0; i++) {
      if (given.isNegative(i) && !extortion[i]) {
        flags.add(new RatingFlag(i, RatingPattern.EXTORTION_REPEAT, 1 - 1.0 / (1 + retaliations),
            Map.of("extortion_flags", (double) retaliations)));
      }
    }
    return flags;
  }

  /** The flags of a whole graph in memory ({@link RatingFlag#rating}: the graph's rating index). */
  public List<RatingFlag> flags(RatingGraph graph, List<ComplaintResolution> complaints) {
    Map<Long, long[]> rejections = rejectionsByPair(complaints);
    List<RatingFlag> flags = new ArrayList<>();
    GivenRatings given = new GivenRatings();
    long[] none = new long[0];
    for (int[] ratings : graph.ratingsGivenByTime()) {
      given.clear();
      for (int e : ratings) {
        given.add(graph.account(graph.ratee(e)), graph.epochSecond(e), graph.score(e),
            rejections.getOrDefault(pair(graph.rater(e), graph.ratee(e)), none));
      }
      for (RatingFlag f : flags(given)) {
        flags.add(f.atRating(ratings[f.rating()]));
      }
    }
    return flags;
  }

  private static Map<Long, long[]> rejectionsByPair(List<ComplaintResolution> complaints) {
    Map<Long, long[]> rejections = new HashMap<>();
    for (ComplaintResolution c : complaints) {
      if (c.outcome() == ComplaintOutcome.REJECTED) {
        rejections.merge(pair(c.complainant(), c.respondent()), new long[] {c.resolvedAtEpochSecond()}, (a, b) -> {
          long[] both = java.util.Arrays.copyOf(a, a.length + b.length);
          System.arraycopy(b, 0, both, a.length, b.length);
          return both;
        });
      }
    }
    return rejections;
  }

  private static long pair(int complainant, int respondent) {
    return ((long) complainant << 32) | (respondent & 0xffffffffL);
  }
}
