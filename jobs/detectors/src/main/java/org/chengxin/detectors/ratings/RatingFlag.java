package org.chengxin.detectors.ratings;

import java.util.Map;

/**
 * One rating caught by a pattern: the rating's index in the graph, the pattern, a score in (0, 1]
 * (higher = more clearly the pattern) and the numbers that made it fire, named for analysts.
 */
public record RatingFlag(int rating, RatingPattern pattern, double score, Map<String, Double> evidence) {
  public RatingFlag {
    if (!(score > 0 && score <= 1)) {
      throw new IllegalArgumentException("flag score must lie in (0, 1], got " + score);
    }
    evidence = Map.copyOf(evidence);
  }

  /** The same flag on rating {@code index} (a position in one ratee's run mapped to the graph's index). */
  public RatingFlag atRating(int index) {
    return new RatingFlag(index, pattern, score, evidence);
  }
}
