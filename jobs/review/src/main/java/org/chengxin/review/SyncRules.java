package org.chengxin.review;

import java.util.Optional;
import java.util.Set;

/**
 * What the nightly sync does with one flagged seller, given the seller's active case (if any) and
 * what reviewers already decided about it. Plain logic, so the rules are tested without a database.
 */
public final class SyncRules {

  /** The sync's action for one flagged seller. */
  public enum Action {
    /** No active case and nothing decided on this evidence: a new open case. */
    OPEN_CASE,
    /** The open case takes the new priority, reasons, evidence and action. */
    REFRESH,
    /** A reviewer holds the case: the sync does not touch it. */
    LEAVE_IN_REVIEW,
    /** Reviewers already decided on this evidence: the seller is not flagged again. */
    SUPPRESS
  }

  /**
   * Everything reviewers have decided about a seller so far: the union of its decided cases'
   * evidence and the set of their fingerprints. Empty for a seller never decided.
   */
  public record DecidedEvidence(Evidence evidence, Set<String> fingerprints) {
    public static final DecidedEvidence NONE = new DecidedEvidence(Evidence.NONE, Set.of());

    public DecidedEvidence {
      fingerprints = Set.copyOf(fingerprints);
    }

    public boolean isEmpty() {
      return fingerprints.isEmpty();
    }
  }

  private SyncRules() {}

  public static Action decide(FlaggedSeller flagged, Optional<CaseStatus> activeCase, DecidedEvidence decided) {
    if (activeCase.isPresent()) {
      CaseStatus status = activeCase.get();
      if (!status.isActive()) {
        throw new IllegalArgumentException("an active case is open or in review, not " + status.wire());
      }
      return status == CaseStatus.OPEN ? Action.REFRESH : Action.LEAVE_IN_REVIEW;
    }
    return isNewEvidence(flagged, decided) ? Action.OPEN_CASE : Action.SUPPRESS;
  }

  /**
   * Whether a flag brings evidence reviewers have not decided on. It does when it points at
   * anything no decided case pointed at. It also does when its pointers are exactly the decided
   * ones but its fingerprint says more than they do (it is not {@link Evidence#fingerprint()}: the
   * producer fingerprints evidence that has no ids, such as a price signal) and was never seen.
   * Fewer pointers than were decided on (old evidence ageing out) is not new, whatever the
   * fingerprint.
   */
  public static boolean isNewEvidence(FlaggedSeller flagged, DecidedEvidence decided) {
    if (decided.isEmpty()) {
      return true;
    }
    Set<String> known = decided.evidence().pointers();
    Set<String> now = flagged.evidence().pointers();
    if (!known.containsAll(now)) {
      return true;
    }
    String fingerprint = flagged.evidenceFingerprint();
    boolean saysMoreThanIds = !fingerprint.equals(flagged.evidence().fingerprint());
    return now.equals(known) && saysMoreThanIds && !decided.fingerprints().contains(fingerprint);
  }
}
