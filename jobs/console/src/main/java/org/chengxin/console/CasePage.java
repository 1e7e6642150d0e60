package org.chengxin.console;

import java.util.List;
import java.util.function.Function;
import org.chengxin.review.Account;
import org.chengxin.review.AuditEntry;
import org.chengxin.review.CaseAccess;
import org.chengxin.review.Decision;
import org.chengxin.review.Evidence;
import org.chengxin.review.Penalty;
import org.chengxin.review.RecommendedAction;
import org.chengxin.review.ReviewCase;

/** One case: its reasons and evidence, the seller's history, the case's audit trail, and what the account may do with it. */
final class CasePage {
  private CasePage() {}

  /** {@code scripts}: the tags that load the charts' code (the page works without it: each chart has its table). */
  static String render(Request request, Session session, CaseView view, String scripts) {
    ReviewCase c = view.reviewCase();
    CaseAccess access = new CaseAccess(session.account());
    String self = "/case/" + c.caseId();
    StringBuilder body = new StringBuilder(Forms.nav(request, session));
    body.append("<h1>Case ").append(c.caseId()).append(": seller ").append(Html.text(c.sellerId())).append("</h1>")
        .append("<p>Status <b>").append(c.status().wire()).append("</b>")
        .append(c.assignedReviewer() == null ? "" : ", reviewer " + Html.text(c.assignedReviewer()))
        .append(" · priority ").append(String.format("%.2f", c.priority()))
        .append(" · flagged ").append(c.firstFlagged()).append(" to ").append(c.lastFlagged())
        .append(" · recommended: ").append(Html.text(Words.action(c.recommendedAction()))).append("</p>");
    body.append("<h2>Reasons</h2>").append(list(c.reasons(), reason -> reason));
    Evidence e = c.evidence();
    body.append("<h2>Evidence</h2><h3>What the flag points at</h3><table>")
        .append(row("Rings", String.join(", ", e.ringIds())))
        .append(row("Flagged ratings", String.join(", ", e.flaggedRatingIds())))
        .append(row("Complaints", String.join(", ", e.complaintIds())))
        .append(row("Brands without a certificate", String.join(", ", e.certificateGaps())))
        .append("</table>");

    CaseEvidence warehouse = view.warehouse();
    body.append("<h3>Ratings received over time</h3>").append(notes(warehouse.ratings().gaps()));
    if (!warehouse.ratings().days().isEmpty()) {
      body.append(Charts.chart("ratings", "rating-chart", "The seller's ratings per day, the flagged ones by pattern", warehouse.ratings(), 320))
          .append("<details><summary>The same, day by day</summary>").append(warehouse.ratings().table().html()).append("</details>");
    }
    RingGraph graph = warehouse.ringGraph();
    body.append("<h3>The seller's rings as a graph</h3>").append(notes(graph.gaps()));
    if (!graph.nodes().isEmpty()) {
      body.append(Charts.chart("ring-graph", "ring-graph", "The seller's rings: members, the sellers they traded with, shared keys", graph,
          520)).append(graph.pairs().section()).append(graph.keys().section());
    }
    warehouse.tables().forEach(t -> body.append(t.section()));

    view.pendingClosure().ifPresent(p -> {
      body.append("<h2>Closure proposed</h2><p>by ").append(Html.text(p.proposedBy())).append(" at ").append(p.proposedAt())
          .append(":</p><p class=\"note\">").append(Html.text(p.note())).append("</p>");
      if (access.mayConfirmClosure(view.pendingClosure())) {
        body.append(Forms.post(request.link(self + "/confirm-closure"), session.csrfToken(), "", "Confirm the seven-day closure"));
      } else {
        body.append("<p>It takes effect when a reviewer other than ").append(Html.text(p.proposedBy())).append(" confirms it.</p>");
      }
    });
    body.append(actions(request, session, access, view, self));

    body.append("<h2>The seller's cases</h2>").append(list(view.sellerCases(),
        other -> other.caseId() + ": " + other.status().wire() + ", " + Words.action(other.recommendedAction()) + ", flagged "
            + other.firstFlagged()));
    body.append("<h2>Decisions</h2>").append(list(view.sellerDecisions(), CasePage::decision));
    body.append("<h2>Penalties</h2>").append(list(view.sellerPenalties(), CasePage::penalty));
    body.append("<h2>What was done with this case</h2>").append(list(view.trail(), CasePage::audit));
    return Html.page("Case " + c.caseId(), body.append(scripts).toString());
  }

