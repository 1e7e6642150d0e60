package org.chengxin.review.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chengxin.review.CaseStore;
import org.chengxin.review.Evidence;
import org.chengxin.review.FlaggedSeller;
import org.chengxin.review.RecommendedAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server asks every connection for a password (SCRAM), the applications connect as a
 * role that is no superuser and can only read and write rows, and a warehouse whose server trusted
 * every local connection is moved to passwords when started, its data intact.
 */
class PasswordAuthenticationTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  @Test
  void aConnectionWithoutThePasswordIsRefusedAndTheApplicationRoleIsNoSuperuser(@TempDir Path warehouse) throws Exception {
    EmbeddedPostgres server = EmbeddedPostgres.inWarehouse(warehouse);
    try {
      ReviewDatabase db = ReviewDatabase.open(Optional.empty(), warehouse);
      String superuser = server.start();

      assertRefusedWithoutPassword(superuser);
      assertRefusedWithoutPassword(server.applicationUrl());
      SQLException wrong = assertThrows(SQLException.class,
          () -> DriverManager.getConnection(superuser.replaceFirst("password=[0-9a-f]+", "password=guessed")));
      assertEquals("28P01", wrong.getSQLState(), "invalid password");
      try (Connection c = db.connection(); Statement sql = c.createStatement(); ResultSet role = sql.executeQuery(
          "SELECT current_user, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
        role.next();
        assertEquals(List.of(EmbeddedPostgres.APPLICATION_ROLE, false, false, false),
            List.of(role.getString(1), role.getBoolean(2), role.getBoolean(3), role.getBoolean(4)));
        for (String ddl : List.of("SELECT rolpassword FROM pg_authid", "DROP TABLE audit_log", "ALTER TABLE audit_log DISABLE TRIGGER ALL", "CREATE TABLE mine (x int)",
            "DELETE FROM flyway_schema_history")) {
          SQLException refused = assertThrows(SQLException.class, () -> sql.execute(ddl), ddl);
          assertEquals("42", refused.getSQLState().substring(0, 2), ddl + ": " + refused.getMessage());
        }
      }
      new CaseStore(db, Clock.systemUTC()).sync(DAY, List.of(flagged("s1")));
      assertEquals(1, new CaseStore(db, Clock.systemUTC()).list(Optional.empty(), 10).size(), "rows it may read and write");
      try (Connection c = DriverManager.getConnection(superuser); Statement sql = c.createStatement();
           ResultSet verifier = sql.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + EmbeddedPostgres.APPLICATION_ROLE + "'")) {
        verifier.next();
        assertTrue(verifier.getString(1).startsWith("SCRAM-SHA-256$"), "a SCRAM verifier, never the password");
      }
      for (String secret : List.of("superuser.password", "application.password")) {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.home().resolve(secret))));
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void aWarehouseWhoseServerTrustedLocalConnectionsIsMovedToPasswords(@TempDir Path warehouse) throws Exception {
    EmbeddedPostgres server = EmbeddedPostgres.inWarehouse(warehouse);
    try {
      new CaseStore(ReviewDatabase.open(Optional.empty(), warehouse), Clock.systemUTC()).sync(DAY, List.of(flagged("s1")));
      server.stop();
      // As an earlier version left it: every local connection trusted, and no password files.
      Path hba = server.home().resolve("data/pg_hba.conf");
      Files.writeString(hba, Files.readString(hba).replace("scram-sha-256", "trust"));
      Files.delete(server.home().resolve("superuser.password"));
      Files.delete(server.home().resolve("application.password"));
      String superuser = server.start();

      assertFalse(Files.readString(hba).lines().anyMatch(line -> !line.startsWith("#") && line.endsWith("trust")), Files.readString(hba));
      assertRefusedWithoutPassword(superuser);
      ReviewDatabase db = ReviewDatabase.open(Optional.empty(), warehouse);
      assertEquals(List.of("s1"), new CaseStore(db, Clock.systemUTC()).list(Optional.empty(), 10).stream().map(c -> c.sellerId()).toList(),
          "the queue's rows are intact");
    } finally {
      server.stop();
    }
  }

  private static void assertRefusedWithoutPassword(String url) {
    String withoutPassword = url.replaceFirst("&password=[0-9a-f]+", "");
    assertFalse(withoutPassword.contains("password"));
    assertThrows(SQLException.class, () -> DriverManager.getConnection(withoutPassword).close(), withoutPassword);
  }

  private static FlaggedSeller flagged(String seller) {
    Evidence evidence = new Evidence(List.of("R1"), List.of(), List.of(), List.of());
    return new FlaggedSeller(seller, 1, List.of("in a ring"), evidence, RecommendedAction.WARN, DAY, DAY, evidence.fingerprint());
  }
}
