package org.chengxin.scores.credit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.chengxin.core.event.RatingScore;

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
 */
public final class CreditRules {

  /** Cap on a buyer-seller net per natural month. */
  public static final int MONTH_CAP = 6;
  /** Same-item ratings within this span of a counted one count once. */
  public static final Duration SAME_ITEM_WINDOW = Duration.ofDays(14);
  /** Ratings left later than this after the trade ended do not count. */
  public static final Duration RATING_WINDOW = Duration.ofDays(15);

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
    Map<CreditRating, RatingCredit> results = new IdentityHashMap<>();
    List<CreditRating> ordered = new ArrayList<>(ratings);
    ordered.sort(CreditRating.PROCESSING_ORDER);
    for (CreditRating rating : ordered) {
      results.put(rating, decide(buyerId, sellerId, state, rating));
    }
    List<RatingCredit> inInputOrder = new ArrayList<>(ratings.size());
    ratings.forEach(r -> inInputOrder.add(results.get(r)));
    return inInputOrder;
  }

  /** Drops state no rating of a day after {@code day} can touch. */
  public void prune(PairCreditState state, LocalDate day) {
    Instant nextDay = startOf(day.plusDays(1));
    YearMonth firstReachable = YearMonth.from(day.plusDays(1).minusDays(tradeLookbackDays));
    state.monthNets().keySet().removeIf(month -> month.isBefore(firstReachable));
    state.windowStarts().values().removeIf(start -> !start.plus(SAME_ITEM_WINDOW).isAfter(nextDay));
  }

  private RatingCredit decide(String buyerId, String sellerId, PairCreditState state, CreditRating rating) {
    if (rating.hidden()) {
      return RatingCredit.notCounted(CreditOutcome.HIDDEN);
    }
    TradeFacts trade = rating.trade();
    Instant dayStart = startOf(rating.day());
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
    Instant at = rating.ratedAt().isBefore(dayStart) ? dayStart : rating.ratedAt();
    PairCreditState.WindowKey window = new PairCreditState.WindowKey(trade.itemId(), rating.score());
    Instant openedAt = state.windowStarts().get(window);
    if (openedAt != null && at.isBefore(openedAt.plus(SAME_ITEM_WINDOW))) {
      return RatingCredit.notCounted(CreditOutcome.DUPLICATE_14D);
    }
    state.windowStarts().put(window, at);
    YearMonth month = YearMonth.from(trade.createdAt().atZone(ZoneOffset.UTC));
    int net = state.monthNets().getOrDefault(month, 0);
    int points = rating.score().creditPoints();
    if (Math.abs(net + points) > MONTH_CAP) {
      state.monthNets().put(month, net);
      return RatingCredit.notCounted(CreditOutcome.CAPPED_MONTH);
    }
    state.monthNets().put(month, net + points);
    return new RatingCredit(CreditOutcome.COUNTED, points);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
