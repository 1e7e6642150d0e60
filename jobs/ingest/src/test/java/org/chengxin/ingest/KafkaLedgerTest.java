package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KafkaLedgerTest {
  private static final String TRADES = "kafka:chengxin.trade/0";

  /** t1, a bad line, t1 again (a duplicate), t2. */
  private static KafkaLedger produced() {
    KafkaLedger ledger = new KafkaLedger();
    ledger.produced(TRADES, 0, "trade:t1");
    ledger.produced(TRADES, 1, null);
    ledger.produced(TRADES, 2, "trade:t1");
    ledger.produced(TRADES, 3, "trade:t2");
    return ledger;
  }

  @Test
  void aRowForEveryRecordOrADuplicateOfOneWithARowIsExactlyOnce() {
    KafkaLedger ledger = produced();
    ledger.row("trades", TRADES, 0, "trade:t1", true);
    ledger.row("dead_letter", TRADES, 1, null, false);
    ledger.row("late_events", TRADES, 3, "trade:t2", false);
    ObjectNode account = ledger.account();
    assertEquals(3, ledger.rowsAtLeast(), "t1, t2 and the bad line");
    assertEquals(1, account.path("duplicates").asLong());
    assertEquals(3, account.path("records_with_a_row").asLong());
    assertTrue(account.path("exactly_once").asBoolean(), account.toString());
  }

  @Test
  void aLostRecordARecordWrittenTwiceAndAnIdTwiceInATableAreEachCaught() {
    KafkaLedger ledger = produced();
    ledger.row("trades", TRADES, 0, "trade:t1", true);
    ledger.row("dead_letter", TRADES, 1, null, false);
    ObjectNode lost = ledger.account();
    assertEquals(1, lost.path("missing").asLong(), "t2 has no row");
    assertEquals("[\"" + TRADES + "@3\"]", lost.path("missing_examples").toString());
    assertFalse(lost.path("exactly_once").asBoolean());

    ledger.clearRows();
    ledger.row("trades", TRADES, 0, "trade:t1", true);
    ledger.row("trades", TRADES, 0, "trade:t1", true);
    ledger.row("dead_letter", TRADES, 1, null, false);
    ledger.row("trades", TRADES, 3, "trade:t2", true);
    ObjectNode twice = ledger.account();
    assertEquals(1, twice.path("records_with_rows_twice").asLong());
    assertEquals(1, twice.path("event_ids_twice_in_a_table").asLong());
    assertEquals(0, twice.path("missing").asLong());
    assertFalse(twice.path("exactly_once").asBoolean());

    ledger.clearRows();
    ledger.row("trades", TRADES, 0, "trade:t1", true);
    ledger.row("dead_letter", TRADES, 1, null, false);
    ledger.row("trades", TRADES, 3, "trade:t2", true);
    ledger.row("trades", "kafka:chengxin.trade/1", 0, "trade:t9", true);
    assertEquals(1, ledger.account().path("rows_of_no_record").asLong(), "a row of a record never produced");
    assertFalse(ledger.account().path("exactly_once").asBoolean());
  }

  @Test
  void aRecordsEventIsItsKindAndIdAsTheIngestDeduplicatesIt() {
    assertEquals("rating:r1", AuditKafkaIngest.eventOf(bytes("{\"kind\":\"rating\",\"rating_id\":\"r1\",\"trade_id\":\"t1\"}")));
    assertNull(AuditKafkaIngest.eventOf(bytes("{\"kind\":\"rating\",\"trade_id\":\"t1\"}")));
    assertNull(AuditKafkaIngest.eventOf(bytes("{\"kind\":\"trade\",\"trade_id\":")));
    assertNull(AuditKafkaIngest.eventOf(new byte[] {(byte) 0xe9}));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
