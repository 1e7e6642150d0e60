package org.chengxin.console;

import java.util.List;

/**
 * One section of a case's warehouse evidence as the page shows it: a title, column names and rows of
 * values, or why there is nothing ({@code absent}: the table is not in the warehouse, or has no row
 * for the seller).
 */
record EvidenceTable(String title, List<String> columns, List<List<String>> rows, String absent) {

  /** The table under its title, or why there is none. */
  String section() {
    return "<h3>" + Html.text(title) + "</h3>" + (rows.isEmpty() ? "<p>" + Html.text(absent) + ".</p>" : html());
  }

  /** The rows under the column names, every value escaped. */
  String html() {
    StringBuilder out = new StringBuilder("<table><tr>");
    columns.forEach(column -> out.append("<th>").append(Html.text(column)).append("</th>"));
    out.append("</tr>");
    for (List<String> row : rows) {
      out.append("<tr>");
      row.forEach(value -> out.append("<td>").append(Html.text(value)).append("</td>"));
      out.append("</tr>");
    }
    return out.append("</table>").toString();
  }
}
