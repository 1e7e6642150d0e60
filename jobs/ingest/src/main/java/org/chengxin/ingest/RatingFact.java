package org.chengxin.ingest;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.event.WireEnum;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.validation.RevisionRules;

/**
 * What the revision look-up knows of one rating: the rating itself (from this run or an earlier
 * {@code ratings} partition), or only that an earlier run accepted a revision of it (from an
 * earlier {@code rating_revisions} partition). A Flink POJO.
 */
public class RatingFact {
  /** The columns of {@code ratings} a fact reads: the Parquet projection of the look-back. */
  static final List<String> RATING_COLUMNS =
      List.of("rating_id", "rater_id", "direction", "score", "item_as_described", "service", "logistics", "rated_at");
  static final Schema RATINGS_PROJECTION = AvroSchemas.projection(EventTables.RATINGS, RATING_COLUMNS);
  static final Schema REVISIONS_PROJECTION = AvroSchemas.projection(EventTables.RATING_REVISIONS, List.of("rating_id"));

  public String ratingId;
  /** True for an earlier accepted revision of the rating; the rating's own fields are then null. */
  public boolean revised;
  public String raterId;
  public String direction;
  public String score;
  public long ratedAt;
  public Integer itemAsDescribed;
  public Integer service;
  public Integer logistics;

  public RatingFact() {}

  /** A rating of this run, from its validated row ({@code ratings} column order). */
  static RatingFact ofRatingRow(String ratingId, Object[] row) {
    RevisionRules.Rating rating = RevisionRules.Rating.ofRow(row);
    RatingFact fact = new RatingFact();
    fact.ratingId = ratingId;
    fact.raterId = rating.raterId();
    fact.direction = rating.direction().wire();
    fact.score = rating.score().wire();
    fact.ratedAt = rating.ratedAtMillis();
    fact.itemAsDescribed = rating.itemAsDescribed();
    fact.service = rating.service();
    fact.logistics = rating.logistics();
    return fact;
  }

  /** A rating of an earlier day, read through {@link #RATINGS_PROJECTION}. */
  static RatingFact ofRatingRecord(GenericRecord r) {
    RatingFact fact = new RatingFact();
    fact.ratingId = r.get("rating_id").toString();
    fact.raterId = r.get("rater_id").toString();
    fact.direction = r.get("direction").toString();
    fact.score = r.get("score").toString();
    fact.ratedAt = (Long) r.get("rated_at");
    fact.itemAsDescribed = (Integer) r.get("item_as_described");
    fact.service = (Integer) r.get("service");
    fact.logistics = (Integer) r.get("logistics");
    return fact;
  }

  /** A revision of the rating accepted by an earlier run (read through {@link #REVISIONS_PROJECTION}). */
  static RatingFact revisedEarlier(GenericRecord r) {
    RatingFact fact = new RatingFact();
    fact.ratingId = r.get("rating_id").toString();
    fact.revised = true;
    return fact;
  }

  /** The rating as {@link RevisionRules} reads it. */
  RevisionRules.Rating toRule() {
    return new RevisionRules.Rating(raterId, WireEnum.parse(RatingDirection.class, direction).orElseThrow(),
        WireEnum.parse(RatingScore.class, score).orElseThrow(), ratedAt, itemAsDescribed, service, logistics);
  }

  /** This run's ratings as facts: decodes each row (one codec per subtask). */
  static final class FromRating extends RichMapFunction<ValidEvent, RatingFact> {
    private static final long serialVersionUID = 1L;
    private transient RowCodec codec;

    @Override
    public void open(OpenContext openContext) {
      codec = new RowCodec(EventTables.RATINGS);
    }

    @Override
    public RatingFact map(ValidEvent rating) {
      return ofRatingRow(rating.eventId, codec.decode(rating.row));
    }
  }
}
