package org.chengxin.ingest;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.validation.EventValidator;

/**
 * Turns accepted events of one kind into Avro records for the Parquet writer, counting them as
 * accepted: this is the last step before the table. The output record is reused (the writer
 * consumes it before the next one; object reuse is on).
 */
public final class ToRecord extends RichMapFunction<ValidEvent, GenericRecord> {
  private static final long serialVersionUID = 1L;

  private final EventKind kind;
  private transient RowCodec codec;
  private transient GenericData.Record record;
  private transient KindCounters accepted;
  private transient ProgressLog progress;

  public ToRecord(EventKind kind) {
    this.kind = kind;
  }

  @Override
  public void open(OpenContext openContext) {
    codec = new RowCodec(EventValidator.tableOf(kind));
    record = new GenericData.Record(Records.schemaOf(kind));
    accepted = new KindCounters(getRuntimeContext(), IngestCounts.ACCEPTED);
    progress = new ProgressLog("write " + kind.table(), getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
  }

  @Override
  public GenericRecord map(ValidEvent event) {
    codec.decode(event, record);
    accepted.add(event.kind);
    progress.add();
    return record;
  }

  @Override
  public void close() {
    progress.finish();
  }
}
