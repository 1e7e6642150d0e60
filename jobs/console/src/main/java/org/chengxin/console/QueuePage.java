package org.chengxin.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.ClosureProposal;
import org.chengxin.review.CaseAccess;
import org.chengxin.review.CaseFilter;
import org.chengxin.review.CaseStatus;
import org.chengxin.review.ReviewCase;

/** The queue: cases by priority with their reasons, age and recommended action, filters, and take. */
final class QueuePage {
  private QueuePage() {}

  /**
   * {@code cases} are those the account may see; {@code categories} those the cases have (the
   * filter's choices); {@code closures} the proposals waiting for a second reviewer.
   */
  static String render(Request request, Session session, CaseFilter filter, List<ReviewCase> cases, List<String> categories,
      List<ClosureProposal> closures, Instant now) {
    CaseAccess access = new CaseAccess(session.account());
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    StringBuilder body = new StringBuilder(Forms.nav(request, session)).append("<h1>Review queue</h1>");
    body.append("<form method=\"get\" action=\"").append(Html.text(request.link("/"))).append("\">Status <select name=\"status\">")
        .append(options(Arrays.stream(CaseStatus.values()).map(CaseStatus::wire).toList(), filter.status().map(CaseStatus::wire)))
        .append("</select> Category <select name=\"category\">").append(options(categories, filter.category()))
        .append("</select> Reason <input name=\"reason\" value=\"").append(Html.text(filter.reasonContains().orElse("")))
        .append("\"> Reviewer <input name=\"reviewer\" value=\"").append(Html.text(filter.reviewer().orElse("")))
        .append("\"> <button type=\"submit\">Filter</button></form>");
    body.append("<table><thead><tr><th>Case</th><th>Seller</th><th>Status</th><th>Category</th><th>Priority</th><th>Reasons</th>"
        + "<th>Age</th><th>Recommended</th><th>Reviewer</th><th></th></tr></thead><tbody>");
    for (ReviewCase c : cases) {
      body.append("<tr><td>").append(caseLink(request, c.caseId())).append("</td><td>").append(Html.text(c.sellerId())).append("</td><td>")
          .append(c.status().wire()).append("</td><td>").append(Html.text(c.category() == null ? "" : c.category())).append("</td><td>")
          .append(String.format("%.2f", c.priority())).append("</td><td>")
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

  /** A select's options: any (no filter), then {@code values}, the {@code chosen} one selected. */
  private static String options(List<String> values, Optional<String> chosen) {
    StringBuilder out = new StringBuilder("<option value=\"\">any</option>");
    for (String value : values) {
      out.append("<option").append(chosen.filter(value::equals).isPresent() ? " selected" : "").append(">").append(Html.text(value))
          .append("</option>");
    }
    return out.toString();
  }

  private static String caseLink(Request request, long caseId) {
    return "<a href=\"" + Html.text(request.link("/case/" + caseId)) + "\">" + caseId + "</a>";
  }
}
