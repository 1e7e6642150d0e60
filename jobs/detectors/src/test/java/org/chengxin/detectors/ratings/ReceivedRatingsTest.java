package org.chengxin.detectors.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The per-ratee patterns on one ratee's run: key-linked bursts and shared-key boosts. */
class ReceivedRatingsTest {
  private static final long HOUR = 3_600;
  private static final long T0 = 1_790_000_000L;
  private static final CompetitorAttackPattern ATTACK = CompetitorAttackPattern.defaults();
  private static final SharedKeyBoostPattern BOOST = SharedKeyBoostPattern.defaults();

  /** Position -> rater of every flag. */
  private static Map<Integer, String> flagged(List<RatingFlag> flags, List<String> raters) {
    Map<Integer, String> byPosition = new TreeMap<>();
    flags.forEach(f -> byPosition.put(f.rating(), raters.get(f.rating())));
    return byPosition;
  }

  @Test
  void linkedRatersCountOtherRatersOnceHoweverManyKeysTheyShare() {
    ReceivedRatings r = new ReceivedRatings();
    r.add("a", T0, 1, 0, List.of("d:1", "i:1"));
    r.add("b", T0, 1, 0, List.of("d:1", "i:1"));
    r.add("c", T0, 1, 0, List.of("i:1"));
    r.add("d", T0, 1, 0, List.of("d:9"));
    r.add("a", T0 + 1, 1, 1, List.of("d:1", "i:1"));
    assertEquals(4, r.raterCount());
    int[] linked = r.linkedRaters(new boolean[] {true, true, true, true});
    assertEquals(List.of(2, 2, 2, 0), java.util.Arrays.stream(linked).boxed().toList());
    int[] withoutC = r.linkedRaters(new boolean[] {true, true, false, true});
    assertEquals(List.of(1, 1, 0, 0), java.util.Arrays.stream(withoutC).boxed().toList());
  }

  @Test
  void anUnsurprisingBurstFlagsOnlyItsKeyLinkedRaters() {
    // A popular seller: 400 ratings a day, a quarter negative; five new buyers' negatives in an hour
    // are ordinary, but two of them share an address.
    ReceivedRatings r = new ReceivedRatings();
    List<String> raters = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String rater = "old" + i;
      r.add(rater, T0 + i * 200, i % 4 == 0 ? -1 : 1, 5, List.of());
      raters.add(rater);
    }
    String[] burst = {"new0", "new1", "new2", "new3", "new4"};
    for (int i = 0; i < burst.length; i++) {
      r.add(burst[i], T0 + 80_000 + i * 60, -1, 0, i < 2 ? List.of("a:household") : List.of());
      raters.add(burst[i]);
    }
    Map<Integer, String> flags = flagged(ATTACK.flags(r, 0.05, 10), raters);
    assertEquals(List.of("new0", "new1"), List.copyOf(flags.values()));
    RatingFlag first = ATTACK.flags(r, 0.05, 10).get(0);
    assertEquals(5.0, first.evidence().get("burst_raters"));
    assertEquals(1.0, first.evidence().get("linked_raters"));
    assertTrue(first.evidence().get("window_ratings") > 5, "the window counts every rating of its hours");
  }

  @Test
  void tiesWithTheAnchorBelongToItsWindow() {
    ReceivedRatings r = new ReceivedRatings();
    for (int i = 0; i < 3; i++) {
      r.add("sock" + i, T0, -1, 0, List.of());
    }
    List<RatingFlag> flags = ATTACK.flags(r, 0.01, 10);
    assertEquals(3, flags.size());
    flags.forEach(f -> assertEquals(3.0, f.evidence().get("burst_raters")));
  }

  @Test
  void keyLinkedPraiseFromMostRatersIsABoost() {
    ReceivedRatings r = new ReceivedRatings();
    List<String> raters = List.of("s1", "s2", "s3", "honest", "s1", "critic");
    for (int i = 0; i < raters.size(); i++) {
      String rater = raters.get(i);
      List<String> keys = rater.startsWith("s") ? List.of("d:farm") : List.of("d:" + rater);
      r.add(rater, T0 + i * HOUR, rater.equals("critic") ? -1 : 1, i, keys);
    }
    List<RatingFlag> flags = BOOST.flags(r);
    assertEquals(Map.of(0, "s1", 1, "s2", 2, "s3", 4, "s1"), flagged(flags, raters));
    flags.forEach(f -> {
      assertEquals(0.75, f.score(), 1e-12, "three of four positive raters are linked");
      assertEquals(2.0, f.evidence().get("linked_raters"));
    });
  }

  @Test
  void aFewLinkedRatersAmongManyAreNoBoost() {
    ReceivedRatings r = new ReceivedRatings();
    for (int i = 0; i < 10; i++) {
      r.add("buyer" + i, T0 + i, 1, 0, i < 3 ? List.of("a:home") : List.of());
    }
    assertTrue(BOOST.flags(r).isEmpty(), "3 of 10 linked is below half");
  }

  @Test
  void ratingsMustComeInTimeOrder() {
    ReceivedRatings r = new ReceivedRatings();
    r.add("a", T0, 1, 0, List.of());
    assertThrows(IllegalArgumentException.class, () -> r.add("b", T0 - 1, 1, 0, List.of()));
    r.clear();
    r.add("b", T0 - 1, 1, 0, List.of());
    assertEquals(1, r.size());
  }
}
