package org.chengxin.review.console;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.AccountStore;
import org.chengxin.review.AuditEntry;
import org.chengxin.review.AuditLog;
import org.chengxin.review.CaseStatus;
import org.chengxin.review.CaseStore;
import org.chengxin.review.Channel;
import org.chengxin.review.Evidence;
import org.chengxin.review.FlaggedSeller;
import org.chengxin.review.PasswordHash;
import org.chengxin.review.Penalty;
import org.chengxin.review.RecommendedAction;
import org.chengxin.review.Role;
import org.chengxin.review.TestPostgres;
import org.chengxin.review.db.ReviewDatabase;

/**
 * A console on a free loopback port over a database of its own: accounts alice and bob (reviewers),
 * lee (lead) and ana (analyst), and two open cases: 1 (seller-a, a seven-day closure) and 2
 * (seller-b, a warning).
 */
final class ConsoleFixture implements AutoCloseable {
  static final String ALICE = "alice";
  static final String BOB = "bob";
  static final String LEE = "lee";
  static final String ANA = "ana";
  static final String PASSWORD = "a long enough password";
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  // Cheap Argon2id parameters: the tests hash dozens of passwords; the production defaults are PasswordHashTest's.
  private static final PasswordHash HASHES = new PasswordHash(1024, 1);

  private final ReviewDatabase db;
  private final ConsoleServer server;
  private final CaseStore cases;

  ConsoleFixture(String database, String basePath) throws Exception {
    db = TestPostgres.database(database);
    server = new ConsoleServer(db, Clock.systemUTC(), HASHES, new ConsoleSettings("127.0.0.1", 0, basePath, false));
    cases = new CaseStore(db, Clock.systemUTC());
  }

  /** Empties the database and puts the accounts and the two open cases back. */
  void reset() throws SQLException {
    TestPostgres.truncate(db);
    AccountStore accounts = new AccountStore(db, Clock.systemUTC(), HASHES);
    for (String name : List.of(ALICE, BOB)) {
      accounts.create(name, Role.REVIEWER, PASSWORD.toCharArray(), Channel.CONSOLE_USER);
    }
    accounts.create(LEE, Role.LEAD, PASSWORD.toCharArray(), Channel.CONSOLE_USER);
    accounts.create(ANA, Role.ANALYST, PASSWORD.toCharArray(), Channel.CONSOLE_USER);
    cases.sync(DAY, List.of(
        flag("seller-a", 9, "in rating ring R1 with 5 other sellers", new Evidence(List.of("R1"), List.of(), List.of(), List.of()),
            RecommendedAction.SEVEN_DAY_CLOSURE),
        flag("seller-b", 3, "4 ratings flagged as malicious", new Evidence(List.of(), List.of("r1", "r2", "r3", "r4"), List.of(), List.of()),
            RecommendedAction.WARN)));
  }

  private static FlaggedSeller flag(String seller, double priority, String reason, Evidence evidence, RecommendedAction action) {
    return new FlaggedSeller(seller, priority, List.of(reason), evidence, action, DAY, DAY, evidence.fingerprint());
  }

  /** A browser that has not logged in; its paths are below the base path, as a reverse proxy would pass them on. */
  Browser browser() {
    return new Browser("http://127.0.0.1:" + server.port());
  }

  Browser loggedIn(String name) throws Exception {
    Browser browser = browser();
    HttpResponse<String> login = browser.login(name, PASSWORD);
    if (login.statusCode() != 303) {
      throw new IllegalStateException(name + " could not log in: " + login.statusCode());
    }
    return browser;
  }

  /** {@code name} logged in, holding case {@code caseId}, taken through the console. */
  Browser holding(String name, long caseId) throws Exception {
    Browser browser = loggedIn(name);
    browser.get("/");
    if (browser.post("/case/" + caseId + "/take").statusCode() != 303) {
      throw new IllegalStateException(name + " could not take case " + caseId);
    }
    return browser;
  }

  CaseStatus status(long caseId) throws SQLException {
    return cases.find(caseId).orElseThrow().status();
  }

  String holder(long caseId) throws SQLException {
    return cases.find(caseId).orElseThrow().assignedReviewer();
  }

  List<RecommendedAction> penalties(String seller) throws SQLException {
    return cases.penalties(seller).stream().map(Penalty::action).toList();
  }

  List<AuditEntry> audit(long caseId) throws SQLException {
    return new AuditLog(db).entries(Optional.of(caseId), 100);
  }

  @Override
  public void close() {
    server.close();
  }
}
