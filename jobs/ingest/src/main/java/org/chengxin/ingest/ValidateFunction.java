package org.chengxin.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.validation.EventValidator;
import org.chengxin.core.validation.ValidationResult;
import org.chengxin.core.validation.ValidationResult.Accepted;
import org.chengxin.core.validation.ValidationResult.Rejected;

/**
 * Validates raw lines: valid events go on as {@link ValidEvent}s, rejected lines to the
 * {@link #DEAD_LETTER} side output. Counts every line read and every rejection, per kind.
 */
public final class ValidateFunction extends ProcessFunction<RawLine, ValidEvent> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<GenericRecord> DEAD_LETTER =
      new OutputTag<>("dead_letter", Records.typeOf(Records.DEAD_LETTER));

  private final Pseudonymiser pseudonymiser;
  private final LocalDate runDay;
  private final Clock clock;
  private final int maxLineBytes;

  private transient EventValidator validator;
  private transient LocalDate validatorDay;
  private transient Map<EventKind, RowCodec> codecs;
  private transient KindCounters read;
  private transient Map<String, LongCounter> rejected;
  private transient ProgressLog progress;

  /**
   * @param runDay the bounded run's day, which bounds plausible timestamps; null in continuous
   *     mode, where the bound follows the clock
   * @param clock whose UTC day bounds plausible timestamps in continuous mode (tests fix it)
   */
  public ValidateFunction(Pseudonymiser pseudonymiser, LocalDate runDay, Clock clock, int maxLineBytes) {
    this.pseudonymiser = pseudonymiser;
    this.runDay = runDay;
    this.clock = clock;
    this.maxLineBytes = maxLineBytes;
  }

  /** Timestamps are plausible up to one day after the run day (docs/events.md). */
  static Instant latestPlausible(LocalDate day) {
    return day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @Override
  public void open(OpenContext openContext) {
    codecs = new EnumMap<>(EventKind.class);
    for (EventKind kind : EventKind.values()) {
      codecs.put(kind, new RowCodec(EventValidator.tableOf(kind)));
    }
    read = new KindCounters(getRuntimeContext(), IngestCounts.READ);
    rejected = new HashMap<>();
    progress = new ProgressLog("validate", getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
  }

  @Override
  public void processElement(RawLine line, Context ctx, Collector<ValidEvent> out) {
    ValidationResult result = validator().validate(line.bytes, 0, line.bytes.length, line.sourceFile, line.lineNumber);
    progress.add();
    if (result instanceof Accepted a) {
      read.add(a.kind());
      ValidEvent event = new ValidEvent();
      event.kind = a.kind();
      event.eventId = a.eventId();
      event.tradeId = a.tradeId();
      event.eventTime = a.eventTimeMillis();
      event.sourceFile = line.sourceFile;
      event.sourceLine = line.lineNumber;
      event.row = codecs.get(a.kind()).encode(a.values());
      event.raw = line.bytes;
      out.collect(event);
    } else {
      Rejected r = (Rejected) result;
      read.add(r.kind());
      rejected.computeIfAbsent(IngestCounts.rejected(IngestCounts.bucket(r.kind()), r.reason()),
          name -> getRuntimeContext().getLongCounter(name)).add(1);
      ctx.output(DEAD_LETTER, deadLetter(r, line));
    }
  }

  private static GenericRecord deadLetter(Rejected r, RawLine line) {
    return Records.deadLetter(r.reason().wire(), r.detail(), r.kind(), r.eventId(), r.redactedLine(), line.sourceFile, line.lineNumber);
  }

  // In continuous mode the plausible bound moves with the clock's day.
  private EventValidator validator() {
    LocalDate day = runDay != null ? runDay : LocalDate.now(clock.withZone(ZoneOffset.UTC));
    if (!day.equals(validatorDay)) {
      validator = new EventValidator(pseudonymiser, latestPlausible(day), maxLineBytes);
      validatorDay = day;
    }
    return validator;
  }

  @Override
  public void close() {
    progress.finish();
  }
}
