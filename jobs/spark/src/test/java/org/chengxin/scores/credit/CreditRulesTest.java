package org.chengxin.scores.credit;

import static org.chengxin.core.event.RatingScore.NEGATIVE;
import static org.chengxin.core.event.RatingScore.NEUTRAL;
import static org.chengxin.core.event.RatingScore.POSITIVE;
import static org.chengxin.scores.credit.CreditOutcome.CAPPED_MONTH;
import static org.chengxin.scores.credit.CreditOutcome.COUNTED;
import static org.chengxin.scores.credit.CreditOutcome.DUPLICATE_14D;
import static org.chengxin.scores.credit.CreditOutcome.HIDDEN;
import static org.chengxin.scores.credit.CreditOutcome.LATE;
import static org.chengxin.scores.credit.CreditOutcome.TRADE_MISMATCH;
import static org.chengxin.scores.credit.CreditOutcome.TRADE_UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.chengxin.core.event.RatingScore;
import org.junit.jupiter.api.Test;

class CreditRulesTest {
  private static final String BUYER = "b1";
  private static final String SELLER = "s1";
  private static final int LOOKBACK_DAYS = 90;
  private static final Instant NOV_1 = Instant.parse("2026-11-01T08:00:00Z");

  private final CreditRules rules = new CreditRules(LOOKBACK_DAYS);
  private int nextId;

