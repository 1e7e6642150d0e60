package org.chengxin.console;

import java.util.ArrayList;
import java.util.List;
import org.chengxin.review.QueueStats.Day;
import org.chengxin.review.QueueStats.StatusCount;

/**
 * The analysts' dashboard: the dissatisfaction rate of the platform and each category against the
 * 1/100,000 target, the detections per day, the queue's intake, throughput and age, and the risk
 * model's calibration. Each chart has a table of the same figures.
 */
final class DashboardPage {
  private DashboardPage() {}

  static String render(Request request, Session session, List<StatusCount> statuses, List<Day> days, DashboardFigures.Figures figures,
      int windowDays, String scripts) {
    StringBuilder body = new StringBuilder(Forms.nav(request, session)).append("<h1>Dashboard</h1>");
    figures.gaps().forEach(gap -> body.append("<p class=\"gap\">").append(Html.text(gap)).append(".</p>"));
    dissatisfaction(request, body, figures.dissatisfaction(), windowDays);

    body.append("<h2>Detections per day</h2>");
    daily(body, "detections", figures.detections(), 280);
    daily(body, "flagged-ratings", figures.flaggedRatings(), 280);

    body.append("<h2>The queue in figures</h2><h3>Cases by status</h3>")
        .append("<table><tr><th>Status</th><th>Cases</th><th>Median age (days)</th><th>Oldest (days)</th></tr>");
    for (StatusCount status : statuses) {
      body.append("<tr><td>").append(Html.text(status.status())).append("</td><td>").append(status.cases()).append("</td><td>")
          .append(status.medianAgeDays() == null ? "" : String.format("%.1f", status.medianAgeDays())).append("</td><td>")
          .append(status.oldestAgeDays() == null ? "" : status.oldestAgeDays()).append("</td></tr>");
    }
    body.append("</table>");
    List<List<Object>> flow = new ArrayList<>();
    for (Day day : days) {
      flow.add(List.of(day.day().toString(), "cases opened", day.opened()));
      flow.add(List.of(day.day().toString(), "confirmed", day.confirmed()));
      flow.add(List.of(day.day().toString(), "cleared", day.cleared()));
    }
    daily(body, "queue-flow", DailyCounts.of("Intake and decisions, last " + days.size() + " days (UTC)", flow, false, "no day"), 260);

    Calibration calibration = figures.calibration();
    body.append("<h2>The risk model's calibration</h2>");
    if (!calibration.bins().isEmpty()) {
      body.append(Charts.chart("calibration", "calibration", "Predicted risk against the observed fraudulent share", calibration, 320));
    }
    body.append(calibration.table().section());
    DecidedCalibration decided = figures.decidedCalibration();
    body.append("<p>Measured on the reviewers' decisions: each decided case with the risk the model gave its seller on the flag's day. ")
        .append("Only flagged sellers reach a reviewer, so this is the model's calibration among flagged sellers, not over all")
        .append(decided.unscored() > 0 ? "; " + decided.unscored() + " decided cases whose seller has no risk in the warehouse are left out" : "")
        .append(".</p>");
    if (!decided.bins().isEmpty()) {
      body.append(Charts.chart("decided-calibration", "decided-calibration",
          "Predicted risk against the share of decided cases confirmed, with 95% Wilson intervals", decided, 320));
    }
    body.append(decided.table().section());
    return Html.page("Dashboard", body.append(scripts).toString());
  }

  private static void dissatisfaction(Request request, StringBuilder body, List<DissatisfactionSeries> scopes, int windowDays) {
    body.append("<h2>Dissatisfaction rate against 1 per 100,000 trades</h2><p>Upheld complaints per 100,000 trades over the trailing ")
        .append(windowDays).append("-day window of each nightly run, with its two-sided 95% interval (Clopper-Pearson); the target is ")
        .append("met when the one-sided 95% upper bound is below 1. Window:");
    for (int window : DashboardFigures.WINDOWS) {
      String days = window == 1 ? "1 day" : window + " days";
      body.append(" ").append(window == windowDays ? "<b>" + days + "</b>"
          : "<a href=\"" + Html.text(request.link("/dashboard?window=" + window)) + "\">" + days + "</a>");
    }
    body.append(".</p>");
    if (scopes.isEmpty()) {
      return;
    }
    body.append("<table><tr><th>Scope</th><th>Latest run</th><th>Trades</th><th>Upheld</th><th>Per 100,000</th><th>95% interval</th>")
        .append("<th>P(below target)</th><th>Target met</th><th>Trades still needed</th></tr>");
    for (DissatisfactionSeries s : scopes) {
      int i = s.latest();
      body.append("<tr><td>").append(Html.text(s.scopeId())).append("</td><td>").append(s.days().get(i)).append("</td><td>")
          .append(s.trades().get(i)).append("</td><td>").append(s.upheld().get(i)).append("</td><td>").append(per100k(s.rate().get(i)))
          .append("</td><td>").append(per100k(s.lower().get(i))).append(" to ").append(per100k(s.upper().get(i))).append("</td><td>")
          .append(String.format("%.3f", s.probabilityMet().get(i))).append("</td><td>").append(s.met().get(i) ? "yes" : "no")
          .append("</td><td>").append(String.format("%,d", s.tradesNeeded().get(i))).append("</td></tr>");
    }
    body.append("</table>");
    for (DissatisfactionSeries s : scopes) {
      body.append("<h3>").append(Html.text(s.scope().equals("platform") ? "The platform" : "Category " + s.scopeId())).append("</h3>")
          .append(Charts.chart("dissatisfaction", "dissatisfaction-" + s.scopeId(), "Dissatisfaction rate of " + s.scopeId()
              + " per 100,000 trades with its 95% interval, against the target of 1", s, s.scope().equals("platform") ? 300 : 220));
    }
  }

  private static String per100k(Double rate) {
    return rate == null ? "no trades" : String.format("%.2f", rate * 1e5);
  }

  private static void daily(StringBuilder body, String id, DailyCounts counts, int heightPx) {
    body.append("<h3>").append(Html.text(counts.title())).append("</h3>");
    if (counts.days().isEmpty()) {
      body.append("<p class=\"gap\">").append(Html.text(counts.absent())).append(".</p>");
      return;
    }
    body.append(Charts.chart("daily", id, counts.title(), counts, heightPx)).append("<details><summary>The same, day by day</summary>")
        .append(counts.table().html()).append("</details>");
  }
}
