package org.chengxin.review;

import static org.chengxin.review.Flags.DAY1;
import static org.chengxin.review.Flags.evidence;
import static org.chengxin.review.Flags.flag;
import static org.chengxin.review.Flags.rings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chengxin.review.SyncRules.Action;
import org.chengxin.review.SyncRules.DecidedEvidence;
import org.junit.jupiter.api.Test;

class SyncRulesTest {

  private static final DecidedEvidence CLEARED_ON_R1 = new DecidedEvidence(rings("R1"), Set.of(rings("R1").fingerprint()));

  @Test
  void newSellerOpensACase() {
    assertEquals(Action.OPEN_CASE, SyncRules.decide(flag("s1", 1, rings("R1"), DAY1), Optional.empty(), DecidedEvidence.NONE));
  }

  @Test
  void openCaseIsRefreshedAndCaseInReviewLeftAlone() {
    FlaggedSeller flagged = flag("s1", 1, rings("R1"), DAY1);
    assertEquals(Action.REFRESH, SyncRules.decide(flagged, Optional.of(CaseStatus.OPEN), DecidedEvidence.NONE));
    assertEquals(Action.LEAVE_IN_REVIEW, SyncRules.decide(flagged, Optional.of(CaseStatus.IN_REVIEW), CLEARED_ON_R1));
  }

  @Test
  void decidedStatusIsNeverAnActiveCase() {
    assertThrows(IllegalArgumentException.class,
        () -> SyncRules.decide(flag("s1", 1, rings("R1"), DAY1), Optional.of(CaseStatus.CLEARED), DecidedEvidence.NONE));
  }

  @Test
  void sameEvidenceAsDecidedIsSuppressed() {
    assertEquals(Action.SUPPRESS, SyncRules.decide(flag("s1", 9, rings("R1"), DAY1), Optional.empty(), CLEARED_ON_R1));
  }

  @Test
  void anyNewPointerIsNewEvidence() {
    assertTrue(SyncRules.isNewEvidence(flag("s1", 1, rings("R1", "R2"), DAY1), CLEARED_ON_R1));
    FlaggedSeller newComplaint = flag("s1", 1, evidence(List.of("R1"), List.of(), List.of("C9"), List.of()), DAY1);
    assertEquals(Action.OPEN_CASE, SyncRules.decide(newComplaint, Optional.empty(), CLEARED_ON_R1));
  }

  @Test
  void idsOfDifferentKindsDoNotMatch() {
    // Complaint "R1" is not ring "R1".
    FlaggedSeller complaintR1 = flag("s1", 1, evidence(List.of(), List.of(), List.of("R1"), List.of()), DAY1);
    assertTrue(SyncRules.isNewEvidence(complaintR1, CLEARED_ON_R1));
  }

  @Test
  void fewerPointersThanDecidedAreNotNewWhateverTheFingerprint() {
    DecidedEvidence decided = new DecidedEvidence(rings("R1", "R2"), Set.of("fp-old"));
    assertFalse(SyncRules.isNewEvidence(flag("s1", 1, rings("R1"), DAY1), decided));
  }

  @Test
  void unseenFingerprintOnTheSamePointersIsNewEvidence() {
    FlaggedSeller samePointersNewFingerprint = new FlaggedSeller("s1", 1, List.of("luxury sales far below the brand's price"),
        rings("R1"), RecommendedAction.DEMAND_CERTIFICATES, DAY1, DAY1, "price-signal-v2");
    assertTrue(SyncRules.isNewEvidence(samePointersNewFingerprint, CLEARED_ON_R1));
  }

  @Test
  void evidenceOfAllDecidedCasesCounts() {
    // Cleared once on R1, later on R2: R1 again is old evidence even though the latest case was R2.
    DecidedEvidence twice = new DecidedEvidence(rings("R1").plus(rings("R2")),
        Set.of(rings("R1").fingerprint(), rings("R2").fingerprint()));
    assertFalse(SyncRules.isNewEvidence(flag("s1", 1, rings("R1"), DAY1), twice));
    assertFalse(SyncRules.isNewEvidence(flag("s1", 1, rings("R2", "R1"), DAY1), twice));
  }

  @Test
  void fingerprintIgnoresOrderAndDuplicatesButNotKinds() {
    assertEquals(rings("R1", "R2").fingerprint(), rings("R2", "R1", "R2").fingerprint());
    assertNotEquals(rings("X").fingerprint(), evidence(List.of(), List.of("X"), List.of(), List.of()).fingerprint());
    assertEquals(32, rings("R1").fingerprint().length());
  }

  @Test
  void flaggedSellerChecksItsFields() {
    assertThrows(IllegalArgumentException.class, () -> new FlaggedSeller("s1", -1, List.of("x"), Evidence.NONE,
        RecommendedAction.WARN, DAY1, DAY1, "fp"));
    assertThrows(IllegalArgumentException.class, () -> new FlaggedSeller("s1", 1, List.of(), Evidence.NONE,
        RecommendedAction.WARN, DAY1, DAY1, "fp"));
    assertThrows(IllegalArgumentException.class, () -> new FlaggedSeller("s1", 1, List.of("x"), Evidence.NONE,
        RecommendedAction.WARN, DAY1, DAY1.minusDays(1), "fp"));
    assertThrows(IllegalArgumentException.class, () -> new FlaggedSeller("s1", 1, List.of("x"), Evidence.NONE,
        RecommendedAction.WARN, DAY1, DAY1, " "));
  }

  @Test
  void penaltiesLastAsTheActionSays() {
    assertEquals(Optional.of(DAY1.plusDays(7)), RecommendedAction.SEVEN_DAY_CLOSURE.penaltyEnd(DAY1));
    assertEquals(Optional.of(DAY1), RecommendedAction.WARN.penaltyEnd(DAY1));
    assertEquals(Optional.empty(), RecommendedAction.DEMAND_CERTIFICATES.penaltyEnd(DAY1));
  }
}
