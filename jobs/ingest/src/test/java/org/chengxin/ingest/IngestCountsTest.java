package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.chengxin.core.validation.RejectReason;
import org.junit.jupiter.api.Test;

class IngestCountsTest {

  @Test
  void summarisesPerKindAndInTotal() {
    Map<String, Object> acc = new HashMap<>();
    acc.put("trade.read", 10L);
    acc.put("trade.accepted", 6L);
    acc.put(IngestCounts.rejected("trade", RejectReason.OUT_OF_RANGE), 2L);
    acc.put("trade.duplicates", 1L);
    acc.put("trade.late", 1L);
    acc.put("unreadable.read", 3L);
    acc.put(IngestCounts.rejected(IngestCounts.UNREADABLE, RejectReason.MALFORMED_JSON), 3L);
    acc.put("rating.read", 2L);
    acc.put("rating.accepted", 2L);
    acc.put("rating.unknown_trade", 1L);
    ObjectNode summary = IngestCounts.summarise(acc);
    assertEquals(15, summary.path("totals").path("read").asLong());
    assertEquals(5, summary.path("totals").path("rejected").asLong());
    assertEquals(2, summary.path("kinds").path("trade").path("rejected_by_reason").path("out_of_range").asLong());
    assertEquals(1, summary.path("kinds").path("rating").path("unknown_trade").asLong());
    assertTrue(summary.path("reconciled").asBoolean());
  }

  @Test
  void refusesCountsThatDoNotReconcile() {
    Map<String, Object> acc = Map.of("complaint.read", 5L, "complaint.accepted", 3L, "complaint.duplicates", 1L);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> IngestCounts.summarise(acc));
    assertTrue(e.getMessage().contains("complaint: read 5"), e.getMessage());
  }
}
