package org.chengxin.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.validation.Redactor;
import org.chengxin.core.validation.RevisionRules;

/**
 * Checks rating revisions against the ratings they revise ({@link RevisionRules}), keyed by
 * {@link #partitionKey} of the rating id (rating ids that share a key are told apart in the state).
 * Input 1: revisions, each with its raw line; input 2: {@link RatingFact}s: the ratings accepted by
 * this run or found in the earlier {@code ratings} partitions of the look-back, and the ratings
 * that earlier runs' revisions already revised. As in {@link TradeLookupFunction}, a revision waits
 * on a processing-time timer: in a bounded (BATCH) run it fires after all of the key's input; in a
 * continuous run after {@code wait}. Then the key's waiting revisions are checked in order of
 * {@code revised_at} (then input order), so of two revisions of one rating the earlier is the one
 * that counts, whatever the order of the lines. A valid revision goes on to {@code rating_revisions}
 * and marks its rating revised; a broken one goes to the {@link #DEAD_LETTER} side output with its
 * reason, counted as a rejection of its kind, so the run summary still reconciles.
 */
public final class RevisionLookupFunction extends KeyedCoProcessFunction<Long, ValidEvent, RatingFact, ValidEvent> {
  private static final long serialVersionUID = 1L;

  /** Revisions that break a rule, as dead-letter rows. */
  public static final OutputTag<GenericRecord> DEAD_LETTER =
      new OutputTag<>("revision_dead_letter", Records.typeOf(Records.DEAD_LETTER));
  private static final ThreadLocal<RowCodec> REVISION_ROWS =
      ThreadLocal.withInitial(() -> new RowCodec(EventTables.RATING_REVISIONS));
  private static final int RATING_ID = EventTables.RATING_REVISIONS.indexOf("rating_id");
  private static final Comparator<ValidEvent> CHECK_ORDER = (a, b) ->
      a.eventTime != b.eventTime ? Long.compare(a.eventTime, b.eventTime) : a.readBefore(b) ? -1 : b.readBefore(a) ? 1 : 0;

  private final Duration wait;
  private final Duration retention;
  private final Pseudonymiser pseudonymiser;
  /** Ratings under this key, by rating id. */
  private transient MapState<String, RatingFact> ratings;
  /** Ratings under this key already revised (by an earlier run, or an accepted revision). */
  private transient MapState<String, Boolean> revised;
  private transient ListState<ValidEvent> waiting;
  private transient Redactor redactor;
  private transient Map<String, LongCounter> rejected;

  /**
   * @param wait how long a continuous run waits for the rating (ignored by bounded runs)
   * @param retention how long a continuous run remembers a rating; null for the whole run
   * @param pseudonymiser redacts the raw lines of dead letters, as everywhere
   */
  public RevisionLookupFunction(Duration wait, Duration retention, Pseudonymiser pseudonymiser) {
    this.wait = wait;
    this.retention = retention;
    this.pseudonymiser = pseudonymiser;
  }

  /** The key both inputs are partitioned and sorted on. */
  public static long partitionKey(String ratingId) {
    return ShuffleKeys.of(ratingId);
  }

  /** The rating a validated revision revises (read from its packed row). */
  public static String ratingIdOf(ValidEvent revision) {
    return (String) REVISION_ROWS.get().decode(revision.row)[RATING_ID];
  }

  @Override
  public void open(OpenContext openContext) {
    MapStateDescriptor<String, RatingFact> ratingsDescriptor =
        new MapStateDescriptor<>("ratings", Types.STRING, TypeInformation.of(RatingFact.class));
    MapStateDescriptor<String, Boolean> revisedDescriptor = new MapStateDescriptor<>("revised", Types.STRING, Types.BOOLEAN);
    if (retention != null) {
      ratingsDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
      revisedDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
    }
    ratings = getRuntimeContext().getMapState(ratingsDescriptor);
    revised = getRuntimeContext().getMapState(revisedDescriptor);
    waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-revisions", ValidEvent.class));
    redactor = new Redactor(pseudonymiser);
    rejected = new HashMap<>();
  }

  @Override
  public void processElement1(ValidEvent revision, Context ctx, Collector<ValidEvent> out) throws Exception {
    TradeLookupFunction.hold(revision, waiting, ctx.timerService(), wait);
  }

  @Override
  public void processElement2(RatingFact fact, Context ctx, Collector<ValidEvent> out) throws Exception {
    if (fact.revised) {
      revised.put(fact.ratingId, true);
    } else {
      ratings.put(fact.ratingId, fact);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ValidEvent> out) throws Exception {
    List<ValidEvent> due = new ArrayList<>();
    waiting.get().forEach(due::add);
    waiting.clear();
    due.sort(CHECK_ORDER);
    RowCodec codec = REVISION_ROWS.get();
    for (ValidEvent event : due) {
      RevisionRules.Revision revision = RevisionRules.Revision.ofRow(codec.decode(event.row));
      RatingFact rating = ratings.get(revision.ratingId());
      Optional<RevisionRules.Broken> broken = RevisionRules.check(revision,
          rating == null ? null : rating.toRule(), revised.contains(revision.ratingId()));
      if (broken.isPresent()) {
        reject(event, broken.get(), ctx);
      } else {
        revised.put(revision.ratingId(), true);
        event.raw = null;
        out.collect(event);
      }
    }
  }

  private void reject(ValidEvent event, RevisionRules.Broken broken, OnTimerContext ctx) {
    rejected.computeIfAbsent(IngestCounts.rejected(IngestCounts.bucket(EventKind.RATING_REVISION), broken.reason()),
        name -> getRuntimeContext().getLongCounter(name)).add(1);
    ctx.output(DEAD_LETTER, Records.deadLetter(broken.reason().wire(), Redactor.scrub(broken.detail()), EventKind.RATING_REVISION,
        event.eventId, event.raw == null ? "" : redactor.redact(event.raw, 0, event.raw.length), event.sourceFile, event.sourceLine));
  }
}
