package org.chengxin.review.cli;

import java.util.ArrayList;
import java.util.List;

/** Rows of words as an aligned text table for a reviewer's terminal: the first row is the header. */
final class TextTable {
  private TextTable() {}

  static String render(List<String> header, List<List<String>> body) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    rows.addAll(body);
    int[] widths = new int[header.size()];
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
