package org.chengxin.graph.rings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chengxin.graph.rings.Lockstep.Action;
import org.junit.jupiter.api.Test;

/** Lockstep without Spark: a one-hour window, two shared sellers, at most four accounts a window. */
class LockstepTest {

  private static final long HOUR = 3600;
  private final Lockstep lockstep = new Lockstep(RingOptions.builder(Instant.parse("2026-11-05T00:00:00Z"))
      .lockstepWindow(Duration.ofHours(1)).lockstepMinSellers(2).lockstepMaxWindowBuyers(4).build());

  @Test
  void twoAccountsHittingTwoSellersInTheSameWindowsAreInLockstep() {
    Map<String, List<Action>> actions = Map.of(
        "a", List.of(new Action("s1", 10 * HOUR + 60), new Action("s2", 20 * HOUR + 60)),
        "b", List.of(new Action("s1", 10 * HOUR + 120), new Action("s2", 20 * HOUR + 900)),
        // same sellers, but days later: not in step
        "c", List.of(new Action("s1", 50 * HOUR), new Action("s2", 70 * HOUR)));
    assertEquals(Set.of("a", "b"), lockstep.accountsInLockstep(actions));
  }

  @Test
  void oneSharedSellerIsNotEnough() {
    Map<String, List<Action>> actions = Map.of(
        "a", List.of(new Action("s1", 10 * HOUR), new Action("s1", 20 * HOUR)),
        "b", List.of(new Action("s1", 10 * HOUR + 5), new Action("s1", 20 * HOUR + 5)));
    assertEquals(Set.of(), lockstep.accountsInLockstep(actions));
  }

  @Test
  void aBurstAcrossAWindowBoundaryMeetsInTheOffsetGrid() {
    // 10:59 and 11:01 fall in different hours of the first grid, in one window of the second.
    Map<String, List<Action>> actions = Map.of(
        "a", List.of(new Action("s1", 11 * HOUR - 60), new Action("s2", 30 * HOUR - 60)),
        "b", List.of(new Action("s1", 11 * HOUR + 60), new Action("s2", 30 * HOUR + 60)));
    assertEquals(Set.of("a", "b"), lockstep.accountsInLockstep(actions));
  }

  @Test
  void aCrowdedWindowIsOrdinaryTrafficNotLockstep() {
    // Six accounts buy from both sellers in the same hours: over the four a window allows.
    Map<String, List<Action>> actions = new HashMap<>();
    for (int i = 0; i < 6; i++) {
      actions.put("a" + i, new ArrayList<>(List.of(new Action("s1", 10 * HOUR + i), new Action("s2", 20 * HOUR + i))));
    }
    assertEquals(Set.of(), lockstep.accountsInLockstep(actions));
  }
}
