package org.chengxin.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.validation.EventValidator;

/**
 * Writers of Parquet tables (FileSinks, and a backfill's {@link WriteDayPartitions}): event tables
 * straight from packed rows ({@link EventRowWriteSupport}), dead letters and late events through
 * flink-parquet's Avro writer. Part files are named
 * {@code part-*.parquet}; in-progress files start with a dot, so Spark, Trino and DuckDB never read
 * them. Bulk formats roll on every checkpoint, which is what makes continuous output exactly once.
 */
final class TableSinks {
  private static final OutputFileConfig PARTS =
      OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build();

  private static final Set<String> LOW_CARDINALITY_UNITS = Set.of("enum", "slug", "ISO 4217", "path", "reason code");

  /** The event time (UTC epoch ms) whose day is a row's ds partition. */
  interface EventTime<T> extends Serializable {
    long of(T row);
  }

  private TableSinks() {}

  /** A bounded run's sink: every file straight into the table's staging directory for the day. */
  static <T> FileSink<T> staged(BulkWriter.Factory<T> format, String stagingPath) {
    return FileSink.forBulkFormat(new Path(stagingPath), format)
        .withBucketAssigner(new BasePathBucketAssigner<>())
        .withOutputFileConfig(PARTS)
        .build();
  }

  /**
   * A backfill's writer of a table whose rows go to the UTC day of their event time, into
   * {@code stagingRoot/ds=YYYY-MM-DD/}: keyed by that day, so that a BATCH run sorts the rows by
   * day and each subtask has one file open at a time ({@link WriteDayPartitions}).
   */
  static <T> SingleOutputStreamOperator<Void> stagedByDay(DataStream<T> rows, BulkWriter.Factory<T> format,
      String stagingRoot, EventTime<T> eventTime) {
    return rows.keyBy(row -> LatePolicy.dayOf(eventTime.of(row)), Types.LONG)
        .transform("WriteDayPartitions", Types.VOID, new WriteDayPartitions<>(format, stagingRoot, eventTime));
  }

  /**
   * A continuous run's sink into the live table: {@code ds=} the UTC day of the event time, or of
   * processing time when eventTime is null (dead letters and late events).
   */
  static <T> FileSink<T> live(BulkWriter.Factory<T> format, String tablePath, EventTime<T> eventTime) {
    return FileSink.forBulkFormat(new Path(tablePath), format)
        .withBucketAssigner(new DayBucketAssigner<>(eventTime))
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(PARTS)
        .build();
  }

  /** Parquet of one event kind's table, written from packed rows. */
  static ParquetWriterFactory<ValidEvent> eventParquet(EventKind kind) {
    List<String> dictionaryColumns = dictionaryColumns(EventValidator.tableOf(kind));
    return new ParquetWriterFactory<>(out -> configure(new EventRowWriteSupport.Builder(out, kind), dictionaryColumns).build());
  }

  /** Parquet of a table written from Avro records (dead letters, late events). */
  static ParquetWriterFactory<GenericRecord> avroParquet(TableSchema table) {
    String json = Records.schemaOf(table).toString();
    List<String> dictionaryColumns = dictionaryColumns(table);
    return new ParquetWriterFactory<>(out -> configure(AvroParquetWriter.<GenericRecord>builder(out)
        .withSchema(new Schema.Parser().parse(json))
        .withDataModel(GenericData.get()), dictionaryColumns).build());
  }

  /**
   * Snappy, as Spark writes by default. Dictionary encoding only for low-cardinality columns
   * (enums, slugs, currencies, paths): on ids and keys, which are nearly all distinct, it costs a
   * hash lookup per value and then falls back to plain encoding anyway. An empty Hadoop
   * configuration: the writer reads only Parquet's own keys, whose defaults are in its code, while
   * Hadoop's default configuration parses its XML files anew for every file written (about 20 ms
   * each: most of a backfill's time when it writes one small file per day).
   */
  private static <T, B extends ParquetWriter.Builder<T, B>> B configure(B builder, List<String> dictionaryColumns) {
    B configured = builder.withConf(new Configuration(false))
        .withCompressionCodec(CompressionCodecName.SNAPPY).withDictionaryEncoding(false);
    for (String column : dictionaryColumns) {
      configured = configured.withDictionaryEncoding(column, true);
    }
    return configured;
  }

  private static List<String> dictionaryColumns(TableSchema table) {
    return table.columns().stream().filter(c -> LOW_CARDINALITY_UNITS.contains(c.unit())).map(Column::name).toList();
  }

  /** Buckets rows into {@code ds=YYYY-MM-DD} by their event time; without one, by processing time. */
  static final class DayBucketAssigner<T> implements BucketAssigner<T, String> {
    private static final long serialVersionUID = 1L;
    private final EventTime<T> eventTime;

    DayBucketAssigner(EventTime<T> eventTime) {
      this.eventTime = eventTime;
    }

    @Override
    public String getBucketId(T row, Context context) {
      long millis = eventTime == null ? context.currentProcessingTime() : eventTime.of(row);
      return "ds=" + LocalDate.ofEpochDay(LatePolicy.dayOf(millis));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
      return SimpleVersionedStringSerializer.INSTANCE;
    }
  }
}
