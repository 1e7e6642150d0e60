package org.chengxin.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseAccessTest {
  private static final Account ALICE = new Account("alice", Role.REVIEWER, 0, false);
  private static final Account BOB = new Account("bob", Role.REVIEWER, 0, false);
  private static final Account LEAD = new Account("lee", Role.LEAD, 0, false);
  private static final Account ANALYST = new Account("ana", Role.ANALYST, 0, false);
  private static final Optional<ClosureProposal> NONE = Optional.empty();

  private static ReviewCase reviewCase(CaseStatus status, String holder) {
    return new ReviewCase(7, "s1", status, 1, List.of("in ring R1"), Evidence.NONE, "fp", RecommendedAction.SEVEN_DAY_CLOSURE,
        LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), holder, holder == null ? null : Instant.EPOCH, null);
  }

  private static Optional<ClosureProposal> proposedBy(String reviewer) {
    return Optional.of(new ClosureProposal(7, reviewer, "ring", Instant.EPOCH));
  }

  @Test
  void aReviewerSeesOpenCasesAndTheirOwnButNotAnothersByGuessingItsId() {
    CaseAccess alice = new CaseAccess(ALICE);

    assertTrue(alice.maySee(reviewCase(CaseStatus.OPEN, null), NONE));
    assertTrue(alice.maySee(reviewCase(CaseStatus.IN_REVIEW, "alice"), NONE));
    assertTrue(alice.maySee(reviewCase(CaseStatus.CONFIRMED, "alice"), NONE), "a case they decided");
    assertFalse(alice.maySee(reviewCase(CaseStatus.IN_REVIEW, "bob"), NONE));
    assertFalse(alice.maySee(reviewCase(CaseStatus.CLEARED, "bob"), NONE));
  }

  @Test
  void aClosureProposedByAnotherIsShownToAReviewerToConfirm() {
    ReviewCase bobs = reviewCase(CaseStatus.IN_REVIEW, "bob");

    assertTrue(new CaseAccess(ALICE).maySee(bobs, proposedBy("bob")));
    assertTrue(new CaseAccess(ALICE).mayConfirmClosure(proposedBy("bob")));
    assertFalse(new CaseAccess(BOB).mayConfirmClosure(proposedBy("bob")), "not the proposer");
    assertFalse(new CaseAccess(BOB).mayDecide(bobs, proposedBy("bob")), "the proposal waits for the second reviewer");
    assertFalse(new CaseAccess(ANALYST).mayConfirmClosure(proposedBy("bob")));
  }

  @Test
  void onlyTheHolderDecidesAndTheHolderOrALeadReleases() {
    ReviewCase bobs = reviewCase(CaseStatus.IN_REVIEW, "bob");

    assertTrue(new CaseAccess(BOB).mayDecide(bobs, NONE));
    assertFalse(new CaseAccess(ALICE).mayDecide(bobs, NONE));
    assertFalse(new CaseAccess(LEAD).mayDecide(bobs, NONE), "a lead reassigns it to themself first");
    assertTrue(new CaseAccess(BOB).mayRelease(bobs, NONE));
    assertTrue(new CaseAccess(LEAD).mayRelease(bobs, NONE));
    assertFalse(new CaseAccess(ALICE).mayRelease(bobs, NONE));
    assertTrue(new CaseAccess(LEAD).mayReassign(bobs, NONE));
    assertFalse(new CaseAccess(BOB).mayReassign(bobs, NONE));
  }

  @Test
  void analystsSeeEverythingAndChangeNothing() {
    CaseAccess analyst = new CaseAccess(ANALYST);
    ReviewCase open = reviewCase(CaseStatus.OPEN, null);
    ReviewCase bobs = reviewCase(CaseStatus.IN_REVIEW, "bob");

    assertTrue(analyst.maySee(bobs, NONE));
    assertFalse(analyst.mayTake(open));
    assertFalse(analyst.mayDecide(bobs, NONE));
    assertFalse(analyst.mayRelease(bobs, NONE));
    assertFalse(analyst.mayReassign(bobs, NONE));
  }
}
