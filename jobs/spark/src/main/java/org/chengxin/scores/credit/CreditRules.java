package org.chengxin.scores.credit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.validation.RevisionRules;

/**
 * The platform's credit rules for the buyer_to_seller ratings between one buyer and one seller
 * (docs/seller-scores.md). Every rule is local to the pair, so ratings are grouped by pair and
 * each group is folded in processing order, starting from the state the previous day left. A
 * rating goes through, in order:
 *
 * <ol>
 *   <li>hidden (cancelled or refunded trade): never counted;
 *   <li>its trade must be known: ingested within the look-back before the rating's day and created
 *       no earlier than that, with the rating's rater and ratee as buyer and seller;
 *   <li>it must be left within 15 days after the trade ended;
 *   <li>neutral ratings count 0 and skip the next two rules;
 *   <li>14-day rule: a positive (negative) on an item whose positive (negative) window is open is
 *       absorbed; otherwise it opens a new window starting at its time;
 *   <li>month cap: the pair's net for the trade-creation month stays within [-6, +6]; a rating
 *       that would leave it does not count.
 * </ol>
 *
 * <p>A rating's "time" for the 14-day rule is the later of its rated_at and the start of its day,
 * and the trade-creation bound uses its day: both make {@link #prune pruning} at a day's end lose
 * nothing later days could need, so folding day by day equals folding all history at once.
 *
 * <p>A revision (the rater changes the score, once, within 30 days) is folded on its own day: it
 * withdraws what the rating counted and puts the new score through the 14-day rule and the month
 * cap of the rating's trade month at the revision's time. The month nets are kept until no
 * revision can reach them.
 */
public final class CreditRules {

  /** Cap on a buyer-seller net per natural month. */
  public static final int MONTH_CAP = 6;
  /** Same-item ratings within this span of a counted one count once. */
  public static final Duration SAME_ITEM_WINDOW = Duration.ofDays(14);
  /** Ratings left later than this after the trade ended do not count. */
  public static final Duration RATING_WINDOW = Duration.ofDays(15);

  /**
   * How many days after its rating's day a revision can arrive: the 30-day revision window, plus
   * one because the window runs from the rating's time, not its day.
   */
  public static final int REVISION_REACH_DAYS = (int) RevisionRules.WINDOW.toDays() + 1;

  private final int tradeLookbackDays;

  /** @param tradeLookbackDays how far before a rating's day its trade may have been created and ingested */
  public CreditRules(int tradeLookbackDays) {
    if (tradeLookbackDays < 1) {
      throw new IllegalArgumentException("trade look-back must be at least one day: " + tradeLookbackDays);
    }
    this.tradeLookbackDays = tradeLookbackDays;
  }

  public int tradeLookbackDays() {
    return tradeLookbackDays;
  }

  /**
   * Applies the rules to one pair's new ratings, updating {@code state}.
   *
   * @return one credit per rating, in the order of {@code ratings}
   */
  public List<RatingCredit> apply(String buyerId, String sellerId, PairCreditState state, List<CreditRating> ratings) {
    return apply(buyerId, sellerId, state, ratings, List.of(), Map.of()).ratings();
  }

  /**
   * Applies the rules to one pair's new ratings and revisions together, in processing order (day,
   * time; at the same time a rating before a revision), updating {@code state}.
   *
   * @param earlier the ratings of earlier days that {@code revisions} change, by rating id
   * @throws IllegalArgumentException when a revision's rating is neither new nor in {@code earlier}
   */
  public PairCredits apply(String buyerId, String sellerId, PairCreditState state, List<CreditRating> ratings,
      List<CreditRevision> revisions, Map<String, CreditedRating> earlier) {
    Map<String, CreditedRating> known = new HashMap<>(earlier);
    Map<CreditRating, RatingCredit> ratingCredits = new IdentityHashMap<>();
    Map<CreditRevision, RevisionCredit> revisionCredits = new IdentityHashMap<>();
    List<CreditEvent> ordered = new ArrayList<>(ratings.size() + revisions.size());
    ordered.addAll(ratings);
    ordered.addAll(revisions);
    ordered.sort(CreditEvent.PROCESSING_ORDER);
    for (CreditEvent event : ordered) {
      if (event instanceof CreditRating rating) {
        RatingCredit credit = decide(buyerId, sellerId, state, rating);
        known.put(rating.ratingId(), credited(rating, credit));
        ratingCredits.put(rating, credit);
      } else if (event instanceof CreditRevision revision) {
        CreditedRating before = known.get(revision.ratingId());
        if (before == null) {
          throw new IllegalArgumentException("revision " + revision.revisionId() + " of a rating the pair does not have");
        }
        RevisionCredit credit = revise(state, before, revision);
        known.put(before.ratingId(), new CreditedRating(before.ratingId(), before.itemId(), before.tradeMonth(),
            revision.score(), credit.outcome(), credit.points()));
        revisionCredits.put(revision, credit);
      }
    }
    return new PairCredits(ratings.stream().map(ratingCredits::get).toList(),
        revisions.stream().map(revisionCredits::get).toList());
  }

