package org.chengxin.ingest;

import java.time.LocalDate;
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

/**
 * FileSinks writing Parquet through flink-parquet. Part files are named {@code part-*.parquet};
 * in-progress files start with a dot, so Spark, Trino and DuckDB never read them. Bulk formats
 * roll on every checkpoint, which is what makes continuous output exactly once.
 */
final class TableSinks {
  private static final OutputFileConfig PARTS =
      OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(".parquet").build();

  private TableSinks() {}

  /** A bounded run's sink: every file straight into the table's staging directory for the day. */
  static FileSink<GenericRecord> staged(Schema schema, String stagingPath) {
    return FileSink.forBulkFormat(new Path(stagingPath), parquet(schema))
        .withBucketAssigner(new BasePathBucketAssigner<>())
        .withOutputFileConfig(PARTS)
        .build();
  }

  /**
   * A continuous run's sink into the live table: {@code ds=} the UTC day of {@code timeColumn},
   * or of processing time when timeColumn is null (dead letters and late events).
   */
  static FileSink<GenericRecord> live(Schema schema, String tablePath, String timeColumn) {
    return FileSink.forBulkFormat(new Path(tablePath), parquet(schema))
        .withBucketAssigner(new DayBucketAssigner(timeColumn))
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(PARTS)
        .build();
  }

  // Snappy: cheap to write, and what Spark writes by default.
  static ParquetWriterFactory<GenericRecord> parquet(Schema schema) {
    String json = schema.toString();
    return new ParquetWriterFactory<>(
        out -> AvroParquetWriter.<GenericRecord>builder(out)
            .withSchema(new Schema.Parser().parse(json))
            .withDataModel(GenericData.get())
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build());
  }

  /** Buckets records into {@code ds=YYYY-MM-DD} by an event-time column or by processing time. */
  static final class DayBucketAssigner implements BucketAssigner<GenericRecord, String> {
    private static final long serialVersionUID = 1L;
    private final String timeColumn;

    DayBucketAssigner(String timeColumn) {
      this.timeColumn = timeColumn;
    }

    @Override
    public String getBucketId(GenericRecord record, Context context) {
      long millis = timeColumn == null ? context.currentProcessingTime() : (Long) record.get(timeColumn);
      return "ds=" + LocalDate.ofEpochDay(LatePolicy.dayOf(millis));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
      return SimpleVersionedStringSerializer.INSTANCE;
    }
  }
}