  @Test
  void monthCapStopsTheNetAtPlusSixAndANegativeMakesRoomAgain() {
    List<CreditRating> ratings = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ratings.add(rating(POSITIVE, NOV_1.plus(days(i)), trade("item" + i, NOV_1)));
    }
    ratings.add(rating(NEGATIVE, NOV_1.plus(days(9)), trade("item9", NOV_1)));
    ratings.add(rating(POSITIVE, NOV_1.plus(days(10)), trade("item10", NOV_1)));
    PairCreditState state = new PairCreditState();
    List<RatingCredit> credits = rules.apply(BUYER, SELLER, state, ratings);
    assertEquals(List.of(COUNTED, COUNTED, COUNTED, COUNTED, COUNTED, COUNTED, CAPPED_MONTH, CAPPED_MONTH, COUNTED, COUNTED),
        outcomes(credits));
    assertEquals(6, sum(credits));
    assertEquals(Map.of(YearMonth.of(2026, 11), 6), state.monthNets());
  }

  @Test
  void monthCapHoldsForNegativesToo() {
    List<CreditRating> ratings = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ratings.add(rating(NEGATIVE, NOV_1.plus(days(i)), trade("item" + i, NOV_1)));
    }
    List<RatingCredit> credits = rules.apply(BUYER, SELLER, new PairCreditState(), ratings);
    assertEquals(CAPPED_MONTH, credits.get(6).outcome());
    assertEquals(-6, sum(credits));
  }

  @Test
  void theMonthIsTheTradesCreationMonthNotTheRatingsMonth() {
    PairCreditState state = new PairCreditState().withMonth(YearMonth.of(2026, 10), 6);
    Instant octoberTrade = Instant.parse("2026-10-30T10:00:00Z");
    List<RatingCredit> credits = rules.apply(BUYER, SELLER, state, List.of(
        rating(POSITIVE, NOV_1, trade("a", octoberTrade)),
        rating(POSITIVE, NOV_1.plus(days(1)), trade("b", NOV_1))));
    assertEquals(List.of(CAPPED_MONTH, COUNTED), outcomes(credits));
  }

  @Test
  void sameItemWithinFourteenDaysCountsOncePerSign() {
    Instant t = NOV_1;
    List<RatingCredit> credits = rules.apply(BUYER, SELLER, new PairCreditState(), List.of(
        rating(POSITIVE, t, trade("item", t)),
        rating(POSITIVE, t.plus(days(3)), trade("item", t)),
        rating(NEGATIVE, t.plus(days(5)), trade("item", t)),
        rating(NEGATIVE, t.plus(days(6)), trade("item", t)),
        rating(POSITIVE, t.plus(days(14)).minusSeconds(1), trade("item", t)),
        rating(POSITIVE, t.plus(days(14)), trade("item", t)),
        rating(POSITIVE, t.plus(days(1)), trade("other-item", t))));
    assertEquals(List.of(COUNTED, DUPLICATE_14D, COUNTED, DUPLICATE_14D, DUPLICATE_14D, COUNTED, COUNTED), outcomes(credits));
    assertEquals(2, sum(credits));
  }

  @Test
  void ratingsCountUpToFifteenDaysAfterTheTradeEnds() {
    Instant confirmed = NOV_1.plus(days(5));
    TradeFacts trade = new TradeFacts(BUYER, SELLER, "item", NOV_1, confirmed);
    List<RatingCredit> onTheDay = rules.apply(BUYER, SELLER, new PairCreditState(),
        List.of(rating(POSITIVE, confirmed.plus(days(15)), trade)));
    List<RatingCredit> aSecondLater = rules.apply(BUYER, SELLER, new PairCreditState(),
        List.of(rating(POSITIVE, confirmed.plus(days(15)).plusSeconds(1), trade)));
    assertEquals(COUNTED, onTheDay.get(0).outcome());
    assertEquals(LATE, aSecondLater.get(0).outcome());
  }

  @Test
  void aTradeEndsWhenConfirmedElseAtItsLastLifecycleTime() {
    Instant created = NOV_1;
    Instant paid = NOV_1.plus(Duration.ofHours(1));
    Instant shipped = NOV_1.plus(days(2));
    Instant confirmed = NOV_1.plus(days(6));
    assertEquals(confirmed, TradeFacts.endOf(created, paid, shipped, confirmed));
    assertEquals(shipped, TradeFacts.endOf(created, paid, shipped, null));
    assertEquals(paid, TradeFacts.endOf(created, paid, null, null));
    assertEquals(created, TradeFacts.endOf(created, null, null, null));
  }

  @Test
  void hiddenRatingsNeverCountAndTakeNoPartInCapOrWindows() {
    PairCreditState state = new PairCreditState();
    CreditRating hidden = new CreditRating("h", day(NOV_1), NOV_1, NEGATIVE, true, trade("item", NOV_1));
    List<RatingCredit> credits = rules.apply(BUYER, SELLER, state, List.of(
        hidden, rating(NEGATIVE, NOV_1.plus(days(1)), trade("item", NOV_1))));
    assertEquals(List.of(HIDDEN, COUNTED), outcomes(credits));
    assertEquals(0, credits.get(0).points());
    assertEquals(-1, sum(credits));
  }

  @Test
  void unknownOutOfReachOrForeignTradesDoNotCount() {
    Instant tooOld = NOV_1.minus(days(LOOKBACK_DAYS + 1));
    List<RatingCredit> credits = rules.apply(BUYER, SELLER, new PairCreditState(), List.of(
        rating(POSITIVE, NOV_1, null),
        rating(POSITIVE, NOV_1, new TradeFacts(BUYER, SELLER, "item", tooOld, NOV_1)),
        rating(POSITIVE, NOV_1, new TradeFacts("someone-else", SELLER, "item", NOV_1, NOV_1)),
        rating(POSITIVE, NOV_1, new TradeFacts(BUYER, "another-shop", "item", NOV_1, NOV_1))));
    assertEquals(List.of(TRADE_UNKNOWN, TRADE_UNKNOWN, TRADE_MISMATCH, TRADE_MISMATCH), outcomes(credits));
  }

  @Test
  void neutralRatingsCountZeroAndOpenNoWindow() {
    PairCreditState state = new PairCreditState();
    List<RatingCredit> credits = rules.apply(BUYER, SELLER, state, List.of(
        rating(NEUTRAL, NOV_1, trade("item", NOV_1)),
        rating(POSITIVE, NOV_1.plus(days(1)), trade("item", NOV_1))));
    assertEquals(List.of(new RatingCredit(COUNTED, 0), new RatingCredit(COUNTED, 1)), credits);
  }

  @Test
  void resultsFollowInputOrderWhileRulesFollowTime() {
    CreditRating later = rating(POSITIVE, NOV_1.plus(days(2)), trade("item", NOV_1));
    CreditRating earlier = rating(POSITIVE, NOV_1, trade("item", NOV_1));
    List<RatingCredit> credits = rules.apply(BUYER, SELLER, new PairCreditState(), List.of(later, earlier));
    assertEquals(List.of(DUPLICATE_14D, COUNTED), outcomes(credits));
  }

  @Test
  void pruningDropsOnlyStateNoLaterDayCanReach() {
    PairCreditState state = new PairCreditState()
        .withMonth(YearMonth.of(2026, 6), 3)
        .withMonth(YearMonth.of(2026, 7), 2)
        .withWindow("old", POSITIVE, Instant.parse("2026-10-17T23:00:00Z"))
        .withWindow("open", POSITIVE, Instant.parse("2026-10-18T00:00:01Z"));
    rules.prune(state, LocalDate.of(2026, 10, 31));
    // The next day, 2026-11-01, takes ratings of trades created from 2026-08-03 on, and revisions of
    // ratings from 2026-10-01 on, whose trades were created from 2026-07-03 on: June is gone.
    assertEquals(Map.of(YearMonth.of(2026, 7), 2), state.monthNets());
    assertEquals(1, state.windowStarts().size());
    assertTrue(state.windowStarts().containsKey(new PairCreditState.WindowKey("open", POSITIVE)));
  }

  @Test
  void aNegativeRevisedToPositiveMovesTwoPointsAndANeutralOne() {
    CreditRating negative = rating(NEGATIVE, NOV_1, trade("a", NOV_1));
    CreditRating neutral = rating(NEUTRAL, NOV_1, trade("b", NOV_1));
    PairCreditState state = new PairCreditState();
    PairCredits credits = rules.apply(BUYER, SELLER, state, List.of(negative, neutral),
        List.of(revision(negative, NOV_1.plus(days(3))), revision(neutral, NOV_1.plus(days(4)))), Map.of());
    assertEquals(List.of(new RatingCredit(COUNTED, -1), new RatingCredit(COUNTED, 0)), credits.ratings());
    assertEquals(List.of(new RevisionCredit(COUNTED, 1, 2), new RevisionCredit(COUNTED, 1, 1)), credits.revisions());
    assertEquals(Map.of(YearMonth.of(2026, 11), 2), state.monthNets());
  }

  @Test
  void aRevisionGoesThroughTheMonthCapOfItsTradesMonth() {
    PairCreditState full = new PairCreditState().withMonth(YearMonth.of(2026, 11), 6);
    CreditRating neutral = rating(NEUTRAL, NOV_1, trade("a", NOV_1));
    PairCredits capped = rules.apply(BUYER, SELLER, full, List.of(neutral), List.of(revision(neutral, NOV_1.plus(days(1)))),
        Map.of());
    assertEquals(List.of(new RevisionCredit(CAPPED_MONTH, 0, 0)), capped.revisions());
    assertEquals(6, full.monthNets().get(YearMonth.of(2026, 11)));

    // Seven positives and one negative make +6: withdrawing the negative alone would leave the cap.
    PairCreditState atCap = new PairCreditState().withMonth(YearMonth.of(2026, 11), 6);
    CreditedRating negative = new CreditedRating("n", "a", YearMonth.of(2026, 11), NEGATIVE, COUNTED, -1);
    PairCredits unchanged = rules.apply(BUYER, SELLER, atCap, List.of(),
        List.of(new CreditRevision("v", "n", day(NOV_1.plus(days(2))), NOV_1.plus(days(2)), POSITIVE)), Map.of("n", negative));
    assertEquals(List.of(new RevisionCredit(CAPPED_MONTH, -1, 0)), unchanged.revisions());
    assertEquals(6, atCap.monthNets().get(YearMonth.of(2026, 11)));
  }

  @Test
  void aRevisionIntoAnOpenSameItemWindowOnlyWithdrawsTheNegative() {
    CreditRating negative = rating(NEGATIVE, NOV_1, trade("item", NOV_1));
    CreditRating positive = rating(POSITIVE, NOV_1.plus(Duration.ofHours(1)), trade("item", NOV_1));
    PairCreditState state = new PairCreditState();
    PairCredits credits = rules.apply(BUYER, SELLER, state, List.of(negative, positive),
        List.of(revision(negative, NOV_1.plus(days(13)))), Map.of());
    assertEquals(List.of(new RevisionCredit(DUPLICATE_14D, 0, 1)), credits.revisions());
    assertEquals(Map.of(YearMonth.of(2026, 11), 1), state.monthNets());
  }

  @Test
  void ratingsOutsideCreditStayOutsideWhenRevised() {
    CreditRating hidden = new CreditRating("h", day(NOV_1), NOV_1, NEGATIVE, true, trade("item", NOV_1));
    CreditRating unknown = rating(NEGATIVE, NOV_1, null);
    PairCreditState state = new PairCreditState();
    PairCredits credits = rules.apply(BUYER, SELLER, state, List.of(hidden, unknown),
        List.of(revision(hidden, NOV_1.plus(days(1))), revision(unknown, NOV_1.plus(days(1)))), Map.of());
    assertEquals(List.of(new RevisionCredit(HIDDEN, 0, 0), new RevisionCredit(TRADE_UNKNOWN, 0, 0)), credits.revisions());
    assertTrue(state.isEmpty());
  }

  /** The daily run (one day's ratings on yesterday's pruned state) must equal one fold of all history. */
  @Test
  void foldingDayByDayEqualsFoldingAllHistory() {
    Random random = new Random(7);
    LocalDate first = LocalDate.of(2026, 9, 1);
    int days = 150;
    List<CreditRating> all = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      LocalDate ratingDay = first.plusDays(random.nextInt(days));
      Instant ratedAt = ratingDay.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
      Instant created = ratedAt.minus(days(random.nextInt(40)));
      Instant ended = created.plus(days(random.nextInt(25)));
      RatingScore score = random.nextInt(10) < 7 ? POSITIVE : RatingScore.values()[random.nextInt(3)];
      TradeFacts trade = random.nextInt(20) == 0 ? null : new TradeFacts(BUYER, SELLER, "item" + random.nextInt(40), created, ended);
      all.add(new CreditRating("r" + i, ratingDay, ratedAt, score, random.nextInt(15) == 0, trade));
    }
    // About a third of the negatives and neutrals are revised to positive 0-30 days later.
    List<CreditRevision> revisions = new ArrayList<>();
    for (CreditRating r : all) {
      if (r.score() != POSITIVE && random.nextInt(3) == 0) {
        Instant revisedAt = r.ratedAt().plus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
        if (day(revisedAt).isBefore(first.plusDays(days))) {
          revisions.add(new CreditRevision("v" + r.ratingId(), r.ratingId(), day(revisedAt), revisedAt, POSITIVE));
        }
      }
    }
    PairCreditState once = new PairCreditState();
    PairCredits allAtOnce = rules.apply(BUYER, SELLER, once, all, revisions, Map.of());
    rules.prune(once, first.plusDays(days - 1));

    // The daily run finds an earlier day's rating as the ledger holds it: its latest credit.
    PairCreditState daily = new PairCreditState();
    Map<String, CreditedRating> ledger = new TreeMap<>();
    Map<String, Object> dayByDay = new TreeMap<>();
    for (int d = 0; d < days; d++) {
      LocalDate today = first.plusDays(d);
      List<CreditRating> todays = all.stream().filter(r -> r.day().equals(today)).toList();
      List<CreditRevision> todaysRevisions = revisions.stream().filter(v -> v.day().equals(today)).toList();
      Map<String, CreditedRating> earlier = new TreeMap<>();
      todaysRevisions.stream().filter(v -> ledger.containsKey(v.ratingId()))
          .forEach(v -> earlier.put(v.ratingId(), ledger.get(v.ratingId())));
      PairCredits credits = rules.apply(BUYER, SELLER, daily, todays, todaysRevisions, earlier);
      rules.prune(daily, today);
      for (int i = 0; i < todays.size(); i++) {
        dayByDay.put(todays.get(i).ratingId(), credits.ratings().get(i));
        ledger.put(todays.get(i).ratingId(), credited(todays.get(i), todays.get(i).score(), credits.ratings().get(i).outcome(),
            credits.ratings().get(i).points()));
      }
      for (int i = 0; i < todaysRevisions.size(); i++) {
        CreditRevision v = todaysRevisions.get(i);
        RevisionCredit credit = credits.revisions().get(i);
        dayByDay.put(v.revisionId(), credit);
        CreditRating rated = all.stream().filter(r -> r.ratingId().equals(v.ratingId())).findFirst().orElseThrow();
        ledger.put(v.ratingId(), credited(rated, v.score(), credit.outcome(), credit.points()));
      }
    }
    Map<String, Object> expected = new TreeMap<>(byId(all, allAtOnce.ratings()));
    for (int i = 0; i < revisions.size(); i++) {
      expected.put(revisions.get(i).revisionId(), allAtOnce.revisions().get(i));
    }
    assertEquals(expected, dayByDay);
    assertEquals(once.monthNets(), daily.monthNets());
    assertEquals(once.windowStarts(), daily.windowStarts());
    List<RatingCredit> ratingCredits = allAtOnce.ratings();
    assertTrue(ratingCredits.stream().anyMatch(c -> c.outcome() == CAPPED_MONTH), "the data exercises the cap");
    assertTrue(ratingCredits.stream().anyMatch(c -> c.outcome() == DUPLICATE_14D), "the data exercises the 14-day rule");
    assertTrue(allAtOnce.revisions().stream().anyMatch(c -> c.change() == 2), "some revisions move two points");
    assertTrue(allAtOnce.revisions().stream().anyMatch(c -> c.outcome() != COUNTED), "some revisions meet the rules");
  }

  private static CreditedRating credited(CreditRating rating, RatingScore score, CreditOutcome outcome, int points) {
    TradeFacts trade = rating.trade();
    return new CreditedRating(rating.ratingId(), trade == null ? null : trade.itemId(),
        trade == null ? null : YearMonth.from(trade.createdAt().atZone(ZoneOffset.UTC)), score, outcome, points);
  }

  private CreditRevision revision(CreditRating rating, Instant revisedAt) {
    return new CreditRevision("v" + (nextId++), rating.ratingId(), day(revisedAt), revisedAt, POSITIVE);
  }

  private CreditRating rating(RatingScore score, Instant ratedAt, TradeFacts trade) {
    return new CreditRating("r" + (nextId++), day(ratedAt), ratedAt, score, false, trade);
  }

  private static TradeFacts trade(String item, Instant created) {
    return new TradeFacts(BUYER, SELLER, item, created, created.plus(days(3)));
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Duration days(int n) {
    return Duration.ofDays(n);
  }

  private static List<CreditOutcome> outcomes(List<RatingCredit> credits) {
    return credits.stream().map(RatingCredit::outcome).toList();
  }

  private static int sum(List<RatingCredit> credits) {
    return credits.stream().mapToInt(RatingCredit::points).sum();
  }

  private static Map<String, RatingCredit> byId(List<CreditRating> ratings, List<RatingCredit> credits) {
    Map<String, RatingCredit> out = new TreeMap<>();
    for (int i = 0; i < ratings.size(); i++) {
      out.put(ratings.get(i).ratingId(), credits.get(i));
    }
    return out;
  }
}
