package org.chengxin.core.validation;

import org.chengxin.core.event.EventKind;
import org.chengxin.core.schema.TableSchema;

/** What validating one raw line gave: the row for its table, or the reason it was rejected. */
public sealed interface ValidationResult {

  /**
   * A valid event.
   *
   * @param kind the event kind; its table is {@code kind.table()}
   * @param eventId the value of the kind's id field (the deduplication key)
   * @param tradeId the trade a rating or complaint refers to (the trade's own id for trades), else null
   * @param eventTimeMillis the event time (UTC epoch ms) that decides the event's day
   * @param values one value per column of the kind's {@link TableSchema}, in column order: String,
   *     Long, Integer, Boolean, timestamps as Long epoch milliseconds, null for absent optional
   *     values. {@code trade_known} is left null: only the engine knows which trades it has seen.
   */
  record Accepted(EventKind kind, String eventId, String tradeId, long eventTimeMillis, Object[] values)
      implements ValidationResult {}

  /**
   * A rejected line.
   *
   * @param reason the first rule the line broke
   * @param detail which field and what was wrong; never holds a personal value
   * @param kind the event kind when it could be read, else null
   * @param eventId the event id when it could be read and is well formed, else null
   * @param redactedLine the raw line with personal values replaced (see {@link Redactor})
   */
  record Rejected(RejectReason reason, String detail, EventKind kind, String eventId, String redactedLine)
      implements ValidationResult {}
}
