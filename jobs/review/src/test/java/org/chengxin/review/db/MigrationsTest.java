package org.chengxin.review.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.chengxin.review.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema migrations under Flyway, on the real embedded PostgreSQL: a fresh database, a second
 * start, an edited applied migration, a database made before Flyway, a database at V2 with
 * penalties, and starts at the same moment.
 */
class MigrationsTest {
  private static final String V1 = "V1__cases_decisions_penalties.sql";

  /** One row of Flyway's history table. */
  record Applied(String version, String type, Integer checksum, boolean success) {}

  @Test
  void aFreshDatabaseGetsEveryMigrationWithItsChecksumAndASecondStartAppliesNothing() throws Exception {
    String url = TestPostgres.emptyDatabaseUrl("migrations_fresh_test");
    List<Applied> expected = new ArrayList<>();
    for (MigrationInfo pending : Flyway.configure().dataSource(url, null, null).locations(ReviewDatabase.MIGRATIONS)
        .load().info().pending()) {
      expected.add(new Applied(pending.getVersion().getVersion(), "SQL", pending.getChecksum(), true));
    }
    assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), expected.stream().map(Applied::version).toList());
    assertEquals(7, expected.stream().map(Applied::checksum).distinct().count());

    assertEquals(7, ReviewDatabase.migrate(url, ReviewDatabase.MIGRATIONS).migrationsExecuted);
    assertEquals(expected, history(url), "each file recorded once, with the checksum of the file");
    assertTrue(exists(url, "cases") && exists(url, "decisions") && exists(url, "penalties"));
    assertTrue(exists(url, "penalty_events") && exists(url, "penalty_status"));
    assertTrue(exists(url, "accounts") && exists(url, "audit_log") && exists(url, "closure_proposals")
        && exists(url, "closure_confirmations"));
    assertFalse(exists(url, "schema_migrations"));

    assertEquals(0, ReviewDatabase.migrate(url, ReviewDatabase.MIGRATIONS).migrationsExecuted);
    assertEquals(expected, history(url), "a second start leaves the history as it was");
  }

  @Test
  void anEditedAppliedMigrationStopsTheStart(@TempDir Path edited) throws Exception {
    String url = TestPostgres.emptyDatabaseUrl("migrations_edited_test");
    ReviewDatabase.at(url);
    List<Applied> applied = history(url);
    try (Stream<Path> files = Files.list(migrationFiles())) {
      for (Path file : files.toList()) {
        Files.copy(file, edited.resolve(file.getFileName()));
      }
    }
    String v1 = Files.readString(edited.resolve(V1));
    String relaxed = v1.replace("CHECK (length(btrim(note)) > 0)", "CHECK (length(note) > 0)");
    assertNotEquals(v1, relaxed);
    Files.writeString(edited.resolve(V1), relaxed);

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> ReviewDatabase.migrate(url, "filesystem:" + edited));
    assertTrue(refused.getMessage().contains("an applied migration file was changed"), refused.getMessage());
    assertTrue(refused.getMessage().contains("checksum mismatch for migration version 1"), refused.getMessage());
    assertEquals(applied, history(url), "nothing recorded");
  }

  @Test
  void aDatabaseFromBeforeFlywayStartsAtItsVersionWithoutRunningV1Again() throws Exception {
    String url = TestPostgres.emptyDatabaseUrl("migrations_before_flyway_test");
    try (Connection c = DriverManager.getConnection(url); Statement statement = c.createStatement()) {
      // What the runner before Flyway left behind: V1's tables, its own record of V1, and a case.
      statement.execute(Files.readString(migrationFiles().resolve(V1)));
      statement.execute("CREATE TABLE schema_migrations ("
          + "version INT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      statement.execute("INSERT INTO schema_migrations (version, name) VALUES (1, '" + V1 + "')");
      statement.execute("INSERT INTO cases (seller_id, status, priority, reasons, evidence, evidence_fingerprint,"
          + " recommended_action, first_flagged, last_flagged, created_at, updated_at) VALUES ('s1', 'open', 1,"
          + " '{counterfeit}', '{}', 'f1', 'warn', '2026-11-01', '2026-11-01', now(), now())");
    }

    MigrateResult upgrade = ReviewDatabase.migrate(url, ReviewDatabase.MIGRATIONS);
    assertEquals(6, upgrade.migrationsExecuted, "V2 to V7: V1 is already there");
    List<Applied> history = history(url);
    assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), history.stream().map(Applied::version).toList());
    assertEquals(List.of("BASELINE", "SQL", "SQL", "SQL", "SQL", "SQL", "SQL"), history.stream().map(Applied::type).toList());
    assertNull(history.get(0).checksum(), "a baseline runs no file");
    assertFalse(exists(url, "schema_migrations"), "Flyway's history replaces the old table");
    try (Connection c = DriverManager.getConnection(url); Statement statement = c.createStatement();
         ResultSet cases = statement.executeQuery("SELECT seller_id, category FROM cases")) {
      assertTrue(cases.next());
      assertEquals("s1", cases.getString(1));
      assertNull(cases.getString(2), "V6: a case synced before categories were carried has none");
    }

    assertEquals(0, ReviewDatabase.migrate(url, ReviewDatabase.MIGRATIONS).migrationsExecuted);
    assertEquals(history, history(url));
  }

  @Test
  void aDatabaseAtV2KeepsItsPenaltiesAndTheirTermsUnderV3() throws Exception {
    String url = TestPostgres.emptyDatabaseUrl("migrations_v2_test");
    Flyway.configure().dataSource(url, null, null).locations(ReviewDatabase.MIGRATIONS).target("2").load().migrate();
    try (Connection c = DriverManager.getConnection(url); Statement statement = c.createStatement()) {
      // A confirmed case with its decision and seven-day closure, as the queue wrote them before V3.
      statement.execute("INSERT INTO cases (seller_id, status, priority, reasons, evidence, evidence_fingerprint,"
          + " recommended_action, first_flagged, last_flagged, assigned_reviewer, taken_at, created_at, updated_at)"
          + " VALUES ('s1', 'confirmed', 1, '{ring}', '{}', 'f1', 'seven_day_closure', '2026-11-01', '2026-11-01',"
          + " 'alice', now(), now(), now())");
      statement.execute("INSERT INTO decisions (case_id, seller_id, reviewer, outcome, note, decided_at)"
          + " VALUES (1, 's1', 'alice', 'confirmed', 'ring', '2026-11-02T09:00:00Z')");
      statement.execute("INSERT INTO penalties (seller_id, case_id, action, starts_on, ends_on, created_at)"
          + " VALUES ('s1', 1, 'seven_day_closure', '2026-11-02', '2026-11-09', '2026-11-02T09:00:00Z')");
    }

    assertEquals(5, ReviewDatabase.migrate(url, ReviewDatabase.MIGRATIONS).migrationsExecuted, "V3 to V7");
    try (Connection c = DriverManager.getConnection(url); Statement statement = c.createStatement();
         ResultSet status = statement.executeQuery("SELECT decided_by, ends_on::text, end_reason, appeal FROM penalty_status")) {
      assertTrue(status.next());
      assertEquals("alice", status.getString(1));
      assertEquals("2026-11-09", status.getString(2), "the term it was imposed with");
      assertEquals("term", status.getString(3));
      assertNull(status.getString(4));
      assertFalse(status.next());
    }
  }

  @Test
  void startsAtTheSameMomentApplyEachMigrationOnce() throws Exception {
    String url = TestPostgres.emptyDatabaseUrl("migrations_together_test");
    int starts = 4;
    CyclicBarrier together = new CyclicBarrier(starts);
    Callable<MigrateResult> start = () -> {
      together.await();
      return ReviewDatabase.migrate(url, ReviewDatabase.MIGRATIONS);
    };
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    int executed = 0;
    try {
      for (Future<MigrateResult> result : pool.invokeAll(Collections.nCopies(starts, start))) {
        executed += result.get().migrationsExecuted;
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(7, executed, "V1 to V7, each by one of the starts");
    assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), history(url).stream().map(Applied::version).toList());
  }

  /** The migration files as the build put them on the test classpath (a directory, target/classes). */
  private static Path migrationFiles() throws Exception {
    return Path.of(ReviewDatabase.class.getResource("migration").toURI());
  }

  private static List<Applied> history(String url) throws SQLException {
    List<Applied> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); Statement statement = c.createStatement();
         ResultSet history = statement.executeQuery(
             "SELECT version, type, checksum, success FROM flyway_schema_history ORDER BY installed_rank")) {
      while (history.next()) {
        rows.add(new Applied(history.getString(1), history.getString(2), (Integer) history.getObject(3),
            history.getBoolean(4)));
      }
    }
    return rows;
  }

  private static boolean exists(String url, String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement statement = c.createStatement();
         ResultSet found = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
      found.next();
      return found.getBoolean(1);
    }
  }
}
