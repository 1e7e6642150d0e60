package org.chengxin.ingest;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.chengxin.core.event.EventKind;

/**
 * Counts accepted events of one kind and logs the progress of their table, just before its
 * writer: this is the last step before the table.
 */
public final class CountAccepted extends RichMapFunction<ValidEvent, ValidEvent> {
  private static final long serialVersionUID = 1L;

  private final EventKind kind;
  private transient KindCounters accepted;
  private transient ProgressLog progress;

  public CountAccepted(EventKind kind) {
    this.kind = kind;
  }

  @Override
  public void open(OpenContext openContext) {
    accepted = new KindCounters(getRuntimeContext(), IngestCounts.ACCEPTED);
    progress = new ProgressLog("write " + kind.table(), getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
  }

  @Override
  public ValidEvent map(ValidEvent event) {
    accepted.add(event.kind);
    progress.add();
    return event;
  }

  @Override
  public void close() {
    progress.finish();
  }
}
