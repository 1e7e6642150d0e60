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
    rows.add(HEADER);
    for (ReviewCase c : cases) {
      String reasons = String.join("; ", c.reasons());
      if (reasons.length() > MAX_REASONS_WIDTH) {
        reasons = reasons.substring(0, MAX_REASONS_WIDTH - 3) + "...";
      }
      rows.add(List.of(Long.toString(c.caseId()), c.sellerId(), c.status().wire(), String.format(Locale.ROOT, "%.2f", c.priority()),
          c.recommendedAction().wire(), c.firstFlagged().toString(), c.lastFlagged().toString(),
          c.assignedReviewer() == null ? "-" : c.assignedReviewer(), reasons));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(String.format("%-" + widths[i] + "s", row.get(i)));
        if (i < row.size() - 1) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
