package org.chengxin.ingest;

import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A backfill's writer of one table: rows into {@code stagingRoot/ds=YYYY-MM-DD/part-*.parquet} by
 * the UTC day of their event time, with <b>one file open at a time</b>. It runs keyed by that day
 * ({@link TableSinks#stagedByDay}) in a BATCH job, which hands it every row of one day before the next day's, so
 * it finishes a day's file before it opens the next: memory and open files stay those of one
 * writer however many days the run owns (a writer per day held open took about 2 MB each, and a
 * 3,417-day history ran out of a 6 GB heap). Files go to a staging directory that the job swaps in
 * only after it succeeded, so a failed run leaves half-written files only where they are discarded.
 */
final class WriteDayPartitions<T> extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<T, Void>, BoundedOneInput {
  private static final long serialVersionUID = 1L;
  private static final long NO_DAY = Long.MIN_VALUE;

  private final BulkWriter.Factory<T> format;
  private final String stagingRoot;
  private final TableSinks.EventTime<T> eventTime;
  private transient long openDay;
  private transient int filesOpened;
  private transient FSDataOutputStream out;
  private transient BulkWriter<T> writer;

  WriteDayPartitions(BulkWriter.Factory<T> format, String stagingRoot, TableSinks.EventTime<T> eventTime) {
    this.format = format;
    this.stagingRoot = stagingRoot;
    this.eventTime = eventTime;
  }

  @Override
  public void open() throws Exception {
    super.open();
    openDay = NO_DAY;
  }

  @Override
  public void processElement(StreamRecord<T> element) throws Exception {
    T row = element.getValue();
    long day = LatePolicy.dayOf(eventTime.of(row));
    if (day != openDay) {
      finishFile();
      openFile(day);
    }
    writer.addElement(row);
  }

  @Override
  public void endInput() throws Exception {
    finishFile();
  }

  /** A failed run: the open file is abandoned (its staging directory is discarded by the job). */
  @Override
  public void close() throws Exception {
    if (out != null) {
      out.close();
      out = null;
    }
    super.close();
  }

  private void openFile(long day) throws Exception {
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    // A per-subtask sequence keeps names unique even if a day's rows ever came in two runs.
    Path file = new Path(stagingRoot + "/ds=" + java.time.LocalDate.ofEpochDay(day),
        "part-" + subtask + "-" + filesOpened++ + ".parquet");
    out = file.getFileSystem().create(file, FileSystem.WriteMode.NO_OVERWRITE);
    writer = format.create(out);
    openDay = day;
  }

  /**
   * Writes the footer and closes the file. No fsync: the warehouse promises atomic visibility
   * (staging, then rename), not durability across a power loss (its renames are not synced
   * either), and a sync per day's file made a 1,647-day backfill wait about 30 s on the disk.
   */
  private void finishFile() throws Exception {
    if (writer == null) {
      return;
    }
    writer.finish();
    out.close();
    out = null;
    writer = null;
    openDay = NO_DAY;
  }
}
