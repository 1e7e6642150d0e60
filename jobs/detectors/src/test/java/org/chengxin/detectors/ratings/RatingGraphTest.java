package org.chengxin.detectors.ratings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RatingGraphTest {
  private static final long T0 = 1_790_000_000L;

  private static RatingGraph sample() {
    return RatingGraph.builder()
        .add("a", "b", 1, T0 + 50).add("c", "a", -1, T0).add("a", "c", 0.5, T0).add("b", "a", 1, T0 + 10)
        .build();
  }

  @Test
  void indicesFollowFirstAppearance() {
    RatingGraph g = sample();
    assertEquals(3, g.accountCount());
    assertEquals("c", g.account(2));
    assertArrayEquals(new int[] {2, 1, 1}, g.ratingsGiven());
  }

  @Test
  void groupsRatingsByTime() {
    RatingGraph g = sample();
    assertArrayEquals(new int[] {2, 0}, g.ratingsGivenByTime()[0]);
    assertArrayEquals(new int[] {1, 3}, g.ratingsReceivedByTime()[0]);
    assertArrayEquals(new double[] {0.5, 1, 0.5, 1}, RaterReliability.ratingDayEvidence(g));
  }

  @Test
  void droppingReceivedRatingsKeepsIndicesAndGivenRatings() {
    RatingGraph g = sample().withoutRatingsReceivedBy(0);
    assertEquals(2, g.ratingCount());
    assertEquals(3, g.accountCount());
    assertArrayEquals(new int[] {2, 0, 0}, g.ratingsGiven());
    assertEquals(0, g.ratingsReceivedByTime()[0].length);
  }

  @Test
  void rejectsBadRatings() {
    assertThrows(IllegalArgumentException.class, () -> RatingGraph.builder().add("a", "b", 1.5, T0));
    assertThrows(IllegalArgumentException.class, () -> RatingGraph.builder().add("a", "a", 1, T0));
    assertThrows(IllegalArgumentException.class, () -> RatingGraph.builder().add("", "b", 1, T0));
  }
}
