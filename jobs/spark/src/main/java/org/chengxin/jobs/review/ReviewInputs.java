package org.chengxin.jobs.review;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.core.event.TradeStatus;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.schema.Tables;
import org.chengxin.jobs.frame.JobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Inputs the review jobs share: the trailing window of events and detector tables that may not exist yet. */
final class ReviewInputs {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewInputs.class);

  /** Trailing window of trades and complaints every review figure covers, the run's day included. */
  static final int WINDOW_DAYS = 30;

  private ReviewInputs() {}

  static LocalDate windowStart(LocalDate day) {
    return day.minusDays(WINDOW_DAYS - 1);
  }

  /** Trades created in the window, cancelled ones left out (no goods changed hands). */
  static Dataset<Row> windowTrades(JobRun run) {
    return run.read(EventTables.TRADES, windowStart(run.day()), run.day())
        .filter(col("status").notEqual(TradeStatus.CANCELLED.wire()));
  }

  /** Complaints filed in the window. */
  static Dataset<Row> windowComplaints(JobRun run) {
    return run.read(EventTables.COMPLAINTS, windowStart(run.day()), run.day());
  }

  /**
   * The latest partition of a detector table another job writes, looked up by name so this code
   * does not depend on when that job lands: empty when the table is not declared, has none of the
   * columns used here, or has no partition yet (its features are then 0, see docs/review.md).
   */
  static Optional<Dataset<Row>> detectorTable(JobRun run, String name, List<String> columns) {
    Optional<TableSchema> table = Tables.byName(name);
    if (table.isEmpty()) {
      LOG.info("{} is not a declared table yet: its signals are left out", name);
      return Optional.empty();
    }
    for (String column : columns) {
      if (table.get().column(column).isEmpty()) {
        LOG.warn("{} has no column {}: its signals are left out", name, column);
        return Optional.empty();
      }
    }
    return run.readLatest(table.get());
  }
}
