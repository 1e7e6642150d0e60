package org.chengxin.graph.rings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chengxin.graph.components.SharedKeyLinkage.AccountKey;
import org.chengxin.graph.rings.RingEvidence.Block;
import org.chengxin.graph.rings.RingEvidence.Candidate;
import org.chengxin.graph.rings.RingEvidence.Member;
import org.chengxin.graph.rings.RingEvidence.Rating;
import org.chengxin.graph.rings.RingEvidence.Ring;
import org.chengxin.graph.rings.RingEvidence.Seller;
import org.chengxin.graph.rings.RingEvidence.Trade;
import org.junit.jupiter.api.Test;

/** One block judged without Spark: members, evidence, score and the filter. */
class RingEvidenceTest {

  private static final Instant AS_OF = Instant.parse("2026-11-05T00:00:00Z");
  private static final RingOptions OPTIONS = RingOptions.defaults(AS_OF);
  private static final double MARKET_CONFIRM_HOURS = 72.0;

  private static Timestamp daysBefore(double days) {
    return Timestamp.from(AS_OF.minus(Duration.ofMinutes(Math.round(days * 24 * 60))));
  }

  /**
   * A ring buyer: two cheap, quickly confirmed trades with each of s1 and s2 on days 3 and 2 (in
   * lockstep with the other ring buyers), five-star ratings, first seen {@code ageDays} ago.
   */
  private static Candidate ringBuyer(String id, boolean core, double ageDays, List<AccountKey> keys) {
    List<Trade> trades = new ArrayList<>();
    List<Lockstep.Action> actions = new ArrayList<>();
    for (String seller : List.of("s1", "s2")) {
      for (double day : new double[] {3, 2}) {
        Timestamp at = daysBefore(day);
        trades.add(new Trade(seller, at, 0.2, 4.0));
        actions.add(new Lockstep.Action(seller, at.getTime() / 1000));
      }
    }
    return new Candidate(id, core, Map.of("s1", 1.0, "s2", 1.0), 2.0, daysBefore(ageDays), keys, actions, trades,
        List.of(new Rating("s1", true), new Rating("s2", true)));
  }

  /** An honest customer of s1 and of a popular shop: one ordinary trade with s1. */
  private static Candidate customer(String id, List<AccountKey> keys) {
    Timestamp at = daysBefore(10);
    return new Candidate(id, false, Map.of("s1", 0.3), 5.0, daysBefore(400), keys,
        List.of(new Lockstep.Action("s1", at.getTime() / 1000)), List.of(new Trade("s1", at, 1.0, 70.0)),
        List.of(new Rating("s1", false)));
  }

  private static Block block(List<Candidate> candidates) {
    // s1 and s2 keep most of their weight inside; "mall" sells to everyone and keeps 1%.
    return new Block(2.0, List.of(new Seller("s1", 6.0, 7.0), new Seller("s2", 6.0, 6.5), new Seller("mall", 0.5, 50.0)),
        candidates);
  }

  private static Map<String, Member> byAccount(Ring ring) {
    return ring.members().stream().collect(Collectors.toMap(Member::accountId, m -> m));
  }

  @Test
  void aBoostingBlockBecomesARingWithItsMembersAndEvidence() {
    AccountKey sharedDevice = new AccountKey("device:shared", 4);
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      candidates.add(ringBuyer("b" + i, true, i < 4 ? 5 : 300, i < 3 ? List.of(sharedDevice) : List.of()));
    }
    // Peeled away for its few trades, but on the ring's device: joins the ring.
    candidates.add(ringBuyer("b5", false, 5, List.of(sharedDevice)));
    candidates.add(customer("c0", List.of(new AccountKey("ip:home", 1))));

    Ring ring = new RingEvidence(OPTIONS, MARKET_CONFIRM_HOURS).evaluate(block(candidates)).orElseThrow();

    assertEquals(RingEvidence.ringId("s1"), ring.ringId());
    assertTrue(ring.ringId().matches("ring-[0-9a-f]{16}"));
    assertEquals(List.of("s1", "s2"), ring.sellerIds(), "the mall keeps too little of its weight inside");
    assertEquals(6, ring.buyerCount(), "five core buyers and the linked one; not the customer");
    assertEquals(24, ring.ringTrades());
    assertEquals(daysBefore(3), ring.firstActivityAt());
    assertEquals(daysBefore(2), ring.lastActivityAt());
    assertEquals(0.2, ring.priceToCategoryMedian());
    assertEquals(4.0, ring.medianConfirmHours());
    assertEquals(1.0, ring.fiveStarShare());
    assertEquals(1.0, ring.repeatPairRate());
    assertEquals(1.0, ring.lockstepShare());
    assertEquals(4.0 / 6, ring.sharedKeyShare(), 1e-12);
    assertEquals(5.0 / 6, ring.youngBuyerShare(), 1e-12);
    assertEquals(5.0, ring.medianBuyerAgeDays(), 1e-9);
    assertTrue(ring.suspiciousness() >= OPTIONS.minSuspiciousness());
    assertTrue(ring.reason().startsWith("2 sellers and 6 buyers"), ring.reason());

