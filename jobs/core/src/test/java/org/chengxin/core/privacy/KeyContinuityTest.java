package org.chengxin.core.privacy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.core.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints tell keys apart without showing them; a warehouse keeps to one key unless told. */
class KeyContinuityTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
  private static final String KEY_A = "a-production-key-of-enough-length";
  private static final String KEY_B = "another-production-key-entirely";

  @TempDir Path temp;

  private static String fingerprint(String key) {
    return new Pseudonymiser(key.getBytes(StandardCharsets.UTF_8)).fingerprint();
  }

  private static void record(Warehouse warehouse, LocalDate day, String job, String fingerprint) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode().put("status", "succeeded");
    if (fingerprint != null) {
      entry.put(KeyContinuity.SUMMARY_FIELD, fingerprint);
    }
    new RunSummaries(warehouse).record(day, job, entry);
  }

  @Test
  void aFingerprintIsStableShortAndSaysNothingOfTheKey() {
    assertEquals(fingerprint(KEY_A), fingerprint(KEY_A));
    assertNotEquals(fingerprint(KEY_A), fingerprint(KEY_B));
    assertEquals(16, fingerprint(KEY_A).length());
    assertFalse(KEY_A.contains(fingerprint(KEY_A)));
  }

  @Test
  void theLatestOtherDayDecides() {
    Warehouse warehouse = Warehouse.local(temp.toString());
    record(warehouse, DAY.minusDays(2), "ingest", fingerprint(KEY_B));
    record(warehouse, DAY.minusDays(1), "ingest", fingerprint(KEY_A));
    record(warehouse, DAY.minusDays(1), "seller_scores", null);
    record(warehouse, DAY, "ingest", fingerprint(KEY_B));
    assertEquals(Optional.of(new KeyContinuity.Recorded(DAY.minusDays(1), fingerprint(KEY_A))),
        KeyContinuity.latestOutside(warehouse, "ingest", DAY, DAY), "the run's own day is being rewritten");

    assertDoesNotThrow(() -> KeyContinuity.require(warehouse, "ingest", DAY, DAY, fingerprint(KEY_A), false));
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> KeyContinuity.require(warehouse, "ingest", DAY, DAY, fingerprint(KEY_B), false));
    assertTrue(refused.getMessage().contains("--accept-new-pseudonym-key"), refused.getMessage());
    assertTrue(refused.getMessage().contains(DAY.minusDays(1).toString()), refused.getMessage());
    assertFalse(refused.getMessage().contains(KEY_B), "the key itself is never shown");
    assertDoesNotThrow(() -> KeyContinuity.require(warehouse, "ingest", DAY, DAY, fingerprint(KEY_B), true));
  }

  @Test
  void aNewWarehouseOrOneFromBeforeFingerprintsAcceptsAnyKey() {
    Warehouse warehouse = Warehouse.local(temp.toString());
    assertEquals(Optional.empty(), KeyContinuity.latestOutside(warehouse, "ingest", DAY, DAY));
    record(warehouse, DAY.minusDays(3), "ingest", fingerprint(KEY_A));
    record(warehouse, DAY.minusDays(1), "ingest", null);
    assertEquals(Optional.empty(), KeyContinuity.latestOutside(warehouse, "ingest", DAY, DAY),
        "the latest run recorded no fingerprint: nothing to compare with");
    assertDoesNotThrow(() -> KeyContinuity.require(warehouse, "ingest", DAY, DAY, fingerprint(KEY_B), false));
  }
}
