package org.chengxin.detectors.ratings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shared-key boost: a positive rating from a rater that shares rare device, IP or address keys with
 * at least {@code minLinked} other positive raters of the same ratee, on a ratee whose positive
 * raters are at least {@code minShare} key-linked. Score: that linked share. A household of buyers
 * linking two of a thousand raters is ordinary; a seller whose praise comes from a handful of
 * devices is being boosted.
 *
 * @param minLinked other positive raters of the ratee a rater must share keys with, >= 1
 * @param minShare share of the ratee's positive raters that are key-linked, in [0, 1]
 */
public record SharedKeyBoostPattern(int minLinked, double minShare) implements Serializable {

  public SharedKeyBoostPattern {
    if (minLinked < 1) {
      throw new IllegalArgumentException("boost minLinked must be >= 1, got " + minLinked);
    }
    if (!(minShare >= 0 && minShare <= 1)) {
      throw new IllegalArgumentException("boost minShare must lie in [0, 1], got " + minShare);
    }
  }

  /** Two links, half the raters. */
  public static SharedKeyBoostPattern defaults() {
    return new SharedKeyBoostPattern(2, 0.5);
  }

  /** The boost flags among one ratee's received ratings ({@link RatingFlag#rating}: position in {@code received}). */
  public List<RatingFlag> flags(ReceivedRatings received) {
    if (!received.anyKeys()) {
      return List.of();
    }
    boolean[] positiveRater = new boolean[received.raterCount()];
    int positiveRaters = 0;
    for (int i = 0; i < received.size(); i++) {
      if (received.isPositive(i) && !positiveRater[received.rater(i)]) {
        positiveRater[received.rater(i)] = true;
        positiveRaters++;
      }
    }
    int[] linked = received.linkedRaters(positiveRater);
    int linkedRaters = 0;
    for (int l : linked) {
      linkedRaters += l > 0 ? 1 : 0;
    }
    double share = positiveRaters == 0 ? 0 : (double) linkedRaters / positiveRaters;
    if (linkedRaters == 0 || share < minShare) {
      return List.of();
    }
    List<RatingFlag> flags = new ArrayList<>();
    for (int i = 0; i < received.size(); i++) {
      if (received.isPositive(i) && linked[received.rater(i)] >= minLinked) {
        flags.add(new RatingFlag(i, RatingPattern.SHARED_KEY_BOOST, share,
            Map.of("linked_raters", (double) linked[received.rater(i)])));
      }
    }
    return flags;
  }
}