    Map<String, Member> members = byAccount(ring);
    assertEquals(8, members.size());
    assertEquals(RingDetection.SELLER, members.get("s1").role());
    assertEquals(6.0 / 7.0, members.get("s1").memberScore(), 1e-12);
    assertEquals(RingDetection.BUYER, members.get("b5").role());
    assertEquals(1.0, members.get("b5").memberScore(), 1e-12);
  }

  @Test
  void aDenseBlockOfOrdinaryTradesIsNotARing() {
    // Dense, but priced and confirmed like the market, rated mixed, no pair repeats.
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      candidates.add(customer("c" + i, List.of()));
    }
    Optional<Ring> ring = new RingEvidence(OPTIONS, MARKET_CONFIRM_HOURS).evaluate(block(candidates));
    assertTrue(ring.isEmpty(), () -> ring.toString());
  }

  @Test
  void aSparseBlockIsARingOnlyWithManyBuyers() {
    // Below the default density, as --ring-min-density 0.15 lets through: the same boosting
    // trades, a handful of buyers (an ordinary shop's regulars are as sparse) or a crowd.
    RingOptions sparse = RingOptions.builder(AS_OF).minDensity(0.15).build();
    RingEvidence judge = new RingEvidence(sparse, MARKET_CONFIRM_HOURS);
    List<Candidate> few = new ArrayList<>();
    List<Candidate> many = new ArrayList<>();
    for (int i = 0; i < sparse.sparseMinBuyers(); i++) {
      Candidate buyer = ringBuyer("b" + i, true, 5, List.of());
      many.add(buyer);
      if (i < sparse.sparseMinBuyers() - 1) {
        few.add(buyer);
      }
    }
    List<Seller> sellers = List.of(new Seller("s1", 6.0, 7.0), new Seller("s2", 6.0, 6.5));
    assertTrue(judge.evaluate(new Block(0.3, sellers, few)).isEmpty(), "one buyer short of sparseMinBuyers");
    Ring ring = judge.evaluate(new Block(0.3, sellers, many)).orElseThrow();
    assertEquals(sparse.sparseMinBuyers(), ring.buyerCount());
    // At the default density the few are a ring, as before.
    assertTrue(judge.evaluate(new Block(RingOptions.DEFAULT_MIN_DENSITY, sellers, few)).isPresent());
  }

  @Test
  void aBlockWhoseSellersAllLeaveHasNoRing() {
    Block camouflageOnly = new Block(2.0, List.of(new Seller("mall", 0.5, 50.0)),
        List.of(ringBuyer("b0", true, 5, List.of())));
    assertTrue(new RingEvidence(OPTIONS, MARKET_CONFIRM_HOURS).evaluate(camouflageOnly).isEmpty());
  }

  /**
   * A buyer in a graph of ratings (RingDetection#detectFromRatings): each rating stands for a trade
   * with no price, confirmation or keys; the i-th rating is of {@code sellers[i]}, an hour apart.
   */
  private static Candidate rater(String id, boolean core, List<String> sellers, List<Boolean> fiveStars) {
    List<Trade> trades = new ArrayList<>();
    List<Rating> ratings = new ArrayList<>();
    List<Lockstep.Action> actions = new ArrayList<>();
    Map<String, Double> weights = new HashMap<>();
    for (int i = 0; i < sellers.size(); i++) {
      Timestamp at = daysBefore(3 - i / 24.0);
      trades.add(new Trade(sellers.get(i), at, null, null));
      ratings.add(new Rating(sellers.get(i), fiveStars.get(i)));
      actions.add(new Lockstep.Action(sellers.get(i), at.getTime() / 1000));
      weights.put(sellers.get(i), 1.0);
    }
    return new Candidate(id, core, weights, weights.size(), daysBefore(5), List.of(), actions, trades, ratings);
  }

  @Test
  void inAGraphOfRatingsABuyerJoinsByRepeatedFiveStarRatingsOfTheRingsSellers() {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      candidates.add(rater("b" + i, true, List.of("s1", "s2", "s1", "s2"), List.of(true, true, true, true)));
    }
    candidates.add(rater("b5", false, List.of("s1", "s1"), List.of(true, true)));
    candidates.add(rater("c0", false, List.of("s1", "s1"), List.of(true, false)));
    candidates.add(rater("c1", false, List.of("s2"), List.of(true)));
    RingEvidence ratingsOnly = RingEvidence.fromRatings(OPTIONS, 0.5);

    Ring ring = ratingsOnly.evaluate(block(candidates)).orElseThrow();

    assertEquals(6, ring.buyerCount(), "the core and b5; not c0 (one rating not five-star) nor c1 (one rating)");
    assertTrue(byAccount(ring).containsKey("b5"));
    assertNull(ring.priceToCategoryMedian());
    assertNull(ring.medianConfirmHours());
    assertTrue(ring.reason().startsWith("2 sellers and 6 buyers are linked by ratings"), ring.reason());
    assertTrue(new RingEvidence(OPTIONS, MARKET_CONFIRM_HOURS).evaluate(block(candidates)).map(Ring::buyerCount).orElse(0L) < 6,
        "with trades known, repeated five-star ratings alone do not make a member");

    // A shop's loyal customers: repeat ratings, but five-star no more often than the market.
    List<Candidate> loyal = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      loyal.add(rater("l" + i, true, List.of("s1", "s2", "s1", "s2"), List.of(true, false, i % 2 == 0, false)));
    }
    assertTrue(ratingsOnly.evaluate(block(loyal)).isEmpty());
  }

  @Test
  void theMedianIsTheLowerMiddleValueOfThoseKnown() {
    assertEquals(2.0, RingEvidence.median(Stream.of(4.0, 1.0, 2.0, 3.0)));
    assertEquals(2.0, RingEvidence.median(Stream.of(3.0, null, 1.0, 2.0)));
    assertEquals(7.0, RingEvidence.median(Stream.of(7.0)));
    assertNull(RingEvidence.median(Stream.of((Double) null)));
    Map<String, Double> none = new HashMap<>();
    assertNull(RingEvidence.median(none.values().stream()));
  }
}
