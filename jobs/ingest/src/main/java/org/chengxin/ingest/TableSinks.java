package org.chengxin.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.formats.parquet.ParquetWriterFactory;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.TableSchema;

/**
 * FileSinks writing Parquet through flink-parquet. Part files are named {@code part-*.parquet};
 * in-progress files start with a dot, so Spark, Trino and DuckDB never read them. Bulk formats
 * roll on every checkpoint, which is what makes continuous output exactly once.
 */
final class TableSinks {
  private static final OutputFileConfig PARTS =
      OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build();

  private static final Set<String> LOW_CARDINALITY_UNITS = Set.of("enum", "slug", "ISO 4217", "path", "reason code");

  private TableSinks() {}

  /** A bounded run's sink: every file straight into the table's staging directory for the day. */
  static FileSink<GenericRecord> staged(TableSchema table, String stagingPath) {
    return FileSink.forBulkFormat(new Path(stagingPath), parquet(Records.schemaOf(table), table))
        .withBucketAssigner(new BasePathBucketAssigner<>())
        .withOutputFileConfig(PARTS)
        .build();
  }

  /**
   * A backfill's sink: files into {@code stagingRoot/ds=YYYY-MM-DD/} by the UTC day of
   * {@code timeColumn}, or all into {@code ds=runDay} when timeColumn is null (dead letters, late events).
   */
  static FileSink<GenericRecord> stagedByDay(TableSchema table, String stagingRoot, String timeColumn, LocalDate runDay) {
    return FileSink.forBulkFormat(new Path(stagingRoot), parquet(Records.schemaOf(table), table))
        .withBucketAssigner(new DayBucketAssigner(timeColumn, runDay))
        .withOutputFileConfig(PARTS)
        .build();
  }

  /**
   * A continuous run's sink into the live table: {@code ds=} the UTC day of {@code timeColumn},
   * or of processing time when timeColumn is null (dead letters and late events).
   */
  static FileSink<GenericRecord> live(TableSchema table, String tablePath, String timeColumn) {
    return FileSink.forBulkFormat(new Path(tablePath), parquet(Records.schemaOf(table), table))
        .withBucketAssigner(new DayBucketAssigner(timeColumn, null))
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(PARTS)
        .build();
  }

  /**
   * Snappy, as Spark writes by default. Dictionary encoding only for low-cardinality columns
   * (enums, slugs, currencies, paths): on ids and keys, which are nearly all distinct, it costs a
   * hash lookup per value and then falls back to plain encoding anyway.
   */
  static ParquetWriterFactory<GenericRecord> parquet(Schema schema, TableSchema table) {
    String json = schema.toString();
    List<String> dictionaryColumns = table.columns().stream()
        .filter(c -> LOW_CARDINALITY_UNITS.contains(c.unit())).map(Column::name).toList();
    return new ParquetWriterFactory<>(out -> {
      AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(out)
          .withSchema(new Schema.Parser().parse(json))
          .withDataModel(GenericData.get())
          .withCompressionCodec(CompressionCodecName.SNAPPY)
          .withDictionaryEncoding(false);
      for (String column : dictionaryColumns) {
        builder = builder.withDictionaryEncoding(column, true);
      }
      return builder.build();
    });
  }

  /**
   * Buckets records into {@code ds=YYYY-MM-DD} by an event-time column; without one, into
   * {@code fixedDay} if given, else by processing time.
   */
  static final class DayBucketAssigner implements BucketAssigner<GenericRecord, String> {
    private static final long serialVersionUID = 1L;
    private final String timeColumn;
    private final LocalDate fixedDay;

    DayBucketAssigner(String timeColumn, LocalDate fixedDay) {
      this.timeColumn = timeColumn;
      this.fixedDay = fixedDay;
    }

    @Override
    public String getBucketId(GenericRecord record, Context context) {
      if (timeColumn == null && fixedDay != null) {
        return "ds=" + fixedDay;
      }
      long millis = timeColumn == null ? context.currentProcessingTime() : (Long) record.get(timeColumn);
      return "ds=" + LocalDate.ofEpochDay(LatePolicy.dayOf(millis));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
      return SimpleVersionedStringSerializer.INSTANCE;
    }
  }
}
