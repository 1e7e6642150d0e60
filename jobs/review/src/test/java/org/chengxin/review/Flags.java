package org.chengxin.review;

import java.time.LocalDate;
import java.util.List;

/** Flagged sellers for tests, built in code with only what a test varies. */
final class Flags {
  static final LocalDate DAY1 = LocalDate.of(2026, 11, 1);
  static final LocalDate DAY2 = LocalDate.of(2026, 11, 2);
  static final LocalDate DAY3 = LocalDate.of(2026, 11, 3);

  private Flags() {}

  static Evidence rings(String... ringIds) {
    return new Evidence(List.of(ringIds), List.of(), List.of(), List.of());
  }

  static Evidence evidence(List<String> rings, List<String> ratings, List<String> complaints, List<String> gaps) {
    return new Evidence(rings, ratings, complaints, gaps);
  }

  /** A seller flagged on {@code day} only, with the evidence's own fingerprint. */
  static FlaggedSeller flag(String seller, double priority, Evidence evidence, LocalDate day) {
    return new FlaggedSeller(seller, priority, List.of("in a rating ring with " + evidence.ringIds().size() + " rings"), evidence,
        RecommendedAction.SEVEN_DAY_CLOSURE, day, day, evidence.fingerprint());
  }
}
