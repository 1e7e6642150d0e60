package org.chengxin.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.validation.RevisionRules.Rating;
import org.chengxin.core.validation.RevisionRules.Revision;
import org.junit.jupiter.api.Test;

/** {@link RevisionRules}: each rule, the window's edge and which rule decides when several break. */
class RevisionRulesTest {
  private static final long RATED = Instant.parse("2026-11-01T10:00:00Z").toEpochMilli();
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final Rating NEGATIVE = new Rating("b1", RatingDirection.BUYER_TO_SELLER, RatingScore.NEGATIVE, RATED, 2, 3, 1);

  private static Revision revision(String rater, RatingScore score, long at, Integer itemAsDescribed) {
    return new Revision("r1", rater, score, at, itemAsDescribed, null, null);
  }

  private static RejectReason reason(Revision revision, Rating rating, boolean revised) {
    return RevisionRules.check(revision, rating, revised).map(RevisionRules.Broken::reason).orElse(null);
  }

  @Test
  void anUpwardRevisionByTheRaterWithinTheWindowIsValid() {
    assertEquals(null, reason(revision("b1", RatingScore.POSITIVE, RATED + DAY, 5), NEGATIVE, false));
    Rating neutral = new Rating("b1", RatingDirection.BUYER_TO_SELLER, RatingScore.NEUTRAL, RATED, null, null, null);
    assertEquals(null, reason(revision("b1", RatingScore.POSITIVE, RATED, 1), neutral, false), "no earlier DSR to fall below");
    assertEquals(null, reason(revision("b1", RatingScore.POSITIVE, RATED + 30 * DAY, null), NEGATIVE, false),
        "the thirtieth day to the millisecond is inside");
    Rating sellerToBuyer = new Rating("s1", RatingDirection.SELLER_TO_BUYER, RatingScore.NEUTRAL, RATED, null, null, null);
    assertEquals(null, reason(revision("s1", RatingScore.POSITIVE, RATED + DAY, null), sellerToBuyer, false));
  }

  @Test
  void eachRuleHasItsReason() {
    assertEquals(RejectReason.UNKNOWN_RATING, reason(revision("b1", RatingScore.POSITIVE, RATED, null), null, false));
    assertEquals(RejectReason.NOT_THE_RATER, reason(revision("s1", RatingScore.POSITIVE, RATED + DAY, null), NEGATIVE, false));
    assertEquals(RejectReason.TIMESTAMPS_OUT_OF_ORDER, reason(revision("b1", RatingScore.POSITIVE, RATED - 1, null), NEGATIVE, false));
    assertEquals(RejectReason.OUTSIDE_REVISION_WINDOW, reason(revision("b1", RatingScore.POSITIVE, RATED + 30 * DAY + 1, null), NEGATIVE, false));
    assertEquals(RejectReason.SECOND_REVISION, reason(revision("b1", RatingScore.POSITIVE, RATED + DAY, null), NEGATIVE, true));
    assertEquals(RejectReason.NOT_UPWARD, reason(revision("b1", RatingScore.NEUTRAL, RATED + DAY, null), NEGATIVE, false),
        "negative to neutral is up, but not to positive");
    assertEquals(RejectReason.NOT_UPWARD, reason(revision("b1", RatingScore.NEGATIVE, RATED + DAY, null), NEGATIVE, false));
    Rating positive = new Rating("b1", RatingDirection.BUYER_TO_SELLER, RatingScore.POSITIVE, RATED, 4, 4, 4);
    assertEquals(RejectReason.NOT_UPWARD, reason(revision("b1", RatingScore.POSITIVE, RATED + DAY, 5), positive, false),
        "a positive rating has nowhere to go");
    assertEquals(RejectReason.NOT_UPWARD, reason(revision("b1", RatingScore.POSITIVE, RATED + DAY, 1), NEGATIVE, false),
        "item_as_described 2 to 1");
    Rating sellerToBuyer = new Rating("s1", RatingDirection.SELLER_TO_BUYER, RatingScore.NEGATIVE, RATED, null, null, null);
    assertEquals(RejectReason.INCONSISTENT_FIELDS, reason(revision("s1", RatingScore.POSITIVE, RATED + DAY, 5), sellerToBuyer, false));
  }

  @Test
  void theFirstBrokenRuleDecides() {
    // Someone else, late, second and downward at once: the rater rule comes first.
    assertEquals(RejectReason.NOT_THE_RATER, reason(revision("x9", RatingScore.NEGATIVE, RATED + 40 * DAY, null), NEGATIVE, true));
    assertEquals(RejectReason.OUTSIDE_REVISION_WINDOW, reason(revision("b1", RatingScore.NEGATIVE, RATED + 40 * DAY, null), NEGATIVE, true));
    assertEquals(RejectReason.SECOND_REVISION, reason(revision("b1", RatingScore.NEGATIVE, RATED + DAY, null), NEGATIVE, true));
  }

  @Test
  void detailsNameTheRuleAndTheReasonsAreOnlyTheRules() {
    String detail = RevisionRules.check(revision("b1", RatingScore.POSITIVE, RATED + 31 * DAY, null), NEGATIVE, false)
        .orElseThrow().detail();
    assertTrue(detail.contains("30 days"), detail);
    Set<RejectReason> given = EnumSet.noneOf(RejectReason.class);
    given.add(reason(revision("b1", RatingScore.POSITIVE, RATED, null), null, false));
    given.add(reason(revision("s1", RatingScore.POSITIVE, RATED, null), NEGATIVE, false));
    given.add(reason(revision("b1", RatingScore.POSITIVE, RATED + 31 * DAY, null), NEGATIVE, false));
    given.add(reason(revision("b1", RatingScore.POSITIVE, RATED, null), NEGATIVE, true));
    given.add(reason(revision("b1", RatingScore.NEUTRAL, RATED, null), NEGATIVE, false));
    assertEquals(RevisionRules.REASONS, given);
  }

  @Test
  void readsTheValidatorsRows() {
    Object[] rating = new Object[EventTables.RATINGS.columns().size()];
    rating[EventTables.RATINGS.indexOf("rater_id")] = "b1";
    rating[EventTables.RATINGS.indexOf("direction")] = "buyer_to_seller";
    rating[EventTables.RATINGS.indexOf("score")] = "negative";
    rating[EventTables.RATINGS.indexOf("rated_at")] = RATED;
    rating[EventTables.RATINGS.indexOf("service")] = 3;
    assertEquals(new Rating("b1", RatingDirection.BUYER_TO_SELLER, RatingScore.NEGATIVE, RATED, null, 3, null), Rating.ofRow(rating));
    Object[] revision = new Object[EventTables.RATING_REVISIONS.columns().size()];
    revision[EventTables.RATING_REVISIONS.indexOf("rating_id")] = "r1";
    revision[EventTables.RATING_REVISIONS.indexOf("rater_id")] = "b1";
    revision[EventTables.RATING_REVISIONS.indexOf("score")] = "positive";
    revision[EventTables.RATING_REVISIONS.indexOf("revised_at")] = RATED + DAY;
    revision[EventTables.RATING_REVISIONS.indexOf("logistics")] = 5;
    assertEquals(new Revision("r1", "b1", RatingScore.POSITIVE, RATED + DAY, null, null, 5), Revision.ofRow(revision));
  }
}
