package org.chengxin.console;

import java.util.List;
import org.chengxin.review.QueueStats.Day;
import org.chengxin.review.QueueStats.StatusCount;

/** The queue's figures: cases by status with the age of the active ones, and intake and decisions per day. */
final class DashboardPage {
  private DashboardPage() {}

  static String render(Request request, Session session, List<StatusCount> statuses, List<Day> days) {
    StringBuilder body = new StringBuilder(Forms.nav(request, session)).append("<h1>The queue in figures</h1>")
        .append("<h2>Cases by status</h2><table><tr><th>Status</th><th>Cases</th><th>Median age (days)</th><th>Oldest (days)</th></tr>");
    for (StatusCount status : statuses) {
      body.append("<tr><td>").append(Html.text(status.status())).append("</td><td>").append(status.cases()).append("</td><td>")
          .append(status.medianAgeDays() == null ? "" : String.format("%.1f", status.medianAgeDays())).append("</td><td>")
          .append(status.oldestAgeDays() == null ? "" : status.oldestAgeDays()).append("</td></tr>");
    }
    body.append("</table><h2>Intake and decisions, last ").append(days.size()).append(" days (UTC)</h2>")
        .append("<table><tr><th>Day</th><th>Cases opened</th><th>Confirmed</th><th>Cleared</th></tr>");
    for (Day day : days) {
      body.append("<tr><td>").append(day.day()).append("</td><td>").append(day.opened()).append("</td><td>").append(day.confirmed())
          .append("</td><td>").append(day.cleared()).append("</td></tr>");
    }
    return Html.page("Dashboard", body.append("</table>").toString());
  }
}
