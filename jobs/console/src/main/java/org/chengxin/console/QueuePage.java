package org.chengxin.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.chengxin.review.ClosureProposal;
import org.chengxin.review.CaseAccess;
import org.chengxin.review.CaseFilter;
import org.chengxin.review.CaseStatus;
import org.chengxin.review.ReviewCase;

/** The queue: cases by priority with their reasons, age and recommended action, filters, and take. */
final class QueuePage {
  private QueuePage() {}

  /** {@code cases} are those the account may see; {@code closures} the proposals waiting for a second reviewer. */
  static String render(Request request, Session session, CaseFilter filter, List<ReviewCase> cases, List<ClosureProposal> closures,
      Instant now) {
    CaseAccess access = new CaseAccess(session.account());
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    StringBuilder body = new StringBuilder(Forms.nav(request, session)).append("<h1>Review queue</h1>");
    body.append("<form method=\"get\" action=\"").append(Html.text(request.link("/"))).append("\">Status <select name=\"status\">")
        .append("<option value=\"\">any</option>");
    for (CaseStatus status : CaseStatus.values()) {
      boolean chosen = filter.status().filter(status::equals).isPresent();
      body.append("<option").append(chosen ? " selected" : "").append(">").append(status.wire()).append("</option>");
    }
    body.append("</select> Reason <input name=\"reason\" value=\"").append(Html.text(filter.reasonContains().orElse("")))
        .append("\"> Reviewer <input name=\"reviewer\" value=\"").append(Html.text(filter.reviewer().orElse("")))
        .append("\"> <button type=\"submit\">Filter</button></form>");
    body.append("<table><thead><tr><th>Case</th><th>Seller</th><th>Status</th><th>Priority</th><th>Reasons</th><th>Age</th>"
        + "<th>Recommended</th><th>Reviewer</th><th></th></tr></thead><tbody>");
    for (ReviewCase c : cases) {
      body.append("<tr><td>").append(caseLink(request, c.caseId())).append("</td><td>").append(Html.text(c.sellerId())).append("</td><td>")
          .append(c.status().wire()).append("</td><td>").append(String.format("%.2f", c.priority())).append("</td><td>")
          .append(Html.text(String.join("; ", c.reasons()))).append("</td><td>").append(Words.age(c.firstFlagged(), today))
          .append("</td><td>").append(Html.text(Words.action(c.recommendedAction()))).append("</td><td>")
          .append(Html.text(c.assignedReviewer() == null ? "" : c.assignedReviewer() + " (" + Words.held(c.takenAt(), now) + ")"))
          .append("</td><td>");
      if (access.mayTake(c)) {
        body.append(Forms.post(request.link("/case/" + c.caseId() + "/take"), session.csrfToken(), "", "Take"));
      }
      body.append("</td></tr>");
    }
    body.append("</tbody></table>");
    if (cases.isEmpty()) {
      body.append("<p>No case matches.</p>");
    }
    if (!closures.isEmpty()) {
      body.append("<h2>Closures waiting for a second reviewer</h2><ul>");
      for (ClosureProposal closure : closures) {
        body.append("<li>").append(caseLink(request, closure.caseId())).append(" proposed by ").append(Html.text(closure.proposedBy()))
            .append("</li>");
      }
      body.append("</ul>");
    }
    return Html.page("Review queue", body.toString());
  }

  private static String caseLink(Request request, long caseId) {
    return "<a href=\"" + Html.text(request.link("/case/" + caseId)) + "\">" + caseId + "</a>";
  }
}
