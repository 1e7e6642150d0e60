package org.chengxin.review.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chengxin.review.ReviewCase;

/** Cases as an aligned text table for a reviewer's terminal. */
final class CaseTable {
  private static final List<String> HEADER =
      List.of("case", "seller", "status", "priority", "action", "first", "last", "reviewer", "reasons");
  private static final int MAX_REASONS_WIDTH = 80;

  private CaseTable() {}

  static String render(List<ReviewCase> cases) {
    List<List<String>> rows = new ArrayList<>();
    for (ReviewCase c : cases) {
      String reasons = String.join("; ", c.reasons());
      if (reasons.length() > MAX_REASONS_WIDTH) {
        reasons = reasons.substring(0, MAX_REASONS_WIDTH - 3) + "...";
      }
      rows.add(List.of(Long.toString(c.caseId()), c.sellerId(), c.status().wire(), String.format(Locale.ROOT, "%.2f", c.priority()),
          c.recommendedAction().wire(), c.firstFlagged().toString(), c.lastFlagged().toString(),
          c.assignedReviewer() == null ? "-" : c.assignedReviewer(), reasons));
    }
    return TextTable.render(HEADER, rows);
  }
}
