package org.chengxin.detectors.ratings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Competitor attack: a burst of negative ratings on one account from accounts with little history
 * ("little" = at most {@code maxPriorRatings} ratings given before). Every window of
 * {@code windowHours} starting at such a negative that holds at least {@code minRaters} distinct such
 * raters, and that is either surprising for the ratee (Poisson tail at most {@code surprise},
 * expecting the window's ratings times the ratee's negative share before the window, shrunk toward
 * the market's and never below it) or holds at least two key-linked raters, is an attack. A
 * surprising window flags all its negatives; one that is an attack only through its key-linked
 * raters flags only theirs: on the most popular seller a day's window holds a hundred new buyers'
 * ordinary negatives, and two of them sharing a household's address must not flag the other
 * hundred. Score {@code 1 - 1 / burstRaters}; evidence the largest burst, window ratings and
 * expectation the rating belongs to, and its rater's linked raters. One new buyer's single negative
 * never fires: it takes a burst.
 *
 * @param windowHours width of the burst window, > 0
 * @param minRaters distinct low-history raters needed, >= 2
 * @param maxPriorRatings most ratings given before that still count as little history, >= 0
 * @param surprise Poisson tail probability a burst without key-linked raters must reach, in (0, 1)
 */
public record CompetitorAttackPattern(double windowHours, int minRaters, int maxPriorRatings, double surprise)
    implements Serializable {
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
    if (!(surprise > 0 && surprise < 1)) {
      throw new IllegalArgumentException("attack surprise must lie in (0, 1), got " + surprise);
    }
  }

  /** 24 hours, 3 raters, at most 2 earlier ratings, a one-in-a-thousand burst. */
  public static CompetitorAttackPattern defaults() {
    return new CompetitorAttackPattern(24, 3, 2, 1e-3);
  }

  /**
   * The attack flags among one ratee's received ratings; {@link RatingFlag#rating} is the rating's
   * position in {@code received}.
   *
   * @param marketShare the market's negative share, the floor of every ratee's usual share
   * @param negativeSharePriorRatings market pseudo-ratings the ratee's share is shrunk with
   */
  public List<RatingFlag> flags(ReceivedRatings received, double marketShare, double negativeSharePriorRatings) {
    int[] suspects = suspects(received);
    if (suspects.length < minRaters) {
      return List.of();
    }
    boolean[] suspectRater = new boolean[received.raterCount()];
    for (int s : suspects) {
      suspectRater[received.rater(s)] = true;
    }
    int[] linked = received.linkedRaters(suspectRater);
    int[] negativesBefore = negativesBefore(received);
    long window = (long) Math.floor(windowHours * SECONDS_PER_HOUR);

    int n = received.size();
    int[] burst = new int[n];
    long[] windowRatings = new long[n];
    double[] expected = new double[n];
    int[] inWindow = new int[received.raterCount()];
    int distinct = 0;
    int linkedDistinct = 0;
    int begin = 0;
    int end = 0;
    for (int a : suspects) {
      long from = received.epochSecond(a);
      // The window is every suspect at or after the anchor's second (ties with the anchor included).
      while (received.epochSecond(suspects[begin]) < from) {
        int r = received.rater(suspects[begin++]);
        if (--inWindow[r] == 0) {
          distinct--;
          linkedDistinct -= linked[r] > 0 ? 1 : 0;
        }
      }
      while (end < suspects.length && received.epochSecond(suspects[end]) - from <= window) {
        int r = received.rater(suspects[end++]);
        if (inWindow[r]++ == 0) {
          distinct++;
          linkedDistinct += linked[r] > 0 ? 1 : 0;
        }
      }
      if (distinct < minRaters) {
        continue;
      }
      long ratings = ratingsInHours(received, ReceivedRatings.hourOf(from), ReceivedRatings.hourOf(from + window));
      double share = usualShare(a, negativesBefore[a], marketShare, negativeSharePriorRatings);
      double expect = Math.max(ratings, distinct) * share;
      boolean surprising = PoissonTail.atLeast(expect, distinct) <= surprise;
      if (!surprising && linkedDistinct < 2) {
        continue;
      }
      for (int i = begin; i < end; i++) {
        int m = suspects[i];
        if (surprising || linked[received.rater(m)] > 0) {
          burst[m] = Math.max(burst[m], distinct);
          windowRatings[m] = Math.max(windowRatings[m], ratings);
          expected[m] = Math.max(expected[m], expect);
        }
      }
    }
    List<RatingFlag> flags = new ArrayList<>();
    for (int m : suspects) {
      if (burst[m] > 0) {
        flags.add(new RatingFlag(m, RatingPattern.COMPETITOR_ATTACK, 1 - 1.0 / burst[m],
            Map.of("burst_raters", (double) burst[m], "window_ratings", (double) windowRatings[m],
                "expected_negatives", expected[m], "linked_raters", (double) linked[received.rater(m)])));
      }
    }
    return flags;
  }

  /** The attack flags of a whole graph in memory ({@link RatingFlag#rating}: the graph's rating index). */
  public List<RatingFlag> flags(RatingGraph graph, double negativeSharePriorRatings) {
    double marketShare = NegativeShare.marketShare(graph);
    List<RatingFlag> flags = new ArrayList<>();
    ReceivedRatings.forEachRatee(graph, ratingsGivenBefore(graph), (ratings, received) -> {
      for (RatingFlag f : flags(received, marketShare, negativeSharePriorRatings)) {
        flags.add(f.atRating(ratings[f.rating()]));
      }
    });
    return flags;
  }

  /** Positions of the negatives from raters with little history, in time order. */
  private int[] suspects(ReceivedRatings received) {
    int[] suspects = new int[received.size()];
    int count = 0;
    for (int i = 0; i < received.size(); i++) {
      if (received.isNegative(i) && received.priorRatings(i) <= maxPriorRatings) {
        suspects[count++] = i;
      }
    }
    return Arrays.copyOf(suspects, count);
  }

  /** Per position, the negatives among the ratings received before it. */
  private static int[] negativesBefore(ReceivedRatings received) {
    int[] before = new int[received.size()];
    int negatives = 0;
    for (int i = 0; i < before.length; i++) {
      before[i] = negatives;
      negatives += received.isNegative(i) ? 1 : 0;
    }
    return before;
  }

  /**
   * The ratee's negative share over the {@code ratingsBefore} ratings it received before, shrunk
   * toward the market's, and never below the market's: the usual share a burst is compared with,
   * untouched by the burst. The floor is there because a short clean history (a popular seller's
   * first days) would otherwise make the market's ordinary rate of unlucky buyers look like an
   * attack.
   */
  private static double usualShare(int ratingsBefore, int negativesBefore, double marketShare, double priorRatings) {
    double pseudo = ratingsBefore + priorRatings;
    double shrunk = pseudo == 0 ? marketShare : (negativesBefore + priorRatings * marketShare) / pseudo;
    return Math.max(marketShare, shrunk);
  }

  /** Ratings received in the UTC hours {@code firstHour..lastHour}, both included. */
  private static long ratingsInHours(ReceivedRatings received, long firstHour, long lastHour) {
    return firstWithHourAbove(received, lastHour) - firstWithHourAbove(received, firstHour - 1);
  }

  /** The first position whose hour is above {@code hour} (size when none). */
  private static int firstWithHourAbove(ReceivedRatings received, long hour) {
    int low = 0;
    int high = received.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (received.hour(mid) > hour) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** Per rating of the graph, how many ratings its rater gave strictly earlier ({@link GivenBefore}). */
  static int[] ratingsGivenBefore(RatingGraph graph) {
    int[] before = new int[graph.ratingCount()];
    GivenBefore counter = new GivenBefore();
    for (int[] given : graph.ratingsGivenByTime()) {
      counter.reset();
      for (int e : given) {
        before[e] = counter.next(graph.epochSecond(e));
      }
    }
    return before;
  }
}
