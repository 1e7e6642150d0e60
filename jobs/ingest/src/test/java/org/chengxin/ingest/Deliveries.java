package org.chengxin.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.validation.EventValidator;
import org.chengxin.core.validation.ValidationResult.Accepted;

/** Validated events as the keyed functions receive them, and the counters those functions keep, for operator harness tests. */
final class Deliveries {
  static final Pseudonymiser KEYS = new Pseudonymiser("deliveries-test-key-0123456789".getBytes(StandardCharsets.UTF_8));

  private Deliveries() {}

  static ValidEvent trade(String tradeId, String sourceFile, long sourceLine) {
    return event(EventKind.TRADE, tradeId, tradeId, sourceFile, sourceLine);
  }

  static ValidEvent rating(String ratingId, String tradeId) {
    return event(EventKind.RATING, ratingId, tradeId, "ratings.jsonl", 1);
  }

  static ValidEvent complaint(String complaintId, String tradeId) {
    return event(EventKind.COMPLAINT, complaintId, tradeId, "complaints.jsonl", 1);
  }

  /** A validated rating revision as the revision look-up receives it: packed row and raw line. */
  static ValidEvent revision(String revisionId, String ratingId, String raterId, String score, String revisedAt, long sourceLine) {
    String line = TestEvents.revision(revisionId, ratingId, raterId, score, revisedAt);
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    Accepted accepted = (Accepted) new EventValidator(KEYS, Instant.parse("2099-01-01T00:00:00Z"), 4096)
        .validate(bytes, 0, bytes.length, "rating_revisions.jsonl", sourceLine);
    ValidEvent event = event(EventKind.RATING_REVISION, revisionId, null, "rating_revisions.jsonl", sourceLine);
    event.eventTime = accepted.eventTimeMillis();
    event.row = new RowCodec(EventTables.RATING_REVISIONS).encode(accepted.values());
    event.raw = bytes;
    return event;
  }

  /** A known buyer_to_seller rating without detailed ratings. */
  static RatingFact ratingFact(String ratingId, String raterId, String score, String ratedAt) {
    RatingFact fact = new RatingFact();
    fact.ratingId = ratingId;
    fact.raterId = raterId;
    fact.direction = "buyer_to_seller";
    fact.score = score;
    fact.ratedAt = Instant.parse(ratedAt).toEpochMilli();
    return fact;
  }

  /** A rating an earlier run saw revised. */
  static RatingFact revisedEarlier(String ratingId) {
    RatingFact fact = new RatingFact();
    fact.ratingId = ratingId;
    fact.revised = true;
    return fact;
  }

  private static ValidEvent event(EventKind kind, String eventId, String tradeId, String sourceFile, long sourceLine) {
    ValidEvent event = new ValidEvent();
    event.kind = kind;
    event.eventId = eventId;
    event.tradeId = tradeId;
    event.eventTime = 1_793_000_000_000L;
    event.sourceFile = sourceFile;
    event.sourceLine = sourceLine;
    event.row = new byte[0];
    return event;
  }

  /** The operator's count of one metric for one kind, as the job's summary would read it. */
  static long counted(AbstractStreamOperatorTestHarness<?> harness, EventKind kind, String metric) {
    return harness.getOperator().getRuntimeContext().getLongCounter(IngestCounts.name(kind.wireName(), metric)).getLocalValue();
  }
}
