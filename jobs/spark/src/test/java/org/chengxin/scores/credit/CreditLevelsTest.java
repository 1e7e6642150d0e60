package org.chengxin.scores.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CreditLevelsTest {

  /** The table: lowest points of each level, hearts to gold crowns. */
  private static final List<Long> PUBLISHED_MINIMUMS =
      List.of(4L, 11L, 41L, 91L, 151L, 251L, 501L, 1_001L, 2_001L, 5_001L, 10_001L, 20_001L, 50_001L, 100_001L,
          200_001L, 500_001L, 1_000_001L, 2_000_001L, 5_000_001L, 10_000_001L);

  @Test
  void everyBoundarySeparatesTwoLevels() {
    for (int level = 1; level <= 20; level++) {
      long minimum = PUBLISHED_MINIMUMS.get(level - 1);
      assertEquals(level, CreditLevels.levelOf(minimum), "at " + minimum);
      assertEquals(level - 1, CreditLevels.levelOf(minimum - 1), "at " + (minimum - 1));
      assertEquals(minimum, CreditLevels.minimumPoints(level));
    }
  }

  @Test
  void belowFourPointsThereIsNoLevel() {
    assertEquals(0, CreditLevels.levelOf(3));
    assertEquals(0, CreditLevels.levelOf(0));
    assertEquals(0, CreditLevels.levelOf(-25));
    assertEquals(CreditBadge.NONE, CreditLevels.badgeOf(0));
    assertEquals(0, CreditLevels.badgeCountOf(0));
  }

  @Test
  void badgesAndCounts() {
    assertBadge(4, CreditBadge.HEART, 1);
    assertBadge(250, CreditBadge.HEART, 5);
    assertBadge(251, CreditBadge.DIAMOND, 1);
    assertBadge(10_000, CreditBadge.DIAMOND, 5);
    assertBadge(10_001, CreditBadge.CROWN, 1);
    assertBadge(500_000, CreditBadge.CROWN, 5);
    assertBadge(1_000_000, CreditBadge.GOLD_CROWN, 1);
    assertBadge(1_000_001, CreditBadge.GOLD_CROWN, 2);
    assertBadge(Long.MAX_VALUE, CreditBadge.GOLD_CROWN, 5);
  }

  @Test
  void levelsOutsideTheTableAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> CreditLevels.minimumPoints(0));
    assertThrows(IllegalArgumentException.class, () -> CreditLevels.minimumPoints(21));
  }

  private static void assertBadge(long points, CreditBadge badge, int count) {
    int level = CreditLevels.levelOf(points);
    assertEquals(badge, CreditLevels.badgeOf(level), "badge at " + points);
    assertEquals(count, CreditLevels.badgeCountOf(level), "badge count at " + points);
  }
}
