package org.chengxin.review.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.chengxin.core.cli.UsageException;
import org.chengxin.review.AccountStore;
import org.chengxin.review.AuditAction;
import org.chengxin.review.Channel;
import org.chengxin.review.PasswordHash;
import org.chengxin.review.db.ReviewDatabase;
import org.chengxin.review.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsoleUserCliTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T09:30:00Z"), ZoneOffset.UTC);
  private static String url;

  @BeforeAll
  static void database() throws Exception {
    url = TestPostgres.emptyDatabaseUrl("console_user_cli_test");
  }

  @Test
  void anAccountIsCreatedWithThePasswordFromStandardInputOrTheEnvironment() throws Exception {
    assertEquals("created account root (admin)\n",
        run("first admin's password\n", Map.of(), "add", "--name", "root", "--role", "admin", "--db-url", url));
    assertEquals("created account alice (reviewer)\n", run("", Map.of(AccountPassword.ENV, "alice's passphrase"),
        "add", "--name", "alice", "--role", "reviewer", "--db-url", url));

    AccountStore accounts = new AccountStore(ReviewDatabase.at(url), CLOCK, new PasswordHash());
    assertEquals(AuditAction.LOGIN_OK, accounts.login("root", "first admin's password".toCharArray(), Channel.CONSOLE).result());
    assertEquals(AuditAction.LOGIN_OK, accounts.login("alice", "alice's passphrase".toCharArray(), Channel.CONSOLE).result());
    assertEquals("alice\treviewer\nroot\tadmin\n", run("", Map.of(), "list", "--db-url", url));
  }

  @Test
  void aMissingOrShortPasswordAndAnUnknownRoleAreRefused() {
    assertTrue(assertThrows(UsageException.class, () -> run("", Map.of(), "add", "--name", "bob", "--role", "lead", "--db-url", url))
        .getMessage().startsWith("no password"));
    assertEquals("a password has 12 to 1024 characters, got 5", assertThrows(UsageException.class,
        () -> run("short\n", Map.of(), "add", "--name", "bob", "--role", "lead", "--db-url", url)).getMessage());
    assertTrue(assertThrows(UsageException.class,
        () -> run("long enough password\n", Map.of(), "add", "--name", "bob", "--role", "boss", "--db-url", url))
        .getMessage().contains("reviewer|lead|analyst|admin"));
  }

  private static String run(String stdin, Map<String, String> env, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConsoleUserCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, CLOCK).run(args);
    return out.toString(StandardCharsets.UTF_8);
  }
}
