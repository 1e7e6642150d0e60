package org.chengxin.scores.credit;

import java.util.List;

/**
 * The platform's credit levels: hearts, diamonds, crowns and gold crowns, five of each, by credit
 * points. Below 4 points a seller has no level. Where the published ranges meet ("1M–2M"), the
 * shared bound belongs to the lower level, as in every other range (501–1,000 then 1,001–2,000).
 */
public final class CreditLevels {

  /** Fewest points of levels 1 to 20, in order. */
  private static final List<Long> LEVEL_MINIMUMS =
      List.of(
          4L, 11L, 41L, 91L, 151L, // hearts
          251L, 501L, 1_001L, 2_001L, 5_001L, // diamonds
          10_001L, 20_001L, 50_001L, 100_001L, 200_001L, // crowns
          500_001L, 1_000_001L, 2_000_001L, 5_000_001L, 10_000_001L); // gold crowns

  public static final int TOP_LEVEL = LEVEL_MINIMUMS.size();
  public static final int BADGES_PER_TIER = 5;

  private CreditLevels() {}

  /** Level index 0 (none) to 20 for a credit total. */
  public static int levelOf(long points) {
    int level = 0;
    while (level < TOP_LEVEL && points >= LEVEL_MINIMUMS.get(level)) {
      level++;
    }
    return level;
  }

  /** Fewest points of a level, 1 to 20. */
  public static long minimumPoints(int level) {
    if (level < 1 || level > TOP_LEVEL) {
      throw new IllegalArgumentException("levels run from 1 to " + TOP_LEVEL + ": " + level);
    }
    return LEVEL_MINIMUMS.get(level - 1);
  }

  /** The badge shown for a level. */
  public static CreditBadge badgeOf(int level) {
    if (level == 0) {
      return CreditBadge.NONE;
    }
    return CreditBadge.values()[(level - 1) / BADGES_PER_TIER + 1];
  }

  /** How many badges are shown for a level: 1 to 5, or 0 with no level. */
  public static int badgeCountOf(int level) {
    return level == 0 ? 0 : (level - 1) % BADGES_PER_TIER + 1;
  }
}
