package org.chengxin.review;

import java.util.Optional;

/**
 * Who may see and do what with one case, by role (see {@link Role}). A reviewer sees open cases,
 * the cases they hold or decided, and a closure another reviewer proposed (to confirm it); a
 * reviewer who guesses another's case id sees only that it is not theirs. Analysts, admins and
 * leads see every case; only reviewers and leads act, and only on what the queue's rules allow.
 */
public final class CaseAccess {
  private final Account account;

  public CaseAccess(Account account) {
    this.account = account;
  }

  public boolean maySee(ReviewCase reviewCase, Optional<ClosureProposal> pending) {
    return account.role().seesAllCases() || reviewCase.status() == CaseStatus.OPEN || holds(reviewCase)
        || pending.filter(proposal -> !proposal.proposedBy().equals(account.name())).isPresent();
  }

  public boolean mayTake(ReviewCase reviewCase) {
    return account.role().works() && reviewCase.status() == CaseStatus.OPEN;
  }

  /** Decide, or propose a closure: the reviewer holding the case, while no closure is proposed. */
  public boolean mayDecide(ReviewCase reviewCase, Optional<ClosureProposal> pending) {
    return account.role().works() && reviewCase.status() == CaseStatus.IN_REVIEW && holds(reviewCase) && pending.isEmpty();
  }

  public boolean mayRelease(ReviewCase reviewCase, Optional<ClosureProposal> pending) {
    return reviewCase.status() == CaseStatus.IN_REVIEW && pending.isEmpty()
        && (account.role() == Role.LEAD || (account.role().works() && holds(reviewCase)));
  }

  public boolean mayReassign(ReviewCase reviewCase, Optional<ClosureProposal> pending) {
    return account.role() == Role.LEAD && reviewCase.status().isActive() && pending.isEmpty();
  }

  public boolean mayConfirmClosure(Optional<ClosureProposal> pending) {
    return account.role().works() && pending.filter(proposal -> !proposal.proposedBy().equals(account.name())).isPresent();
  }

  private boolean holds(ReviewCase reviewCase) {
    return account.name().equals(reviewCase.assignedReviewer());
  }
}
