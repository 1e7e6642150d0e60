package org.chengxin.detectors.ratings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.chengxin.core.event.ComplaintOutcome;

/**
 * Extortion: a negative rating given by a buyer within {@code windowHours} after that buyer's own
 * complaint against the same account was rejected ("refund me or I rate you bad", then the platform
 * said no). A negative after an upheld complaint is a fair rating; a negative before the rejection
 * is ordinary dissatisfaction. Score {@code 1 - hoursAfter / (2 * windowHours)}: in [1/2, 1], higher
 * when sooner.
 *
 * @param windowHours how long after the rejection a negative counts as retaliation, > 0
 */
public record ExtortionPattern(double windowHours) {
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

  public List<RatingFlag> flags(RatingGraph graph, List<ComplaintResolution> complaints) {
    Map<Long, TreeSet<Long>> rejections = new HashMap<>();
    for (ComplaintResolution c : complaints) {
      if (c.outcome() == ComplaintOutcome.REJECTED) {
        rejections.computeIfAbsent(pair(c.complainant(), c.respondent()), k -> new TreeSet<>())
            .add(c.resolvedAtEpochSecond());
      }
    }
    List<RatingFlag> flags = new ArrayList<>();
    for (int e = 0; e < graph.ratingCount(); e++) {
      if (!graph.isNegative(e)) {
        continue;
      }
      TreeSet<Long> times = rejections.get(pair(graph.rater(e), graph.ratee(e)));
      Long rejected = times == null ? null : times.floor(graph.epochSecond(e));
      if (rejected == null) {
        continue;
      }
      double hoursAfter = (graph.epochSecond(e) - rejected) / SECONDS_PER_HOUR;
      if (hoursAfter <= windowHours) {
        double score = 1 - hoursAfter / (2 * windowHours);
        flags.add(new RatingFlag(e, RatingPattern.EXTORTION, score, Map.of("hours_after_rejection", hoursAfter)));
      }
    }
    return flags;
  }

  private static long pair(int complainant, int respondent) {
    return ((long) complainant << 32) | (respondent & 0xffffffffL);
  }
}
