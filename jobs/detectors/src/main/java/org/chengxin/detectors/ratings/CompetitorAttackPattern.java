package org.chengxin.detectors.ratings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Competitor attack: at least {@code minRaters} distinct accounts with little history each give
 * one account a negative rating within {@code windowHours}. "Little history" means the rater had
 * given at most {@code maxPriorRatings} ratings before this one. Every such negative inside a
 * qualifying window is flagged; score {@code 1 - 1 / burstRaters}, evidence the largest burst the
 * rating belongs to. One new buyer's single negative never fires: it takes a burst.
 *
 * @param windowHours width of the burst window, > 0
 * @param minRaters distinct low-history raters needed, >= 2
 * @param maxPriorRatings most ratings given before that still count as little history, >= 0
 */
public record CompetitorAttackPattern(double windowHours, int minRaters, int maxPriorRatings) {
  private static final double SECONDS_PER_HOUR = 3_600.0;

  public CompetitorAttackPattern {
    if (!(windowHours > 0)) {
      throw new IllegalArgumentException("attack windowHours must be > 0, got " + windowHours);
    }
    if (minRaters < 2) {
      throw new IllegalArgumentException("attack minRaters must be >= 2, got " + minRaters);
    }
    if (maxPriorRatings < 0) {
      throw new IllegalArgumentException("attack maxPriorRatings must be >= 0, got " + maxPriorRatings);
    }
  }

  /** 24 hours, 3 raters, at most 2 earlier ratings. */
  public static CompetitorAttackPattern defaults() {
    return new CompetitorAttackPattern(24, 3, 2);
  }

  public List<RatingFlag> flags(RatingGraph graph) {
    int[] priorRatings = ratingsGivenBefore(graph);
    int[] burstRaters = new int[graph.ratingCount()];
    long window = (long) Math.floor(windowHours * SECONDS_PER_HOUR);
    for (int[] received : graph.ratingsReceivedByTime()) {
      List<Integer> suspects = new ArrayList<>();
      for (int e : received) {
        if (graph.isNegative(e) && priorRatings[e] <= maxPriorRatings) {
          suspects.add(e);
        }
      }
      markBursts(graph, suspects, window, burstRaters);
    }
    List<RatingFlag> flags = new ArrayList<>();
    for (int e = 0; e < graph.ratingCount(); e++) {
      if (burstRaters[e] > 0) {
        flags.add(new RatingFlag(e, RatingPattern.COMPETITOR_ATTACK, 1 - 1.0 / burstRaters[e],
            Map.of("burst_raters", (double) burstRaters[e], "window_hours", windowHours)));
      }
    }
    return flags;
  }

  /** For each window starting at a suspect, count distinct raters; mark its ratings if enough. */
  private void markBursts(RatingGraph graph, List<Integer> suspects, long window, int[] burstRaters) {
    int end = 0;
    Map<Integer, Integer> ratersInWindow = new HashMap<>();
    for (int start = 0; start < suspects.size(); start++) {
      long from = graph.epochSecond(suspects.get(start));
      while (end < suspects.size() && graph.epochSecond(suspects.get(end)) - from <= window) {
        ratersInWindow.merge(graph.rater(suspects.get(end)), 1, Integer::sum);
        end++;
      }
      int distinct = ratersInWindow.size();
      if (distinct >= minRaters) {
        for (int i = start; i < end; i++) {
          burstRaters[suspects.get(i)] = Math.max(burstRaters[suspects.get(i)], distinct);
        }
      }
      ratersInWindow.computeIfPresent(graph.rater(suspects.get(start)), (k, c) -> c == 1 ? null : c - 1);
    }
  }

  /** Per rating, how many ratings its rater gave strictly earlier. */
  static int[] ratingsGivenBefore(RatingGraph graph) {
    int[] before = new int[graph.ratingCount()];
    for (int[] given : graph.ratingsGivenByTime()) {
      int earlier = 0;
      for (int i = 0; i < given.length; i++) {
        if (i > 0 && graph.epochSecond(given[i]) > graph.epochSecond(given[i - 1])) {
          earlier = i;
        }
        before[given[i]] = earlier;
      }
    }
    return before;
  }
}