  /** Drops state no rating of a day after {@code day} can touch. */
  public void prune(PairCreditState state, LocalDate day) {
    Instant nextDay = startOf(day.plusDays(1));
    // A revision may come up to REVISION_REACH_DAYS after its rating, whose trade is within the look-back.
    YearMonth firstReachable = YearMonth.from(day.plusDays(1).minusDays(tradeLookbackDays + REVISION_REACH_DAYS));
    state.monthNets().keySet().removeIf(month -> month.isBefore(firstReachable));
    state.windowStarts().values().removeIf(start -> !start.plus(SAME_ITEM_WINDOW).isAfter(nextDay));
  }

  private RatingCredit decide(String buyerId, String sellerId, PairCreditState state, CreditRating rating) {
    if (rating.hidden()) {
      return RatingCredit.notCounted(CreditOutcome.HIDDEN);
    }
    TradeFacts trade = rating.trade();
    if (trade == null || trade.createdAt().isBefore(startOf(rating.day().minusDays(tradeLookbackDays)))) {
      return RatingCredit.notCounted(CreditOutcome.TRADE_UNKNOWN);
    }
    if (!trade.buyerId().equals(buyerId) || !trade.sellerId().equals(sellerId)) {
      return RatingCredit.notCounted(CreditOutcome.TRADE_MISMATCH);
    }
    if (rating.ratedAt().isAfter(trade.endedAt().plus(RATING_WINDOW))) {
      return RatingCredit.notCounted(CreditOutcome.LATE);
    }
    if (rating.score() == RatingScore.NEUTRAL) {
      return new RatingCredit(CreditOutcome.COUNTED, 0);
    }
    YearMonth month = YearMonth.from(trade.createdAt().atZone(ZoneOffset.UTC));
    int net = state.monthNets().getOrDefault(month, 0);
    CreditOutcome outcome = sameItemThenCap(state, trade.itemId(), rating.score(), timeInDay(rating), net);
    if (outcome == CreditOutcome.DUPLICATE_14D) {
      return RatingCredit.notCounted(outcome);
    }
    int points = outcome == CreditOutcome.COUNTED ? rating.score().creditPoints() : 0;
    state.monthNets().put(month, net + points);
    return new RatingCredit(outcome, points);
  }

  /**
   * The 14-day same-item rule, then the month cap, for a positive or negative score at {@code at} on
   * top of the month's net {@code net}: counted, duplicate_14d or capped_month. Opens the item's
   * window unless absorbed by an open one (a capped score still opens it).
   */
  private static CreditOutcome sameItemThenCap(PairCreditState state, String itemId, RatingScore score, Instant at,
      int net) {
    PairCreditState.WindowKey window = new PairCreditState.WindowKey(itemId, score);
    Instant openedAt = state.windowStarts().get(window);
    if (openedAt != null && at.isBefore(openedAt.plus(SAME_ITEM_WINDOW))) {
      return CreditOutcome.DUPLICATE_14D;
    }
    state.windowStarts().put(window, at);
    return Math.abs(net + score.creditPoints()) > MONTH_CAP ? CreditOutcome.CAPPED_MONTH : CreditOutcome.COUNTED;
  }

  /** An event's time for the 14-day rule: never before its day, so that pruning loses nothing. */
  private static Instant timeInDay(CreditEvent event) {
    Instant dayStart = startOf(event.day());
    return event.time().isBefore(dayStart) ? dayStart : event.time();
  }

  /**
   * A revision withdraws what the rating counted and puts the new score through the 14-day rule and
   * the month cap at the revision's time. A rating that never took part in credit (hidden, unknown
   * or foreign trade, late) still does not. When even withdrawing the old score would take the
   * month beyond the cap, the revision changes nothing (the rating keeps its points, capped_month).
   */
  private RevisionCredit revise(PairCreditState state, CreditedRating before, CreditRevision revision) {
    if (!before.outcome().inCredit()) {
      return new RevisionCredit(before.outcome(), 0, 0);
    }
    int net = state.monthNets().getOrDefault(before.tradeMonth(), 0);
    int withdrawn = net - before.points();
    if (Math.abs(withdrawn) > MONTH_CAP) {
      return new RevisionCredit(CreditOutcome.CAPPED_MONTH, before.points(), 0);
    }
    RatingScore score = revision.score();
    CreditOutcome outcome = score == RatingScore.NEUTRAL
        ? CreditOutcome.COUNTED
        : sameItemThenCap(state, before.itemId(), score, timeInDay(revision), withdrawn);
    int points = outcome == CreditOutcome.COUNTED ? score.creditPoints() : 0;
    state.monthNets().put(before.tradeMonth(), withdrawn + points);
    return new RevisionCredit(outcome, points, points - before.points());
  }

  private CreditedRating credited(CreditRating rating, RatingCredit credit) {
    TradeFacts trade = rating.trade();
    return new CreditedRating(rating.ratingId(), trade == null ? null : trade.itemId(),
        trade == null ? null : YearMonth.from(trade.createdAt().atZone(ZoneOffset.UTC)), rating.score(),
        credit.outcome(), credit.points());
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
