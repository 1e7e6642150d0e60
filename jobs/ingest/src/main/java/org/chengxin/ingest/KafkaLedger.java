package org.chengxin.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The account of a Kafka ingest: every record produced to the event topics against the rows the
 * tables hold. Exactly once means: every record has exactly one row (an event table's,
 * {@code dead_letter}'s or {@code late_events}'), or none because it is a repeated delivery of an
 * event that has one (a duplicate, counted and dropped by the ingest); no row names a record that
 * was not produced; and no event id is twice in an event table.
 */
final class KafkaLedger {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXAMPLES = 5;

  /** A topic partition's records by offset: their event (kind:id, null when unreadable) and their rows. */
  private static final class Partition {
    String[] events = new String[1024];
    int[] rows = new int[1024];
    int size;

    void grow(int offset) {
      if (offset >= events.length) {
        int capacity = Math.max(offset + 1, events.length * 2);
        events = Arrays.copyOf(events, capacity);
        rows = Arrays.copyOf(rows, capacity);
      }
      size = Math.max(size, offset + 1);
    }
  }

  private final Map<String, Partition> partitions = new HashMap<>();
  private long records;
  private final Map<String, Long> rowsByTable = new TreeMap<>();
  private final Set<String> eventsWithRows = new HashSet<>();
  private final Set<String> eventTableIds = new HashSet<>();
  private long unknownRows;
  private long idsTwice;

  /** A produced record at {@code offset} of {@code source} (KafkaRawLines' provenance), its event kind:id or null. */
  void produced(String source, long offset, String event) {
    Partition p = partitions.computeIfAbsent(source, s -> new Partition());
    p.grow(Math.toIntExact(offset));
    p.events[(int) offset] = event;
    records++;
  }

  /**
   * The fewest rows the tables hold once every record is accounted for: one per distinct event, one
   * per record naming none (a dead letter). Fewer committed rows: records are surely still missing.
   */
  long rowsAtLeast() {
    Set<String> events = new HashSet<>();
    long unnamed = 0;
    for (Partition p : partitions.values()) {
      for (int offset = 0; offset < p.size; offset++) {
        if (p.events[offset] == null) {
          unnamed++;
        } else {
          events.add(p.events[offset]);
        }
      }
    }
    return events.size() + unnamed;
  }

  /** Forgets the rows, to account for the tables read again. */
  void clearRows() {
    partitions.values().forEach(p -> Arrays.fill(p.rows, 0));
    rowsByTable.clear();
    eventsWithRows.clear();
    eventTableIds.clear();
    unknownRows = 0;
    idsTwice = 0;
  }

  /**
   * A row of {@code table} made from the record at {@code offset} of {@code source}.
   *
   * @param event the row's kind:id, null when it has none (a dead letter of an unreadable line)
   * @param eventTable whether the table is an event table (where an id must be once)
   */
  void row(String table, String source, long offset, String event, boolean eventTable) {
    rowsByTable.merge(table, 1L, Long::sum);
    Partition p = partitions.get(source);
    if (p == null || offset < 0 || offset >= p.size) {
      unknownRows++;
    } else {
      p.rows[(int) offset]++;
    }
    if (event != null) {
      eventsWithRows.add(event);
      if (eventTable && !eventTableIds.add(event)) {
        idsTwice++;
      }
    }
  }

  /** The account: counts, a few examples of what broke it, and {@code exactly_once}. */
  ObjectNode account() {
    long withRow = 0;
    long duplicates = 0;
    long missing = 0;
    long twice = 0;
    ObjectNode result = JSON.createObjectNode();
    var missingExamples = JSON.createArrayNode();
    var twiceExamples = JSON.createArrayNode();
    for (Map.Entry<String, Partition> entry : new TreeMap<>(partitions).entrySet()) {
      Partition p = entry.getValue();
      for (int offset = 0; offset < p.size; offset++) {
        int rows = p.rows[offset];
        if (rows == 0 && p.events[offset] != null && eventsWithRows.contains(p.events[offset])) {
          duplicates++;
        } else if (rows == 0) {
          missing++;
          if (missingExamples.size() < EXAMPLES) {
            missingExamples.add(entry.getKey() + "@" + offset);
          }
        } else {
          withRow++;
          if (rows > 1) {
            twice++;
            if (twiceExamples.size() < EXAMPLES) {
              twiceExamples.add(entry.getKey() + "@" + offset);
            }
          }
        }
      }
    }
    result.put("records", records).put("records_with_a_row", withRow).put("duplicates", duplicates)
        .put("missing", missing).put("records_with_rows_twice", twice).put("rows_of_no_record", unknownRows)
        .put("event_ids_twice_in_a_table", idsTwice);
    ObjectNode tables = result.putObject("rows");
    rowsByTable.forEach(tables::put);
    result.set("missing_examples", missingExamples);
    result.set("twice_examples", twiceExamples);
    result.put("exactly_once", records > 0 && missing == 0 && twice == 0 && unknownRows == 0 && idsTwice == 0);
    return result;
  }
}
