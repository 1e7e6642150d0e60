package org.chengxin.review.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chengxin.core.cli.UsageException;
import org.chengxin.review.AccountStore;
import org.chengxin.review.AuditAction;
import org.chengxin.review.AuditEntry;
import org.chengxin.review.AuditLog;
import org.chengxin.review.Channel;
import org.chengxin.review.PasswordHash;
import org.chengxin.review.ReviewJson;
import org.chengxin.review.Role;
import org.chengxin.review.TestPostgres;
import org.chengxin.review.db.ReviewDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueCliTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T09:30:00Z"), ZoneOffset.UTC);
  private static final String FLAGGED = """
      {"seller_id":"s-100","priority":12.5,"reasons":["in rating ring R7"],"evidence":{"ring_ids":["R7"]},\
      "recommended_action":"seven_day_closure","first_flagged":"2026-10-30","last_flagged":"2026-11-01","evidence_fingerprint":"fp-a"}
      {"seller_id":"s-200","priority":3,"reasons":["luxury sales without certificates"],\
      "evidence":{"certificate_gaps":["brand-9"]},"recommended_action":"demand_certificates",\
      "first_flagged":"2026-11-01","last_flagged":"2026-11-01","evidence_fingerprint":"fp-b"}
      """;
  private static String url;

  @TempDir
  Path dir;

  @BeforeAll
  static void database() throws Exception {
    url = TestPostgres.emptyDatabaseUrl("queue_cli_test");
    addReviewers(url);
  }

  /** A new database named {@code name} with the accounts and the two flagged sellers synced; its URL. */
  private String syncedQueue(String name) throws Exception {
    String db = TestPostgres.emptyDatabaseUrl(name);
    addReviewers(db);
    Path cases = Files.writeString(dir.resolve("flagged.jsonl"), FLAGGED);
    run("sync", "--date", "2026-11-01", "--cases", cases.toString(), "--db-url", db);
    return db;
  }

  /** The accounts the commands name: --reviewer must name an account that works cases. */
  private static void addReviewers(String db) throws Exception {
    AccountStore accounts = new AccountStore(ReviewDatabase.at(db), CLOCK, new PasswordHash(1024, 1));
    for (String name : List.of("alice", "bob", "sam")) {
      accounts.create(name, Role.REVIEWER, "a long enough password".toCharArray(), Channel.CONSOLE_USER);
    }
    accounts.create("carol", Role.LEAD, "a long enough password".toCharArray(), Channel.CONSOLE_USER);
    accounts.create("ana", Role.ANALYST, "a long enough password".toCharArray(), Channel.CONSOLE_USER);
  }

  @Test
  void reviewerWorkflowFromSyncToLabels() throws Exception {
    Path cases = Files.writeString(dir.resolve("flagged.jsonl"), FLAGGED);
    assertTrue(run("sync", "--date", "2026-11-01", "--cases", cases.toString(), "--db-url", url).contains("2 new cases"));

    // The environment variable names the database as well as --db-url does.
    String taken = runWithEnv(Map.of(DatabaseOptions.ENV_DB_URL, url), "take", "--reviewer", "alice", "--n", "1");
    assertTrue(taken.lines().anyMatch(line -> line.contains("s-100") && line.contains("in_review") && line.contains("alice")), taken);
    long caseId = Long.parseLong(taken.lines().skip(1).findFirst().orElseThrow().split("\\s+")[0]);

    // s-100's case recommends a seven-day closure: alice's confirmation only proposes it.
    String proposed = run("decide", Long.toString(caseId), "--outcome", "confirmed", "--note", "ring confirmed, shared devices",
        "--reviewer", "alice", "--db-url", url);
    assertTrue(proposed.contains("seven-day closure proposed by alice"), proposed);
    assertEquals(0, ReviewJson.MAPPER.readTree(run("list", "--status", "confirmed", "--format", "json", "--db-url", url)).size());
    assertTrue(run("closures", "--db-url", url).contains(caseId + "  alice  2026-11-02T09:30:00Z  ring confirmed, shared devices"));
    assertEquals("you proposed the closure of case " + caseId + ": a different reviewer confirms it", assertThrows(UsageException.class,
        () -> run("confirm-closure", Long.toString(caseId), "--reviewer", "alice", "--db-url", url)).getMessage());
    String decided = run("confirm-closure", Long.toString(caseId), "--reviewer", "bob", "--db-url", url);
    assertTrue(decided.contains("confirmed by alice at 2026-11-02T09:30:00Z"), decided);
    assertTrue(run("closures", "--db-url", url).contains("no closure waits"));

    JsonNode confirmed = ReviewJson.MAPPER.readTree(run("list", "--status", "confirmed", "--format", "json", "--db-url", url));
    assertEquals(1, confirmed.size());
    assertEquals("confirmed", confirmed.get(0).get("status").asText());
    assertEquals("R7", confirmed.get(0).get("evidence").get("ring_ids").get(0).asText());
    assertEquals("seven_day_closure", confirmed.get(0).get("recommended_action").asText());

    JsonNode history = ReviewJson.MAPPER.readTree(run("history", "--seller", "s-100", "--db-url", url));
    assertEquals("ring confirmed, shared devices", history.get("decisions").get(0).get("note").asText());
    assertEquals("2026-11-09", history.get("penalties").get(0).get("ends_on").asText());

    Path labels = dir.resolve("labels/labels.csv");
    assertTrue(run("export-labels", "--out", labels.toString(), "--db-url", url).contains("wrote 1 labels"));
    assertEquals(List.of(Labels.HEADER, "s-100,confirmed,2026-11-02T09:30:00Z,alice," + caseId), Files.readAllLines(labels));
  }

  @Test
  void penaltiesAreListedLiftedCheckedAndAppealed() throws Exception {
    String db = syncedQueue("queue_cli_penalty_test");
    run("take", "--reviewer", "alice", "--n", "2", "--db-url", db);
    // Case 1 is s-100's seven-day closure, case 2 s-200's certificate demand: penalties 1 and 2.
    run("decide", "1", "--outcome", "confirmed", "--note", "ring R7", "--reviewer", "alice", "--db-url", db);
    run("confirm-closure", "1", "--reviewer", "carol", "--db-url", db);
    run("decide", "2", "--outcome", "confirmed", "--note", "no certificates", "--reviewer", "alice", "--db-url", db);

    JsonNode closure = ReviewJson.MAPPER.readTree(run("penalties", "--seller", "s-100", "--format", "json", "--db-url", db)).get(0);
    assertEquals("2026-11-09", closure.get("ends_on").asText());
    assertEquals("term", closure.get("end_reason").asText());
    assertTrue(run("penalties", "--active-on", "2026-11-08", "--db-url", db).contains("seven_day_closure"));
    assertTrue(run("penalties", "--active-on", "2026-11-09", "--db-url", db).lines()
        .noneMatch(line -> line.contains("seven_day_closure")), "not in force on its eighth day");

    String received = run("certificates", "2", "received", "--note", "brand-9 certificate", "--reviewer", "bob", "--db-url", db);
    assertTrue(received.contains("certificates_received by bob"), received);
    assertTrue(received.contains("no end yet"), received);
    String accepted = run("certificates", "2", "accepted", "--note", "registry confirms", "--reviewer", "bob", "--db-url", db);
    assertTrue(accepted.contains("until 2026-11-02 exclusive (certificates_accepted)"), accepted);

    run("appeal", "1", "--note", "my cousins' accounts, not a ring", "--reviewer", "sam", "--db-url", db);
    assertThrows(UsageException.class, () -> run("decide-appeal", "1", "--outcome", "upheld", "--note", "mine",
        "--reviewer", "alice", "--db-url", db), "the case's own reviewer");
    String upheld = run("decide-appeal", "1", "--outcome", "upheld", "--note", "shared household", "--reviewer", "bob",
        "--db-url", db);
    assertTrue(upheld.contains("appeal_upheld by bob"), upheld);
    assertTrue(upheld.contains("appeal upheld"), upheld);
    assertThrows(UsageException.class, () -> run("lift", "1", "--note", "already ended", "--reviewer", "carol", "--db-url", db));

    List<String> audited = new AuditLog(ReviewDatabase.at(db)).entries(Optional.of(1L), 10).stream()
        .filter(entry -> entry.action() == AuditAction.PENALTY_EVENT).map(AuditEntry::detail).toList();
    assertEquals(List.of("appeal_upheld of penalty 1", "appeal_filed of penalty 1"), audited);

    JsonNode history = ReviewJson.MAPPER.readTree(run("history", "--seller", "s-100", "--db-url", db));
    assertEquals(List.of("appeal_filed", "appeal_upheld"),
        history.get("penalty_events").findValues("kind").stream().map(JsonNode::asText).toList());
    assertEquals("2026-11-09", history.get("penalties").get(0).get("ends_on").asText(), "the term as imposed");
  }

  @Test
  void theReviewerMustBeAnAccountThatWorksCases() throws Exception {
    String db = syncedQueue("queue_cli_accounts_test");

    assertEquals("wrong reviewer name or password",
        assertThrows(UsageException.class, () -> run("take", "--reviewer", "mallory", "--db-url", db)).getMessage());
    assertEquals("ana is an account of role analyst, which does not work cases",
        assertThrows(UsageException.class, () -> run("take", "--reviewer", "ana", "--db-url", db)).getMessage());
    assertTrue(run("list", "--status", "in_review", "--db-url", db).lines().count() <= 1, "nothing was taken");

    String taken = run("take", "--reviewer", "alice", "--n", "1", "--db-url", db);
    long caseId = Long.parseLong(taken.lines().skip(1).findFirst().orElseThrow().split("\\s+")[0]);
    assertThrows(UsageException.class, () -> run("decide", Long.toString(caseId), "--outcome", "cleared", "--note", "x",
        "--reviewer", "mallory", "--db-url", db));
    run("decide", Long.toString(caseId), "--outcome", "cleared", "--note", "no ring", "--reviewer", "alice", "--db-url", db);
    List<AuditAction> audited = new AuditLog(ReviewDatabase.at(db)).entries(Optional.of(caseId), 10).stream()
        .map(AuditEntry::action).toList();
    assertEquals(List.of(AuditAction.DECIDE, AuditAction.TAKE), audited, "the terminal's actions are audited");
  }

  @Test
  void theTerminalChecksTheReviewersPasswordAndLocksAfterTenWrongOnes() throws Exception {
    String db = syncedQueue("queue_cli_password_test");
    String[] take = {"take", "--reviewer", "sam", "--n", "1", "--db-url", db};

    assertEquals("no password: set CHENGXIN_CONSOLE_PASSWORD or give it on the first line of standard input",
        assertThrows(UsageException.class, () -> runWithInput(Map.of(), "", take)).getMessage());
    assertTrue(runWithInput(Map.of(), "a long enough password\n", "list", "--db-url", db).lines().noneMatch(line -> line.contains("sam")),
        "nothing taken yet");
    for (int wrong = 1; wrong <= AccountStore.LOCK_AFTER; wrong++) {
      assertEquals("wrong reviewer name or password",
          assertThrows(UsageException.class, () -> runWithInput(Map.of(), "not sam's password\n", take)).getMessage());
    }
    assertEquals("account sam is locked after 10 wrong passwords: an admin unlocks it (scripts/chengxin console-user unlock --name sam)",
        assertThrows(UsageException.class, () -> runWithInput(Map.of(), "a long enough password\n", take)).getMessage());
    assertTrue(run("list", "--status", "in_review", "--db-url", db).lines().noneMatch(line -> line.contains("sam")), "nothing was taken");

    List<AuditEntry> logins = new AuditLog(ReviewDatabase.at(db)).entries(Optional.empty(), 20).stream()
        .filter(entry -> "sam".equals(entry.actor()) && entry.action().wire().startsWith("login")).toList();
    assertEquals(AuditAction.LOGIN_LOCKED, logins.get(0).action());
    assertEquals("locked after 10 wrong passwords", logins.get(1).detail());
    assertTrue(logins.stream().allMatch(entry -> entry.channel() == Channel.QUEUE), "audited as the terminal's");

    // The password typed on standard input's first line works as the environment's does.
    assertTrue(runWithInput(Map.of(), "a long enough password\n", "take", "--reviewer", "bob", "--n", "1", "--db-url", db).contains("bob"));
  }

  @Test
  void badArgumentsAreUsageErrors() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.jsonl"), FLAGGED.lines().findFirst().orElseThrow() + "\n{\"seller_id\":\"x\"}\n");
    List<List<String>> commands = List.of(
        List.of(),
        List.of("promote"),
        List.of("take", "--n", "3", "--db-url", url),
        List.of("take", "--reviewer", "alice", "--n", "0", "--db-url", url),
        List.of("list", "--format", "xml", "--db-url", url),
        List.of("list", "--status", "pending", "--db-url", url),
        List.of("decide", "--outcome", "cleared", "--note", "x", "--reviewer", "alice", "--db-url", url),
        List.of("decide", "abc", "--outcome", "cleared", "--note", "x", "--reviewer", "alice", "--db-url", url),
        List.of("decide", "1", "--outcome", "guilty", "--note", "x", "--reviewer", "alice", "--db-url", url),
        List.of("decide", "999999", "--outcome", "cleared", "--note", "x", "--reviewer", "alice", "--db-url", url),
        List.of("list", "--db-url", "jdbc:mysql://localhost/queue"),
        List.of("list", "--db-url", url, "--warehouse", dir.toString()),
        List.of("db-stop", "--db-url", url),
        List.of("penalties", "--active-on", "2026-13-01", "--db-url", url),
        List.of("lift", "--note", "x", "--reviewer", "carol", "--db-url", url),
        List.of("lift", "abc", "--note", "x", "--reviewer", "carol", "--db-url", url),
        List.of("lift", "999999", "--note", "x", "--reviewer", "carol", "--db-url", url),
        List.of("certificates", "1", "--note", "x", "--reviewer", "bob", "--db-url", url),
        List.of("certificates", "1", "mailed", "--note", "x", "--reviewer", "bob", "--db-url", url),
        List.of("appeal", "1", "--reviewer", "sam", "--db-url", url),
        List.of("decide-appeal", "1", "--outcome", "open", "--note", "x", "--reviewer", "bob", "--db-url", url));
    for (List<String> args : commands) {
      assertThrows(UsageException.class, () -> run(args.toArray(String[]::new)), () -> "accepted: " + args);
    }
    UsageException badLine = assertThrows(UsageException.class,
        () -> run("sync", "--date", "2026-11-01", "--cases", bad.toString(), "--db-url", url));
    assertTrue(badLine.getMessage().contains("line 2"), badLine.getMessage());
  }

  @Test
  void bundledSampleIsValidInput() throws Exception {
    // The sample docs/review-queue.md tells reviewers to try; surefire runs in the module folder.
    assertEquals(3, QueueCli.readFlagged(Path.of("samples/flagged-sellers.jsonl")).size());
  }

  @Test
  void helpNeedsNoDatabase() throws Exception {
    assertTrue(run("--help").contains("export-labels --out FILE"));
    assertTrue(run("take", "--help").contains("--reviewer=R"));
    assertTrue(run("decide", "--help").contains("--outcome=OUTCOME"));
    assertTrue(run("penalties", "--help").contains("--active-on"));
    assertTrue(run("lift", "--help").contains("--note=TEXT"));
    assertTrue(run("certificates", "3", "--help").contains("received|accepted|rejected"));
    assertTrue(run("certificates", "3", "accepted", "--note", "registry confirms", "--help").contains("--reviewer=R"));
    assertTrue(run("appeal", "3", "--help").contains("--note=STATEMENT"));
    assertTrue(run("decide-appeal", "3", "--outcome", "upheld", "--help").contains("--outcome=OUTCOME"));
  }

  /** Runs a command with every test account's password in the environment. */
  private static String run(String... args) throws Exception {
    return runWithEnv(Map.of(), args);
  }

  private static String runWithEnv(Map<String, String> env, String... args) throws Exception {
    Map<String, String> withPassword = new HashMap<>(env);
    withPassword.put(AccountPassword.ENV, "a long enough password");
    return runWithInput(withPassword, "", args);
  }

  private static String runWithInput(Map<String, String> env, String input, String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new QueueCli(out, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), env, CLOCK).run(args);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
