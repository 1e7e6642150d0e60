package org.chengxin.detectors.ratings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serial negative: every negative of a rater who rated at least {@code minRatees} accounts badly and
 * whose negatives are improbable at the market's share (Poisson tail at most {@code surprise},
 * expecting its ratings times that share). It names the habit where nothing else links it to a
 * motive: an extortioner whose complaints are still open, a rival's sock puppet working through a
 * category. Score: the rater's negative share above the market's, {@code (k / n - m) / (1 - m)}.
 *
 * @param minRatees distinct accounts a rater must have rated negative, >= 2
 * @param surprise Poisson tail probability of the rater's negatives at or below which they are flagged, in (0, 1)
 */
public record SerialNegativePattern(int minRatees, double surprise) implements Serializable {

  public SerialNegativePattern {
    if (minRatees < 2) {
      throw new IllegalArgumentException("serial minRatees must be >= 2, got " + minRatees);
    }
    if (!(surprise > 0 && surprise < 1)) {
      throw new IllegalArgumentException("serial surprise must lie in (0, 1), got " + surprise);
    }
  }

  /**
   * Three accounts rated badly against a one-in-a-million chance (so across a million honest raters
   * about one is flagged by bad luck).
   */
  public static SerialNegativePattern defaults() {
    return new SerialNegativePattern(3, 1e-6);
  }

  /** The serial flags of one rater's run ({@link RatingFlag#rating}: position in {@code given}). */
  public List<RatingFlag> flags(GivenRatings given, double marketShare) {
    if (given.negativeRatees() < minRatees) {
      return List.of();
    }
    double expected = given.size() * marketShare;
    if (PoissonTail.atLeast(expected, given.negatives()) > surprise) {
      return List.of();
    }
    double share = (double) given.negatives() / given.size();
    double score = Math.max(Double.MIN_NORMAL, (share - marketShare) / (1 - marketShare));
    Map<String, Double> evidence = Map.of("expected_negatives", expected, "rater_ratings", (double) given.size(),
        "rater_negatives", (double) given.negatives());
    List<RatingFlag> flags = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      if (given.isNegative(i)) {
        flags.add(new RatingFlag(i, RatingPattern.SERIAL_NEGATIVE, score, evidence));
      }
    }
    return flags;
  }
}
