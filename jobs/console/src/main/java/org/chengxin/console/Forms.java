package org.chengxin.console;

/** The console's forms: each one posting carries the session's CSRF token. */
final class Forms {
  static final String CSRF = "csrf";

  private Forms() {}

  /** A form posting to {@code action} (a full link) with the token and {@code fields} (HTML), ending in a button. */
  static String post(String action, String csrfToken, String fields, String button) {
    return "<form class=\"inline\" method=\"post\" action=\"" + Html.text(action) + "\">"
        + "<input type=\"hidden\" name=\"" + CSRF + "\" value=\"" + Html.text(csrfToken) + "\">" + fields
        + "<button type=\"submit\">" + Html.text(button) + "</button></form>";
  }

  /** The top of every page behind the login: the queue, who is logged in, and logout. */
  static String nav(Request request, Session session) {
    return "<nav><a href=\"" + Html.text(request.link("/")) + "\">Queue</a> · <a href=\"" + Html.text(request.link("/dashboard"))
        + "\">Dashboard</a> · " + Html.text(session.account().name()) + " ("
        + Html.text(session.account().role().wire()) + ") · " + post(request.link("/logout"), session.csrfToken(), "", "Log out")
        + "</nav>";
  }
}
