package org.chengxin.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a stage's progress (rows so far and rate) at most every ten seconds, so a long run shows it is alive. */
final class ProgressLog {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
  private static final long INTERVAL_MS = 10_000;

  private final String stage;
  private final long startedAt = System.currentTimeMillis();
  private long rows;
  private long lastLogAt = startedAt;

  ProgressLog(String stage, int subtask) {
    this.stage = stage + "[" + subtask + "]";
  }

  void add() {
    if ((++rows & 0x3fff) == 0) {
      long now = System.currentTimeMillis();
      if (now - lastLogAt >= INTERVAL_MS) {
        lastLogAt = now;
        LOG.info("{}: {} rows, {} rows/s", stage, rows, rate(now));
      }
    }
  }

  void finish() {
    if (rows > 0) {
      LOG.info("{}: done, {} rows, {} rows/s", stage, rows, rate(System.currentTimeMillis()));
    }
  }

  private long rate(long now) {
    return rows * 1000 / Math.max(1, now - startedAt);
  }
}
