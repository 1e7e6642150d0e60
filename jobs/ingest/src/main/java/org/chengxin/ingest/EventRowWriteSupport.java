package org.chengxin.ingest;

import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.validation.EventValidator;

/**
 * Writes accepted events of one kind straight from their packed row ({@link RowCodec#write}) into
 * Parquet, with no Avro record in between (building one per event was a fifth of an ingest
 * profile). The file schema is the one the Avro writer derives from the table's Avro schema, and
 * the footer carries that Avro schema as the Avro writer's does, so readers see the same files.
 */
final class EventRowWriteSupport extends WriteSupport<ValidEvent> {
  /** The footer key under which parquet-avro keeps a file's Avro schema. */
  private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
  /**
   * Each kind's Parquet schema and footer, derived once: a backfill opens a file per table and day
   * (1,647 for Bitcoin Alpha), and converting and printing the Avro schema for each of them was
   * about a third of the profile samples spent opening files.
   */
  private static final Map<EventKind, MessageType> FILE_SCHEMAS = new EnumMap<>(EventKind.class);
  private static final Map<EventKind, Map<String, String>> FOOTERS = new EnumMap<>(EventKind.class);

  static {
    for (EventKind kind : EventKind.values()) {
      Schema avro = Records.schemaOf(kind);
      FILE_SCHEMAS.put(kind, new AvroSchemaConverter().convert(avro));
      FOOTERS.put(kind, Map.of(AVRO_SCHEMA_KEY, avro.toString()));
    }
  }

  private final EventKind kind;
  private final RowCodec codec;
  private RecordConsumer consumer;

  EventRowWriteSupport(EventKind kind) {
    this.kind = kind;
    this.codec = new RowCodec(EventValidator.tableOf(kind));
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(FILE_SCHEMAS.get(kind), FOOTERS.get(kind));
  }

  /** The object model named in the footer: parquet-avro's, whose schema conventions these files follow. */
  @Override
  public String getName() {
    return "avro";
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(ValidEvent event) {
    codec.write(event, consumer);
  }

  /** A Parquet writer of one event kind's table. */
  static final class Builder extends ParquetWriter.Builder<ValidEvent, Builder> {
    private final EventKind kind;

    Builder(OutputFile file, EventKind kind) {
      super(file);
      this.kind = kind;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<ValidEvent> getWriteSupport(Configuration configuration) {
      return new EventRowWriteSupport(kind);
    }

    @Override
    protected WriteSupport<ValidEvent> getWriteSupport(ParquetConfiguration configuration) {
      return new EventRowWriteSupport(kind);
    }
  }
}
