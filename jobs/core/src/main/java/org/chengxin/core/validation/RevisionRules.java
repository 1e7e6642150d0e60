package org.chengxin.core.validation;

import java.time.Duration;
import java.util.Optional;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.event.WireEnum;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.TableSchema;

/**
 * The rules a well-formed {@code rating_revision} must keep against the rating it revises (the
 * marketplace's: within 30 days of the rating, once, by its rater, only upward: negative or
 * neutral to positive). The {@link EventValidator} checks a revision's format alone; ingest looks
 * the rating up and applies these. The first broken rule decides, in this order:
 * {@code unknown_rating}, {@code not_the_rater}, {@code timestamps_out_of_order} (revised before
 * rated), {@code outside_revision_window}, {@code second_revision}, {@code not_upward},
 * {@code inconsistent_fields} (detailed ratings on a seller_to_buyer rating). Plain Java.
 */
public final class RevisionRules {
  /** The reasons only these rules give (the validator never does). */
  public static final java.util.Set<RejectReason> REASONS = java.util.Collections.unmodifiableSet(java.util.EnumSet.of(
      RejectReason.UNKNOWN_RATING, RejectReason.OUTSIDE_REVISION_WINDOW, RejectReason.SECOND_REVISION,
      RejectReason.NOT_UPWARD, RejectReason.NOT_THE_RATER));
  /** How long after its rating a rating may be revised. */
  public static final Duration WINDOW = Duration.ofDays(30);

  private RevisionRules() {}

  /** What the rules need of the revised rating; detailed ratings null when absent. */
  public record Rating(String raterId, RatingDirection direction, RatingScore score, long ratedAtMillis,
      Integer itemAsDescribed, Integer service, Integer logistics) {

    /** From a row of {@code ratings} in column order, as the validator builds it. */
    public static Rating ofRow(Object[] row) {
      TableSchema t = EventTables.RATINGS;
      return new Rating((String) row[t.indexOf("rater_id")],
          WireEnum.parse(RatingDirection.class, (String) row[t.indexOf("direction")]).orElseThrow(),
          WireEnum.parse(RatingScore.class, (String) row[t.indexOf("score")]).orElseThrow(),
          (Long) row[t.indexOf("rated_at")], (Integer) row[t.indexOf("item_as_described")],
          (Integer) row[t.indexOf("service")], (Integer) row[t.indexOf("logistics")]);
    }
  }

  /** What the rules read of a revision; detailed ratings null when absent. */
  public record Revision(String ratingId, String raterId, RatingScore score, long revisedAtMillis,
      Integer itemAsDescribed, Integer service, Integer logistics) {

    /** From a row of {@code rating_revisions} in column order, as the validator builds it. */
    public static Revision ofRow(Object[] row) {
      TableSchema t = EventTables.RATING_REVISIONS;
      return new Revision((String) row[t.indexOf("rating_id")], (String) row[t.indexOf("rater_id")],
          WireEnum.parse(RatingScore.class, (String) row[t.indexOf("score")]).orElseThrow(),
          (Long) row[t.indexOf("revised_at")], (Integer) row[t.indexOf("item_as_described")],
          (Integer) row[t.indexOf("service")], (Integer) row[t.indexOf("logistics")]);
    }

    boolean anyDetailed() {
      return itemAsDescribed != null || service != null || logistics != null;
    }
  }

  /** A broken rule: its reason and which values broke it (never a personal value). */
  public record Broken(RejectReason reason, String detail) {}

  /**
   * The first rule the revision breaks, or empty when it is a valid revision.
   *
   * @param rating the revised rating, null when none is known
   * @param alreadyRevised whether an accepted revision of the rating came before this one
   */
  public static Optional<Broken> check(Revision revision, Rating rating, boolean alreadyRevised) {
    if (rating == null) {
      return broken(RejectReason.UNKNOWN_RATING, "no rating " + revision.ratingId() + " is known");
    }
    if (!revision.raterId().equals(rating.raterId())) {
      return broken(RejectReason.NOT_THE_RATER, "rater_id " + revision.raterId() + " did not give rating " + revision.ratingId());
    }
    if (revision.revisedAtMillis() < rating.ratedAtMillis()) {
      return broken(RejectReason.TIMESTAMPS_OUT_OF_ORDER, "revised_at is before the rating's rated_at");
    }
    long after = revision.revisedAtMillis() - rating.ratedAtMillis();
    if (after > WINDOW.toMillis()) {
      return broken(RejectReason.OUTSIDE_REVISION_WINDOW,
          "revised " + Duration.ofMillis(after).toHours() + " h after the rating, beyond " + WINDOW.toDays() + " days");
    }
    if (alreadyRevised) {
      return broken(RejectReason.SECOND_REVISION, "rating " + revision.ratingId() + " was already revised");
    }
    if (rating.score() == RatingScore.POSITIVE || revision.score() != RatingScore.POSITIVE) {
      return broken(RejectReason.NOT_UPWARD,
          "score " + rating.score().wire() + " to " + revision.score().wire() + ": only negative or neutral to positive");
    }
    String lower = lowerDetailed("item_as_described", rating.itemAsDescribed(), revision.itemAsDescribed());
    lower = lower != null ? lower : lowerDetailed("service", rating.service(), revision.service());
    lower = lower != null ? lower : lowerDetailed("logistics", rating.logistics(), revision.logistics());
    if (lower != null) {
      return broken(RejectReason.NOT_UPWARD, lower);
    }
    if (revision.anyDetailed() && rating.direction() == RatingDirection.SELLER_TO_BUYER) {
      return broken(RejectReason.INCONSISTENT_FIELDS, "detailed seller ratings on a revision of a seller_to_buyer rating");
    }
    return Optional.empty();
  }

  private static String lowerDetailed(String field, Integer before, Integer after) {
    return before != null && after != null && after < before ? field + " " + before + " to " + after + " is down" : null;
  }

  private static Optional<Broken> broken(RejectReason reason, String detail) {
    return Optional.of(new Broken(reason, detail));
  }
}