  private static String actions(Request request, Session session, CaseAccess access, CaseView view, String self) {
    ReviewCase c = view.reviewCase();
    StringBuilder out = new StringBuilder("<h2>Act</h2>");
    int before = out.length();
    if (access.mayTake(c)) {
      out.append(Forms.post(request.link(self + "/take"), session.csrfToken(), "", "Take this case"));
    }
    if (access.mayDecide(c, view.pendingClosure())) {
      boolean closure = c.recommendedAction() == RecommendedAction.SEVEN_DAY_CLOSURE;
      out.append("<div>").append(Forms.post(request.link(self + "/decide"), session.csrfToken(),
          "<p><label><input type=\"radio\" name=\"outcome\" value=\"confirmed\" required> confirmed"
              + (closure ? " (proposes the closure: a second reviewer confirms it)" : "") + "</label> "
              + "<label><input type=\"radio\" name=\"outcome\" value=\"cleared\"> cleared</label></p>"
              + "<p><textarea name=\"note\" rows=\"4\" cols=\"80\" required placeholder=\"why: what you found\"></textarea></p>",
          "Decide")).append("</div>");
    }
    if (access.mayRelease(c, view.pendingClosure())) {
      out.append(Forms.post(request.link(self + "/release"), session.csrfToken(), "", "Release to the queue"));
    }
    if (access.mayReassign(c, view.pendingClosure())) {
      StringBuilder options = new StringBuilder("<select name=\"to\">");
      for (Account worker : view.workers()) {
        options.append("<option>").append(Html.text(worker.name())).append("</option>");
      }
      out.append(" ").append(Forms.post(request.link(self + "/reassign"), session.csrfToken(), options + "</select>", "Reassign"));
    }
    if (out.length() == before) {
      out.append("<p>Nothing for you to do here (").append(Html.text(session.account().role().wire())).append(").</p>");
    }
    return out.toString();
  }

  private static String decision(Decision d) {
    return d.decidedAt() + " case " + d.caseId() + " " + d.outcome().wire() + " by " + d.reviewer() + ": " + d.note();
  }

  private static String penalty(Penalty p) {
    return p.action().wire() + " from " + p.startsOn() + (p.endsOn() == null ? " (no set end)" : " to " + p.endsOn() + " (exclusive)")
        + ", case " + p.caseId();
  }

  private static String audit(AuditEntry a) {
    return a.happenedAt() + " " + a.actor() + " " + a.action().wire() + (a.detail() == null ? "" : ": " + a.detail()) + " ("
        + a.channel().wire() + ")";
  }

  /** What the warehouse lacks for a chart, in words. */
  private static String notes(List<String> gaps) {
    StringBuilder out = new StringBuilder();
    gaps.forEach(gap -> out.append("<p class=\"gap\">").append(Html.text(gap)).append(".</p>"));
    return out.toString();
  }

  private static String row(String label, String value) {
    return "<tr><th>" + Html.text(label) + "</th><td>" + (value.isEmpty() ? "none" : Html.text(value)) + "</td></tr>";
  }

  /** A list of {@code items} in words (escaped here); none says so. */
  private static <T> String list(List<T> items, Function<T, String> words) {
    if (items.isEmpty()) {
      return "<p>None.</p>";
    }
    StringBuilder out = new StringBuilder("<ul>");
    for (T item : items) {
      out.append("<li class=\"note\">").append(Html.text(words.apply(item))).append("</li>");
    }
    return out.append("</ul>").toString();
  }
}
