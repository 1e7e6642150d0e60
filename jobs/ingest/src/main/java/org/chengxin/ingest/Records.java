package org.chengxin.ingest;

import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.GenericRecordAvroTypeInfo;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.validation.EventValidator;

/** The Avro schemas and Flink type information of the tables ingest writes, built once. */
final class Records {
  static final Schema DEAD_LETTER = AvroSchemas.of(EventTables.DEAD_LETTER);
  static final Schema LATE_EVENTS = AvroSchemas.of(EventTables.LATE_EVENTS);
  private static final Map<EventKind, Schema> EVENT_SCHEMAS = new EnumMap<>(EventKind.class);

  static {
    for (EventKind kind : EventKind.values()) {
      EVENT_SCHEMAS.put(kind, AvroSchemas.of(EventValidator.tableOf(kind)));
    }
  }

  private Records() {}

  static Schema schemaOf(EventKind kind) {
    return EVENT_SCHEMAS.get(kind);
  }

  static Schema schemaOf(TableSchema table) {
    for (EventKind kind : EventKind.values()) {
      if (EventValidator.tableOf(kind).equals(table)) {
        return schemaOf(kind);
      }
    }
    return table.equals(EventTables.DEAD_LETTER) ? DEAD_LETTER : LATE_EVENTS;
  }

  /** A {@code dead_letter} row: why a line was rejected, with its (already redacted) raw line and where it came from. */
  static GenericRecord deadLetter(String reason, String detail, EventKind kind, String eventId, String rawLine,
      String sourceFile, long sourceLine) {
    GenericData.Record record = new GenericData.Record(DEAD_LETTER);
    record.put("reason", reason);
    record.put("detail", detail);
    record.put("kind", kind == null ? null : kind.wireName());
    record.put("event_id", eventId);
    record.put("raw_line", rawLine);
    record.put("source_file", sourceFile);
    record.put("source_line", sourceLine);
    return record;
  }

  static TypeInformation<GenericRecord> typeOf(Schema schema) {
    return new GenericRecordAvroTypeInfo(schema);
  }
}
