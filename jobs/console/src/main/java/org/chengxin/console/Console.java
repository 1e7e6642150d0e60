package org.chengxin.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chengxin.review.Account;
import org.chengxin.review.AccountStore;
import org.chengxin.review.AuditAction;
import org.chengxin.review.AuditLog;
import org.chengxin.review.CaseAccess;
import org.chengxin.review.CaseFilter;
import org.chengxin.review.CaseStatus;
import org.chengxin.review.CaseStore;
import org.chengxin.review.Channel;
import org.chengxin.review.ClosureProposal;
import org.chengxin.review.Outcome;
import org.chengxin.review.QueueStats;
import org.chengxin.review.ReviewCase;
import org.chengxin.review.ReviewException;
import org.chengxin.review.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's routes. Without a session a page redirects to the login and a form is refused;
 * every form must carry the session's CSRF token; what an account sees and does with a case is
 * {@link CaseAccess}'s to say, and the stores refuse again whatever the queue's rules refuse.
 */
final class Console implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Console.class);
  static final String SESSION_COOKIE = "chengxin_session";
  static final String LOGIN_COOKIE = "chengxin_login";
  private static final Pattern CASE = Pattern.compile("/case/(\\d{1,18})(?:/(take|release|reassign|decide|confirm-closure))?");
  private static final int QUEUE_PAGE = 200;
  private static final int DASHBOARD_DAYS = 14;
  // The 30-day window: long enough for the rate to mean something, short enough to show change.
  private static final int DEFAULT_WINDOW = 30;

  private final CaseStore cases;
  private final AccountStore accounts;
  private final AuditLog audit;
  private final Sessions sessions;
  private final Clock clock;
  private final ConsoleSettings settings;
  private final WarehouseEvidence warehouse;
  private final QueueStats stats;
  private final DashboardFigures figures;
  private final StaticFiles files = new StaticFiles();

  Console(CaseStore cases, AccountStore accounts, AuditLog audit, QueueStats stats, WarehouseEvidence warehouse, DashboardFigures figures,
      Clock clock, ConsoleSettings settings) {
    this.figures = figures;
    this.stats = stats;
    this.warehouse = warehouse;
    this.cases = cases;
    this.accounts = accounts;
    this.audit = audit;
    this.sessions = new Sessions(clock);
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Request request = new Request(exchange, settings.basePath());
    try {
      route(request);
    } catch (ReviewException e) {
      request.page(409, Html.page("Refused", "<p class=\"error\">" + Html.text(e.getMessage()) + "</p><p><a href=\""
          + Html.text(request.link("/")) + "\">Back to the queue</a></p>"));
    } catch (IllegalArgumentException e) {
      request.page(400, Html.page("Refused", "<p class=\"error\">" + Html.text(e.getMessage()) + "</p>"));
    } catch (SQLException | RuntimeException e) {
      // The message may hold data from the request; the log keeps only the kind of failure.
      LOG.error("console request failed: {}", e.getClass().getName());
      request.page(500, Html.page("Error", "<p class=\"error\">The console failed on this request; the server log says more.</p>"));
    } finally {
      exchange.close();
    }
  }

  private void route(Request request) throws IOException, SQLException {
    String path = request.path();
    boolean post = request.method().equals("POST");
    if (!post && !request.method().equals("GET")) {
      request.page(405, Html.page("Refused", "<p>Only GET and POST.</p>"));
      return;
    }
    if (StaticFiles.isStatic(path) && !post) {
      // The library and the chart code hold no data: served without a session, so browsers and proxies may keep them.
      Optional<StaticFiles.File> file = files.find(path);
      if (file.isPresent()) {
        request.asset(file.get());
      } else {
        request.page(404, Html.page("Not found", "<p>No such file.</p>"));
      }
      return;
    }
    if (path.equals("/login")) {
      if (post) {
        login(request);
      } else {
        loginForm(request, null);
      }
      return;
    }
    Optional<Session> session = sessions.find(request.cookie(SESSION_COOKIE).orElse(null));
    if (session.isEmpty()) {
      if (post) {
        request.page(403, Html.page("Refused", "<p class=\"error\">Log in first.</p>"));
      } else {
        request.redirect("/login");
      }
      return;
    }
    if (post && !Sessions.sameToken(session.get().csrfToken(), request.form(Forms.CSRF).orElse(null))) {
      request.page(403, Html.page("Refused", "<p class=\"error\">This form is stale or was not sent by the console: reload the page.</p>"));
      return;
    }
    Matcher caseRoute = CASE.matcher(path);
    if (path.equals("/") && !post) {
      queue(request, session.get());
    } else if (path.equals("/dashboard") && !post) {
      dashboard(request, session.get());
    } else if (path.equals("/logout") && post) {
      sessions.close(session.get().token());
      audit.append(session.get().account().name(), AuditAction.LOGOUT, null, Channel.CONSOLE, clock.instant());
      request.setCookie(cookie(SESSION_COOKIE, "", 0));
      request.redirect("/login");
    } else if (caseRoute.matches() && caseRoute.group(2) == null && !post) {
      casePage(request, session.get(), Long.parseLong(caseRoute.group(1)));
    } else if (caseRoute.matches() && caseRoute.group(2) != null && post) {
      act(request, session.get(), Long.parseLong(caseRoute.group(1)), caseRoute.group(2));
    } else {
      request.page(404, Html.page("Not found", "<p>No such page.</p>"));
    }
  }

  private void dashboard(Request request, Session session) throws IOException, SQLException {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    int window = request.query("window").map(Integer::valueOf).filter(DashboardFigures.WINDOWS::contains).orElse(DEFAULT_WINDOW);
    request.page(200, DashboardPage.render(request, session, stats.byStatus(today), stats.perDay(today, DASHBOARD_DAYS),
        dashboardFigures(window, stats.decided()), window, files.scriptTags(request)));
  }

  /** The warehouse's figures, or none with a line saying why: the queue's figures still show. */
  private DashboardFigures.Figures dashboardFigures(int window, List<QueueStats.Decided> decided) {
    try {
      return figures.read(window, decided);
    } catch (SQLException | RuntimeException e) {
      LOG.error("reading the dashboard's figures failed: {}", e.getClass().getName());
      String why = "the warehouse could not be read; the server log says more";
      return new DashboardFigures.Figures(List.of(), DailyCounts.none("Flagged ratings", why), DailyCounts.none("Detections", why),
          new Calibration("(unknown)", List.of(), why), DecidedCalibration.none(why), List.of(why));
    }
  }

  private void loginForm(Request request, String message) throws IOException {
    String token = Sessions.randomToken();
    request.setCookie(cookie(LOGIN_COOKIE, token, 600));
    request.page(message == null ? 200 : 401, LoginPage.render(request, token, message));
  }

  private void login(Request request) throws IOException, SQLException {
    String given = request.form(Forms.CSRF).orElse(null);
    if (request.cookie(LOGIN_COOKIE).filter(expected -> Sessions.sameToken(expected, given)).isEmpty()) {
      request.page(403, Html.page("Refused", "<p class=\"error\">This login form is stale: <a href=\"" + Html.text(request.link("/login"))
          + "\">reload it</a>.</p>"));
      return;
    }
    String name = request.form("name").orElse("");
    char[] password = request.form("password").orElse("").toCharArray();
    AccountStore.Login login = accounts.login(name, password, Channel.CONSOLE);
    Arrays.fill(password, '\0');
    if (login.account().isEmpty()) {
      loginForm(request, login.result() == AuditAction.LOGIN_LOCKED
          ? "This account is locked after " + AccountStore.LOCK_AFTER + " wrong passwords: an admin unlocks it."
          : "Wrong name or password.");
      return;
    }
    Session session = sessions.open(login.account().get());
    request.setCookie(cookie(SESSION_COOKIE, session.token(), -1));
    request.setCookie(cookie(LOGIN_COOKIE, "", 0));
    request.redirect("/");
  }

  private void queue(Request request, Session session) throws IOException, SQLException {
    CaseFilter filter = new CaseFilter(request.query("status").map(CaseStatus::fromWire), request.query("reviewer"),
        request.query("reason"), request.query("category"));
    CaseAccess access = new CaseAccess(session.account());
    List<ReviewCase> visible = listed(filter, session.account()).stream().filter(c -> access.maySee(c, Optional.empty())).toList();
    List<ClosureProposal> closures = cases.pendingClosures().stream()
        .filter(p -> access.mayConfirmClosure(Optional.of(p)) || session.account().role().seesAllCases()
            || p.proposedBy().equals(session.account().name()))
        .toList();
    request.page(200, QueuePage.render(request, session, filter, visible, cases.categories(), closures, clock.instant()));
  }

  /**
   * The queue page's cases. Without a status or reviewer filter a reviewer's page is the work at
   * hand: the open cases and those they hold, read as two lists and merged by priority. Listing
   * every status would fill the page's 200 with decided cases (others', hidden; their own, done)
   * once 200 are decided; those are a filter away ({@code status}, {@code reviewer}).
   */
  private List<ReviewCase> listed(CaseFilter filter, Account account) throws SQLException {
    if (account.role().seesAllCases() || filter.status().isPresent() || filter.reviewer().isPresent()) {
      return cases.list(filter, QUEUE_PAGE);
    }
    List<ReviewCase> merged = new ArrayList<>(cases.list(filter.withStatus(Optional.of(CaseStatus.OPEN)), QUEUE_PAGE));
    merged.addAll(cases.list(filter.withStatus(Optional.of(CaseStatus.IN_REVIEW)).withReviewer(Optional.of(account.name())), QUEUE_PAGE));
    merged.sort(Comparator.comparingDouble(ReviewCase::priority).reversed().thenComparingLong(ReviewCase::caseId));
    return merged.subList(0, Math.min(QUEUE_PAGE, merged.size()));
  }

  private void casePage(Request request, Session session, long caseId) throws IOException, SQLException {
    Optional<ReviewCase> found = cases.find(caseId);
    Optional<ClosureProposal> pending = cases.pendingClosure(caseId);
    if (found.isEmpty() || !new CaseAccess(session.account()).maySee(found.get(), pending)) {
      notFound(request, caseId);
      return;
    }
    ReviewCase c = found.get();
    audit.append(session.account().name(), AuditAction.VIEW_EVIDENCE, caseId, Channel.CONSOLE, clock.instant());
    List<Account> workers = session.account().role() == Role.LEAD
        ? accounts.accounts().stream().filter(a -> a.role().works() && !a.locked()).toList() : List.of();
    CaseView view = new CaseView(c, pending, cases.casesOf(c.sellerId()), cases.decisions(Optional.of(c.sellerId())),
        cases.penalties(c.sellerId()), audit.entries(Optional.of(caseId), 50), workers, warehouseEvidence(c));
    request.page(200, CasePage.render(request, session, view, files.scriptTags(request)));
  }

  /** The same answer for a case that is not there and one the account may not see: ids tell nothing. */
  private static void notFound(Request request, long caseId) throws IOException {
    request.page(404, Html.page("Not found", "<p>There is no case " + caseId + " that you may see.</p><p><a href=\""
        + Html.text(request.link("/")) + "\">Back to the queue</a></p>"));
  }

  /** The warehouse's evidence, or one section saying it could not be read: the queue's part of the page still shows. */
  private CaseEvidence warehouseEvidence(ReviewCase c) {
    try {
      return warehouse.of(c);
    } catch (SQLException | RuntimeException e) {
      LOG.error("reading the warehouse's evidence failed: {}", e.getClass().getName());
      return CaseEvidence.unreadable();
    }
  }

  private void act(Request request, Session session, long caseId, String action) throws IOException, SQLException {
    Account account = session.account();
    Optional<ReviewCase> found = cases.find(caseId);
    Optional<ClosureProposal> pending = cases.pendingClosure(caseId);
    CaseAccess access = new CaseAccess(account);
    if (found.isEmpty() || !access.maySee(found.get(), pending)) {
      notFound(request, caseId);
      return;
    }
    ReviewCase c = found.get();
    boolean allowed = switch (action) {
      case "take" -> access.mayTake(c);
      case "release" -> access.mayRelease(c, pending);
      case "reassign" -> access.mayReassign(c, pending);
      case "decide" -> access.mayDecide(c, pending);
      default -> access.mayConfirmClosure(pending);
    };
    if (!allowed) {
      request.page(403, Html.page("Refused", "<p class=\"error\">You (" + Html.text(account.role().wire()) + ") may not "
          + Html.text(action) + " case " + caseId + " as it stands.</p><p><a href=\"" + Html.text(request.link("/")) + "\">Back to the queue</a></p>"));
      return;
    }
    switch (action) {
      case "take" -> cases.takeCase(caseId, account.name());
      case "release" -> cases.release(caseId, account);
      case "reassign" -> cases.reassign(caseId, account, request.form("to").orElse(""));
      case "decide" -> decide(request, account, c);
      default -> cases.confirmClosure(caseId, account.name());
    }
    // Released or confirmed, the case may be one the account no longer sees: back to the queue.
    request.redirect(action.equals("release") || action.equals("confirm-closure") ? "/" : "/case/" + caseId);
  }

  /** A confirmed seven-day closure is only proposed: it takes effect when a second reviewer confirms it. */
  private void decide(Request request, Account account, ReviewCase c) throws IOException, SQLException {
    Outcome outcome = Outcome.fromWire(request.form("outcome").orElse(""));
    cases.decideOrPropose(c.caseId(), account.name(), outcome, request.form("note").orElse(""));
  }

  /** A cookie scripts cannot read, sent back only on the console's own requests; {@code maxAge} -1 lasts the browser session. */
  private String cookie(String name, String value, int maxAge) {
    String path = settings.basePath().isEmpty() ? "/" : settings.basePath();
    return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (settings.secureCookies() ? "; Secure" : "")
        + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
  }
}
