package org.chengxin.console;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.chengxin.review.db.EmbeddedPostgres;
import org.chengxin.review.db.ReviewDatabase;

/**
 * A console on a free loopback port over an embedded PostgreSQL and a {@link TestWarehouse}; each
 * {@link #reset} gives it a new database with accounts alice and bob (reviewers), lee (lead) and ana
 * (analyst), and two open cases: 1 (seller-a, luxury_bags, a seven-day closure) and 2 (seller-b, womens_apparel, a warning).
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

  private final EmbeddedPostgres postgres;
  private final String serverUrl;
  private final Path tables;
  private final Path models;
  private final ConsoleSettings settings;
  private int databases;
  private ReviewDatabase db;
  private ConsoleServer server;
  private CaseStore cases;

  /** A PostgreSQL server and the test warehouse in {@code folder} (a test class's temporary folder), the console under {@code basePath}. */
  ConsoleFixture(Path folder, String basePath) throws Exception {
    postgres = new EmbeddedPostgres(folder.resolve("postgres"));
    serverUrl = postgres.start();
    tables = TestWarehouse.write(folder.resolve("warehouse"));
    models = TestWarehouse.models(folder.resolve("models"));
    settings = new ConsoleSettings("127.0.0.1", 0, basePath, false);
  }

  /** A console on a new database with the accounts and the two open cases. */
  void reset() throws Exception {
    if (server != null) {
      server.close();
    }
    String database = "console_" + ++databases;
    try (Connection admin = DriverManager.getConnection(serverUrl); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    db = ReviewDatabase.at(serverUrl.replace("/postgres?", "/" + database + "?"));
    server = new ConsoleServer(db, tables, models, Clock.systemUTC(), HASHES, settings);
    cases = new CaseStore(db, Clock.systemUTC());
    AccountStore accounts = new AccountStore(db, Clock.systemUTC(), HASHES);
    for (String name : List.of(ALICE, BOB)) {
      accounts.create(name, Role.REVIEWER, PASSWORD.toCharArray(), Channel.CONSOLE_USER);
    }
    accounts.create(LEE, Role.LEAD, PASSWORD.toCharArray(), Channel.CONSOLE_USER);
    accounts.create(ANA, Role.ANALYST, PASSWORD.toCharArray(), Channel.CONSOLE_USER);
    cases.sync(DAY, List.of(
        flag("seller-a", 9, "in rating ring R1 with 5 other sellers", new Evidence(List.of("R1"), List.of(), List.of(), List.of()),
            RecommendedAction.SEVEN_DAY_CLOSURE, "luxury_bags"),
        flag("seller-b", 3, "4 ratings flagged as malicious", new Evidence(List.of(), List.of("r1", "r2", "r3", "r4"), List.of(), List.of()),
            RecommendedAction.WARN, "womens_apparel")));
  }

  private static FlaggedSeller flag(String seller, double priority, String reason, Evidence evidence, RecommendedAction action,
      String category) {
    return new FlaggedSeller(seller, priority, List.of(reason), evidence, action, DAY, DAY, evidence.fingerprint(), category);
  }

  int port() {
    return server.port();
  }

  /** A browser that has not logged in; its paths are below the base path, as a reverse proxy would pass them on. */
  Browser browser() {
    return new Browser("http://127.0.0.1:" + port());
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
    postgres.stop();
  }
}
