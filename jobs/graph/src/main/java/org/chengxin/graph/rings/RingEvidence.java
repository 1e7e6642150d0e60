package org.chengxin.graph.rings;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chengxin.graph.components.SharedKeyLinkage;

/**
 * Turns one peeled block into a ring, or into nothing (docs/rings.md, Algorithm steps 5-8): which
 * sellers and buyers are members, the evidence measured on them, the score and the reason. Plain
 * Java over one block's gathered data, run inside the task that holds the block; the Spark wiring
 * ({@link RingDetection}) only gathers each block's rows.
 */
final class RingEvidence implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final long MS_PER_DAY = 86_400_000L;

  /** A seller the peel put in the block, with its weighted degree inside it and in the whole graph. */
  record Seller(String id, double blockDegree, double totalWeight) {}

  /** A trade of a candidate buyer in the window. */
  record Trade(String sellerId, Timestamp createdAt, Double priceToCategoryMedian, Double confirmHours) {}

  /** A buyer's rating of a seller in the window. */
  record Rating(String sellerId, boolean fiveStar) {}

  /**
   * A buyer of one of the block's sellers: a member if the peel kept it ({@code core}) or if it
   * shares a link group with a core buyer.
   *
   * @param sellerWeights edge weight to each block seller it traded with
   * @param totalWeight weighted degree in the whole graph
   * @param firstSeen its first trade before the end of the period
   * @param keys its device/IP/address keys in the window
   * @param actions its trades and ratings in the window, with any seller (lockstep)
   * @param trades its trades in the window (those with the ring's sellers are ring trades)
   * @param ratings its ratings of sellers in the window (those of the ring's sellers count)
   */
  record Candidate(String id, boolean core, Map<String, Double> sellerWeights, double totalWeight,
      Timestamp firstSeen, List<SharedKeyLinkage.AccountKey> keys, List<Lockstep.Action> actions, List<Trade> trades,
      List<Rating> ratings) {}

  record Block(double density, List<Seller> sellers, List<Candidate> candidates) {}

  record Member(String accountId, String role, double memberScore) {}

  /** A ring as the {@code rings} table holds it, with its members. */
  record Ring(String ringId, List<String> sellerIds, long buyerCount, long ringTrades, double density,
      double suspiciousness, Timestamp firstActivityAt, Timestamp lastActivityAt, Double priceToCategoryMedian,
      Double medianConfirmHours, double medianBuyerAgeDays, double youngBuyerShare, Double fiveStarShare,
      double repeatPairRate, double lockstepShare, double sharedKeyShare, String reason, List<Member> members) {}

  private final RingOptions options;
  private final RingScore scoring;
  private final Lockstep lockstep;
  private final SharedKeyLinkage linkage;

  /** @param marketConfirmHours market median hours from payment to confirmation; NaN when unknown */
  RingEvidence(RingOptions options, double marketConfirmHours) {
    this(options, RingScore.ofTrades(options.minDensity(), marketConfirmHours));
  }

  /**
   * Judges blocks of a graph of ratings standing for their trades (RingDetection#detectFromRatings).
   *
   * @param marketFiveStarShare share of the window's buyer ratings that are all five-star
   */
  static RingEvidence fromRatings(RingOptions options, double marketFiveStarShare) {
    return new RingEvidence(options, RingScore.ofRatings(options.minDensity(), marketFiveStarShare));
  }

  private RingEvidence(RingOptions options, RingScore scoring) {
    this.options = options;
    this.scoring = scoring;
    this.lockstep = new Lockstep(options);
    this.linkage = new SharedKeyLinkage(options.maxAccountsPerKey());
  }

  /** The block as a ring, or empty when it has no member seller, no ring trade, or too little evidence. */
  Optional<Ring> evaluate(Block block) {
    // A popular shop that ring buyers visit as camouflage keeps little of its weight inside the block.
    List<Member> sellers = new ArrayList<>();
    for (Seller seller : block.sellers()) {
      if (keepsPlace(seller.blockDegree(), seller.totalWeight(), options.minSellerShare())) {
        sellers.add(new Member(seller.id(), RingDetection.SELLER, memberScore(seller.blockDegree(), seller.totalWeight())));
      }
    }
    Set<String> sellerIds = new HashSet<>();
    sellers.forEach(s -> sellerIds.add(s.accountId()));
    List<Candidate> trading = block.candidates().stream().filter(c -> blockDegree(c, sellerIds) > 0).toList();
    Map<String, List<SharedKeyLinkage.AccountKey>> keys = new HashMap<>();
    trading.forEach(c -> keys.put(c.id(), c.keys()));
    Map<String, Integer> linkGroups = linkage.groups(keys);
    List<Candidate> buyers = buyers(trading, linkGroups, sellerIds);
    if (block.density() < RingOptions.DEFAULT_MIN_DENSITY && buyers.size() < options.sparseMinBuyers()) {
      return Optional.empty();
    }
    List<Trade> ringTrades = new ArrayList<>();
    List<Rating> ringRatings = new ArrayList<>();
    Map<String, Integer> pairTrades = new HashMap<>();
    for (Candidate buyer : buyers) {
      for (Trade trade : buyer.trades()) {
        if (sellerIds.contains(trade.sellerId())) {
          ringTrades.add(trade);
          pairTrades.merge(buyer.id() + '\u0000' + trade.sellerId(), 1, Integer::sum);
        }
      }
      buyer.ratings().stream().filter(r -> sellerIds.contains(r.sellerId())).forEach(ringRatings::add);
    }
    if (ringTrades.isEmpty()) {
      return Optional.empty();
    }
    String[] sortedSellers = sellerIds.toArray(new String[0]);
    Arrays.sort(sortedSellers);

    long asOfMillis = options.asOf().toEpochMilli();
    double[] ages = buyers.stream().mapToDouble(b -> (double) (asOfMillis - b.firstSeen().getTime()) / MS_PER_DAY).toArray();
    Map<String, List<Lockstep.Action>> actions = new HashMap<>();
    buyers.forEach(b -> actions.put(b.id(), b.actions()));
    Set<String> inLockstep = lockstep.accountsInLockstep(actions);
    double repeatPairRate = pairTrades.values().stream().mapToDouble(n -> n >= 2 ? 1.0 : 0.0).average().orElseThrow();
    Double fiveStarShare =
        ringRatings.isEmpty() ? null : ringRatings.stream().mapToDouble(r -> r.fiveStar() ? 1.0 : 0.0).average().orElseThrow();
    RingScore.Signals signals = new RingScore.Signals(sortedSellers.length, buyers.size(), block.density(), fiveStarShare,
        repeatPairRate, share(buyers, b -> inLockstep.contains(b.id())), sharedKeyShare(buyers, linkGroups),
        share(ages, age -> age < options.youngAccountDays()),
        median(ringTrades.stream().map(Trade::confirmHours)), median(ringTrades.stream().map(Trade::priceToCategoryMedian)));
    RingScore.Score score = scoring.score(signals);
    if (score.suspiciousness() < options.minSuspiciousness() || score.boostingEvidence() < options.minBoostingEvidence()) {
      return Optional.empty();
    }
    List<Member> members = new ArrayList<>(sellers);
    for (Candidate buyer : buyers) {
      members.add(new Member(buyer.id(), RingDetection.BUYER, memberScore(blockDegree(buyer, sellerIds), buyer.totalWeight())));
    }
    Timestamp first = ringTrades.stream().map(Trade::createdAt).min(Timestamp::compareTo).orElseThrow();
    Timestamp last = ringTrades.stream().map(Trade::createdAt).max(Timestamp::compareTo).orElseThrow();
    return Optional.of(new Ring(ringId(sortedSellers[0]), List.of(sortedSellers), buyers.size(), ringTrades.size(),
        block.density(), score.suspiciousness(), first, last, signals.priceToCategoryMedian(), signals.medianConfirmHours(),
        median(Arrays.stream(ages).boxed()), signals.youngBuyerShare(), fiveStarShare, repeatPairRate,
        signals.lockstepShare(), signals.sharedKeyShare(), score.reason(), members));
  }

  /**
   * The block's buyers: the peeled core, plus buyers of the block's sellers that share a device, IP
   * or address link group with a core buyer (peeling drops colluders with few ring trades; honest
   * customers of the same shop do not share the ring's devices). A graph of ratings has no keys:
   * there a buyer joins when it rated the block's sellers at least twice and all five-star every
   * time, which a boosting colluder does and a shop's ordinary customers seldom do.
   */
  private List<Candidate> buyers(List<Candidate> trading, Map<String, Integer> groups, Set<String> sellerIds) {
    Set<Integer> coreGroups = new HashSet<>();
    trading.stream().filter(Candidate::core).map(c -> groups.get(c.id())).filter(g -> g != null).forEach(coreGroups::add);
    return trading.stream()
        .filter(c -> c.core() || coreGroups.contains(groups.get(c.id())) || (!scoring.tradesKnown() && boosts(c, sellerIds)))
        .toList();
  }

  /** Rated the given sellers at least twice, every rating all five-star. */
  private static boolean boosts(Candidate candidate, Set<String> sellerIds) {
    List<Rating> ofSellers = candidate.ratings().stream().filter(r -> sellerIds.contains(r.sellerId())).toList();
    return ofSellers.size() >= 2 && ofSellers.stream().allMatch(Rating::fiveStar);
  }

  private static double blockDegree(Candidate candidate, Set<String> sellerIds) {
    double degree = 0;
    for (Map.Entry<String, Double> edge : candidate.sellerWeights().entrySet()) {
      if (sellerIds.contains(edge.getKey())) {
        degree += edge.getValue();
      }
    }
    return degree;
  }

  /**
   * Whether a peeled seller stays in its ring: at least {@code minSellerShare} of its weight lies
   * inside the block. Spark applies it too, before gathering the buyers of the block's sellers.
   */
  static boolean keepsPlace(double blockDegree, double totalWeight, double minSellerShare) {
    return memberScore(blockDegree, totalWeight) >= minSellerShare;
  }

  /** Share of the account's whole weighted degree that lies inside its block. */
  private static double memberScore(double blockDegree, double totalWeight) {
    return Math.min(1.0, blockDegree / totalWeight);
  }

  /** Share of buyers in a link group with another buyer of the ring. */
  private static double sharedKeyShare(List<Candidate> buyers, Map<String, Integer> groups) {
    Map<Integer, Integer> buyersPerGroup = new HashMap<>();
    buyers.stream().map(b -> groups.get(b.id())).filter(g -> g != null).forEach(g -> buyersPerGroup.merge(g, 1, Integer::sum));
    return share(buyers, b -> groups.containsKey(b.id()) && buyersPerGroup.get(groups.get(b.id())) >= 2);
  }

  private static <T> double share(List<T> items, java.util.function.Predicate<T> test) {
    return items.stream().mapToDouble(i -> test.test(i) ? 1.0 : 0.0).average().orElse(0.0);
  }

  private static double share(double[] values, java.util.function.DoublePredicate test) {
    return Arrays.stream(values).map(v -> test.test(v) ? 1.0 : 0.0).average().orElse(0.0);
  }

  /**
   * The lower median of the non-null values (the smallest value at least half of them do not
   * exceed), as Spark's percentile_approx gives it on groups this size; null when there is none.
   */
  static Double median(java.util.stream.Stream<Double> values) {
    double[] sorted = values.filter(v -> v != null).mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length == 0 ? null : sorted[(sorted.length + 1) / 2 - 1];
  }

  /** ring- and 16 hex digits of SHA-256 of the smallest seller id: stable from day to day. */
  static String ringId(String smallestSellerId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(smallestSellerId.getBytes(StandardCharsets.UTF_8));
      return "ring-" + HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
