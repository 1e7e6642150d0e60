package org.chengxin.console;

import java.util.List;
import java.util.Optional;
import org.chengxin.review.Account;
import org.chengxin.review.AuditEntry;
import org.chengxin.review.ClosureProposal;
import org.chengxin.review.Decision;
import org.chengxin.review.Penalty;
import org.chengxin.review.ReviewCase;

/** Everything the case page shows of one case, read before it is drawn. */
record CaseView(
    ReviewCase reviewCase,
    Optional<ClosureProposal> pendingClosure,
    List<ReviewCase> sellerCases,
    List<Decision> sellerDecisions,
    List<Penalty> sellerPenalties,
    List<AuditEntry> trail,
    List<Account> workers,
    CaseEvidence warehouse) {}
