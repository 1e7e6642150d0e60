package org.chengxin.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.db.ReviewDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountStoreTest {
  private static final char[] PASSWORD = "alice's long passphrase".toCharArray();
  private static ReviewDatabase db;
  private AccountStore accounts;
  private AuditLog audit;

  @BeforeAll
  static void database() throws SQLException {
    db = TestPostgres.database("account_store_test");
  }

  @BeforeEach
  void empty() throws SQLException {
    TestPostgres.truncate(db);
    accounts = new AccountStore(db, Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC), new PasswordHash(1024, 1));
    audit = new AuditLog(db);
  }

  @Test
  void anAccountLogsInWithItsPasswordOnlyAndTheHashIsStoredNotThePassword() throws SQLException {
    accounts.create("alice", Role.REVIEWER, PASSWORD, Channel.CONSOLE_USER);

    AccountStore.Login ok = accounts.login("alice", PASSWORD, Channel.CONSOLE);
    assertEquals(AuditAction.LOGIN_OK, ok.result());
    assertEquals(Optional.of(new Account("alice", Role.REVIEWER, 0, false)), ok.account());
    assertEquals(AuditAction.LOGIN_FAILED, accounts.login("alice", "wrong password here".toCharArray(), Channel.CONSOLE).result());
    try (Connection c = db.connection(); Statement statement = c.createStatement();
         ResultSet stored = statement.executeQuery("SELECT password_hash FROM accounts")) {
      stored.next();
      assertTrue(stored.getString(1).startsWith("$argon2id$"));
      assertFalse(stored.getString(1).contains("passphrase"));
    }
  }

  @Test
  void theTenthWrongPasswordLocksTheAccountEvenAgainstTheRightOne() throws SQLException {
    accounts.create("alice", Role.REVIEWER, PASSWORD, Channel.CONSOLE_USER);
    for (int i = 1; i < AccountStore.LOCK_AFTER; i++) {
      assertEquals(AuditAction.LOGIN_FAILED, accounts.login("alice", ("guess number " + i).toCharArray(), Channel.CONSOLE).result());
    }
    assertFalse(accounts.find("alice").orElseThrow().locked(), "nine wrong passwords do not lock");

    accounts.login("alice", "guess number 10".toCharArray(), Channel.CONSOLE);
    assertTrue(accounts.find("alice").orElseThrow().locked());
    AccountStore.Login refused = accounts.login("alice", PASSWORD, Channel.CONSOLE);
    assertEquals(AuditAction.LOGIN_LOCKED, refused.result());
    assertTrue(refused.account().isEmpty());

    accounts.unlock("alice", Channel.CONSOLE_USER);
    assertEquals(AuditAction.LOGIN_OK, accounts.login("alice", PASSWORD, Channel.CONSOLE).result());
  }

  @Test
  void aGoodLoginResetsTheCountOfWrongPasswords() throws SQLException {
    accounts.create("alice", Role.REVIEWER, PASSWORD, Channel.CONSOLE_USER);
    for (int i = 0; i < AccountStore.LOCK_AFTER - 1; i++) {
      accounts.login("alice", "a wrong password".toCharArray(), Channel.CONSOLE);
    }
    accounts.login("alice", PASSWORD, Channel.CONSOLE);

    assertEquals(0, accounts.find("alice").orElseThrow().failedLogins());
    accounts.login("alice", "a wrong password".toCharArray(), Channel.CONSOLE);
    assertFalse(accounts.find("alice").orElseThrow().locked());
  }

  @Test
  void everyAttemptIsAuditedAndAnUnknownNameIsNotKept() throws SQLException {
    accounts.create("alice", Role.LEAD, PASSWORD, Channel.CONSOLE_USER);
    accounts.login("alice", PASSWORD, Channel.CONSOLE);
    accounts.login("mallory-typed-her-password", PASSWORD, Channel.QUEUE);

    List<AuditEntry> entries = audit.entries(Optional.empty(), 10);
    assertEquals(List.of(AuditAction.LOGIN_FAILED, AuditAction.LOGIN_OK, AuditAction.ACCOUNT_CREATED),
        entries.stream().map(AuditEntry::action).toList());
    assertNull(entries.get(0).actor());
    assertEquals("no such account", entries.get(0).detail());
    assertEquals(Channel.QUEUE, entries.get(0).channel());
    assertEquals("role lead", entries.get(2).detail());
  }

  @Test
  void aNameIsTakenOnceAndMustBeAReviewerName() throws SQLException {
    accounts.create("alice", Role.REVIEWER, PASSWORD, Channel.CONSOLE_USER);

    assertEquals("there is already an account named alice",
        assertThrows(ReviewException.class, () -> accounts.create("alice", Role.ADMIN, PASSWORD, Channel.CONSOLE_USER)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> accounts.create("<alice>", Role.ADMIN, PASSWORD, Channel.CONSOLE_USER));
  }

  @Test
  void theAuditLogCannotBeRewritten() throws SQLException {
    accounts.create("alice", Role.REVIEWER, PASSWORD, Channel.CONSOLE_USER);
    try (Connection c = db.connection(); Statement statement = c.createStatement()) {
      SQLException update = assertThrows(SQLException.class, () -> statement.execute("UPDATE audit_log SET actor = 'bob'"));
      assertTrue(update.getMessage().contains("audit_log is append-only history"), update.getMessage());
      SQLException delete = assertThrows(SQLException.class, () -> statement.execute("DELETE FROM audit_log"));
      assertTrue(delete.getMessage().contains("audit_log is append-only history"), delete.getMessage());
    }
  }
}
