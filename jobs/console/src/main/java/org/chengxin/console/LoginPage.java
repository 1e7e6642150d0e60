package org.chengxin.console;

/** The login form; its token pairs with a short-lived cookie, so another site cannot log a browser in under its own account. */
final class LoginPage {
  private LoginPage() {}

  static String render(Request request, String loginToken, String message) {
    return Html.page("Log in", "<h1>Chengxin review console</h1>"
        + (message == null ? "" : "<p class=\"error\">" + Html.text(message) + "</p>")
        + "<form method=\"post\" action=\"" + Html.text(request.link("/login")) + "\">"
        + "<input type=\"hidden\" name=\"" + Forms.CSRF + "\" value=\"" + Html.text(loginToken) + "\">"
        + "<p><label>Name <input name=\"name\" autocomplete=\"username\" required></label></p>"
        + "<p><label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label></p>"
        + "<p><button type=\"submit\">Log in</button></p></form>");
  }
}
