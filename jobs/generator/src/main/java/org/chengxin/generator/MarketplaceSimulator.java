package org.chengxin.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.event.ComplaintSeverity;
import org.chengxin.core.event.ComplaintType;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.event.RevisionReason;
import org.chengxin.core.event.TradeStatus;
import org.chengxin.generator.Catalog.Brand;
import org.chengxin.generator.Catalog.Category;
import org.chengxin.generator.Events.Certificate;
import org.chengxin.generator.Events.Complaint;
import org.chengxin.generator.Events.Rating;
import org.chengxin.generator.Events.Revision;
import org.chengxin.generator.Events.Trade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the marketplace forward in time. Honest trades come as one sorted stream per day (daily
 * rhythm); each planted campaign (ring, attack, extortioner, certificates) is its own sorted stream;
 * a priority queue merges them, so trades are written in time order and trade ids rise with time.
 * Each trade's whole lifecycle and its follow-ups (ratings, complaints) are decided when it is
 * placed and written straight to the files of their own event days; nothing per trade is kept.
 */
final class MarketplaceSimulator {
  private static final Logger LOG = LoggerFactory.getLogger(MarketplaceSimulator.class);
  private static final int DAY = Population.DAY_SECONDS;
  private static final int HOUR = 3600;

  // Honest behaviour; docs/generator.md lists these.
  private static final double CANCELLED_SHARE = 0.02;
  private static final double REFUNDED_SHARE = 0.015;
  private static final double BUYER_RATES_COMPLETED = 0.75;
  private static final double BUYER_RATES_HIDDEN = 0.20;
  private static final double SELLER_RATES_BUYER = 0.60;
  private static final double HONEST_NEGATIVE = 0.01;
  private static final double HONEST_NEUTRAL = 0.01;
  private static final double COUNTERFEIT_NEGATIVE = 0.10;
  private static final double COUNTERFEIT_NEUTRAL = 0.04;
  private static final double HONEST_REJECTED_COMPLAINT = 1e-4;
  private static final double HONEST_PENDING_COMPLAINT = 2e-5;
  private static final double COUNTERFEIT_REJECTED_COMPLAINT = 0.006;
  private static final double COUNTERFEIT_PENDING_COMPLAINT = 0.002;
  private static final double HONEST_BRANDED_SHARE = 0.5;
  private static final double COUNTERFEIT_BRANDED_SHARE = 0.85;
  private static final double[] POSITIVE_DSR = {0, 0, 0, 0.04, 0.12, 0.84}; // weights of 0..5
  private static final double[] NEUTRAL_DSR = {0, 0, 0.15, 0.50, 0.35, 0};
  private static final double[] NEGATIVE_DSR = {0, 0.40, 0.35, 0.25, 0, 0};
  private static final double[] HOSTILE_DSR = {0, 0.6, 0.4, 0, 0, 0};
  private static final int RING_ITEMS = 5;
  private static final long RING_ITEM_MEDIAN_FEN = 600;
  private static final double RING_CAMOUFLAGE_TRADE_SHARE = 0.2;
  private static final int CAMOUFLAGE_TOP_SELLERS = 20;
  private static final double EXTORTION_COVER_SHARE = 0.15;
  private static final double EXTORTION_AFTER_COMPLAINT_SHARE = 0.55;
  // Rating revisions (RevisionMix, off by default), drawn from their own stream.
  private static final double REVISION_BUYER_NEGATIVE = 0.08;
  private static final double REVISION_BUYER_NEUTRAL = 0.04;
  private static final int REVISION_BUYER_TOP_RANKS = 40;
  private static final double BOUGHT_SHARE = 0.85;
  private static final long BOUGHT_LOOKBACK = 25L * DAY;
  private static final long HONEST_REVISION_MAX_DELAY = 25L * DAY;

  private final GeneratorOptions options;
  private final Population pop;
  private final SplittableRandom rng;
  private final SplittableRandom revisionRng;
  private final FeedFiles feed;
  private final TruthWriter truth;
  private final EventLines lines;
  private final RawIdentity identity;
  private final DailyRhythm rhythm = new DailyRhythm();
  private final RunStats stats;
  private final Trade trade = new Trade();
  private final Rating rating = new Rating();
  private final Complaint complaint = new Complaint();
  private final Certificate certificate = new Certificate();
  private final Revision revision = new Revision();
  private final WireText wireText;
  private final RevisionMix revisionMix;
  /** Sellers that buy revisions: their honest buyers' negatives and neutrals until their burst. */
  private final Map<Integer, List<Revisable>> revisableBeforeBurst = new HashMap<>();
  private final List<RevisionBurst> bursts = new ArrayList<>();
  private final boolean[] buysRevisions;
  private int tradeSeller;
  private int tradeBuyer;
  private long tradeSeq;
  private long ratingSeq;
  private long complaintSeq;
  private long certificateSeq;
  private long revisionSeq;

  /** A buyer-to-seller rating that could be revised: what a revision of it needs. */
  private record Revisable(String ratingId, String raterId, String rateeId, long ratedAt, int[] dsr) {}

  /** When a seller that buys revisions gets them: a burst from {@code start}, {@code length} seconds long. */
  private record RevisionBurst(int seller, long start, long length) {}

  /**
   * @param revisionRng the stream rating revisions are drawn from, so that planting them leaves the
   *     other draws as they were
   */
  MarketplaceSimulator(GeneratorOptions options, Population pop, SplittableRandom rng, SplittableRandom revisionRng,
      FeedFiles feed, TruthWriter truth) {
    this.options = options;
    this.pop = pop;
    this.rng = rng;
    this.revisionRng = revisionRng;
    this.feed = feed;
    this.truth = truth;
    this.wireText = new WireText(options.startDate(), options.days() + 60);
    this.lines = new EventLines(wireText);
    this.identity = new RawIdentity(pop.seed, pop.honestBuyerCount);
    this.stats = new RunStats(pop.sellerCount, pop.rings.size());
    this.revisionMix = options.revisions();
    this.buysRevisions = new boolean[pop.sellerCount];
    chooseRevisionBuyers();
  }

  /**
   * Honest sellers among the most popular (they have negatives to revise) that buy revisions, each
   * with a burst in the second half of the period.
   */
  private void chooseRevisionBuyers() {
    if (revisionMix.tradesPerRevisionBuyer() == 0) {
      return;
    }
    List<Integer> candidates = new ArrayList<>();
    for (int rank = 0; rank < Math.min(pop.sellerCount, REVISION_BUYER_TOP_RANKS); rank++) {
      int seller = pop.sellerAtRank[rank];
      if (pop.sellerKind[seller] == SellerKind.HONEST) {
        candidates.add(seller);
      }
    }
    int wanted = Math.min(candidates.size(), FraudMix.campaigns(options.trades(), revisionMix.tradesPerRevisionBuyer()));
    long periodEnd = pop.periodStart + pop.periodSeconds;
    for (int i = 0; i < wanted; i++) {
      int seller = candidates.remove(revisionRng.nextInt(candidates.size()));
      long start = pop.periodStart + (long) (pop.periodSeconds * (0.55 + 0.35 * revisionRng.nextDouble()));
      long length = Math.min(Draws.between(revisionRng, DAY, 3L * DAY), Math.max(HOUR, periodEnd - 1 - start));
      buysRevisions[seller] = true;
      revisableBeforeBurst.put(seller, new ArrayList<>());
      bursts.add(new RevisionBurst(seller, start, length));
    }
    bursts.sort(Comparator.comparingLong(RevisionBurst::start));
    stats.revisionBuyers = wanted;
  }

  /** One planted campaign's events, in ascending time: uniform in a window, or at fixed times. */
  private final class Schedule {
    final int order;
    final int count;
    final long start;
    final long length;
    final long[] fixedTimes;
    final Emitter emitter;
    int index;
    double position;
    long nextTime;

    Schedule(int order, int count, long start, long length, long[] fixedTimes, Emitter emitter) {
      this.order = order;
      this.count = count;
      this.start = start;
      this.length = length;
      this.fixedTimes = fixedTimes;
      this.emitter = emitter;
      advance();
    }

    boolean advance() {
      if (index >= count) {
        return false;
      }
      if (fixedTimes != null) {
        nextTime = fixedTimes[index];
      } else {
        position = Draws.nextAscending(rng, position, count - index);
        nextTime = start + (long) (position * length);
      }
      return true;
    }

    void emit() {
      emitter.emit(index++, nextTime);
    }
  }

  @FunctionalInterface
  private interface Emitter {
    void emit(int index, long time);
  }

  RunStats run() {
    long honestTrades = options.trades() - pop.campaignTrades();
    PriorityQueue<Schedule> campaigns =
        new PriorityQueue<>(Comparator.comparingLong((Schedule s) -> s.nextTime).thenComparingInt(s -> s.order));
    addCampaigns(campaigns);
    long started = System.nanoTime();
    for (int d = 0; d < options.days(); d++) {
      long dayStart = pop.periodStart + (long) d * DAY;
      long today = honestTrades / options.days() + (d < honestTrades % options.days() ? 1 : 0);
      double position = 0;
      for (long k = 0; k < today; k++) {
        position = Draws.nextAscending(rng, position, today - k);
        long time = dayStart + rhythm.secondOfDay(position);
        drain(campaigns, time);
        honestTrade(time);
      }
      drain(campaigns, dayStart + DAY - 1);
      feed.closeDay(d);
      double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
      LOG.info(
          "stage=generate day={} trades_so_far={} rate={} trades/s",
          options.startDate().plusDays(d),
          tradeSeq,
          Math.round(tradeSeq / seconds));
    }
    return stats;
  }

  private void drain(PriorityQueue<Schedule> campaigns, long until) {
    while (!campaigns.isEmpty() && campaigns.peek().nextTime <= until) {
      Schedule s = campaigns.poll();
      s.emit();
      if (s.advance()) {
        campaigns.add(s);
      }
    }
  }

  private void addCampaigns(PriorityQueue<Schedule> campaigns) {
    int order = 0;
    for (int r = 0; r < pop.rings.size(); r++) {
      Population.Ring ring = pop.rings.get(r);
      int ringIndex = r;
      campaigns.add(
          new Schedule(order++, ring.trades(), ring.windowStart(), ring.windowLength(), null,
              (i, t) -> ringTrade(ringIndex, i, t)));
    }
    for (int a = 0; a < pop.attacks.size(); a++) {
      Population.Attack attack = pop.attacks.get(a);
      int attackIndex = a;
      campaigns.add(
          new Schedule(order++, attack.attackers().length, attack.windowStart(), Population.ATTACK_ORDER_WINDOW,
              null, (i, t) -> attackTrade(attackIndex, i, t)));
    }
    for (Population.Extortioner e : pop.extortioners) {
      campaigns.add(
          new Schedule(order++, e.trades(), pop.periodStart, pop.periodSeconds, null,
              (i, t) -> extortionTrade(e, t)));
    }
    long[] certificateTimes =
        pop.certificates.stream().mapToLong(Population.Certificate::recordedAt).toArray();
    if (certificateTimes.length > 0) {
      campaigns.add(
          new Schedule(order, certificateTimes.length, 0, 0, certificateTimes,
              (i, t) -> certificate(pop.certificates.get(i))));
    }
    long[] burstTimes = bursts.stream().mapToLong(RevisionBurst::start).toArray();
    if (burstTimes.length > 0) {
      campaigns.add(new Schedule(order + 1, burstTimes.length, 0, 0, burstTimes, (i, t) -> boughtRevisions(bursts.get(i))));
    }
    campaigns.removeIf(s -> s.count == 0);
  }

  // ---- honest trades

  private void honestTrade(long time) {
    int seller = pop.sellerAtRank[pop.sellerRanks.sample(rng)];
    int buyer = pop.buyerAtRank[pop.buyerRanks.sample(rng)];
    beginTrade(seller, buyer, time);
    honestItem();
    buyerIdentity();
    honestLifecycle();
    honestOutcome();
  }

  /** Complaint, status, trade line and ratings of an honest-buyer trade whose lifecycle is set. */
  private void honestOutcome() {
    ComplaintOutcome outcome = trade.status == TradeStatus.COMPLETED ? drawComplaint() : null;
    if (outcome == ComplaintOutcome.PENDING) {
      trade.status = TradeStatus.DISPUTED;
    }
    writeTrade();
    if (outcome != null) {
      long filed = trade.confirmedAt + Draws.between(rng, HOUR, 5 * DAY);
      long resolved = outcome == ComplaintOutcome.PENDING ? Events.NONE : filed + Draws.between(rng, DAY, 7 * DAY);
      writeComplaint(complaintType(), outcome, filed, resolved);
    }
    boolean hidden = trade.status.hidesRatings();
    if (Draws.chance(rng, hidden ? BUYER_RATES_HIDDEN : BUYER_RATES_COMPLETED)) {
      long ratedAt = trade.endedAt + honestRatingDelay();
      RatingScore score = honestScore(outcome);
      if (writeBuyerRating(ratedAt, score, null, null) && score != RatingScore.POSITIVE && revisionMix.any()) {
        honestNegativeWritten();
      }
    }
    if (!hidden && Draws.chance(rng, SELLER_RATES_BUYER)) {
      double u = rng.nextDouble();
      RatingScore score = u < 0.995 ? RatingScore.POSITIVE : u < 0.998 ? RatingScore.NEUTRAL : RatingScore.NEGATIVE;
      writeSellerRating(trade.endedAt + Draws.between(rng, HOUR, 3 * DAY), score);
    }
  }

  private void beginTrade(int seller, int buyer, long time) {
    tradeSeller = seller;
    tradeBuyer = buyer;
    trade.tradeId = WireText.id("t", ++tradeSeq, 10);
    trade.buyerId = pop.buyerId(buyer);
    trade.sellerId = pop.sellerId(seller);
    trade.category = pop.category(seller).slug();
    trade.createdAt = time;
    double q = rng.nextDouble();
    trade.quantity = q < 0.85 ? 1 : q < 0.95 ? 2 : 3 + rng.nextInt(3);
  }

  /** A listed item of the seller: popular stores list more items; item attributes hash from ids. */
  private void honestItem() {
    int items = 3 + (int) (300 / (1 + pop.sellerRank[tradeSeller] / 20.0));
    int item = rng.nextInt(items);
    trade.itemId = itemId(item);
    long h = Draws.hash(pop.seed, 31, ((long) tradeSeller << 20) | item);
    SplittableRandom itemRng = new SplittableRandom(h);
    Brand[] brands = pop.sellerBrands[tradeSeller];
    boolean counterfeit = pop.sellerKind[tradeSeller] == SellerKind.COUNTERFEIT;
    double brandedShare = counterfeit ? COUNTERFEIT_BRANDED_SHARE : HONEST_BRANDED_SHARE;
    if (brands != null && itemRng.nextDouble() < brandedShare) {
      Brand brand = brands[item % brands.length];
      trade.brand = brand.slug();
      double factor = counterfeit ? 0.04 + 0.11 * itemRng.nextDouble() : Math.exp(0.08 * itemRng.nextGaussian());
      trade.priceMinor = roundPrice(brand.usualPriceFen() * factor);
    } else {
      Category category = pop.category(tradeSeller);
      trade.brand = null;
      trade.priceMinor = roundPrice(Draws.logNormal(itemRng, category.medianPriceFen(), category.priceSigma()));
    }
  }

  private String itemId(int item) {
    return "i" + trade.sellerId.substring(1) + "-" + item;
  }

  private static long roundPrice(double fen) {
    return Math.max(100, Math.round(fen / 10) * 10);
  }

  private void buyerIdentity() {
    trade.deviceId = identity.buyerDevice(tradeBuyer, rng.nextDouble());
    trade.ipAddress = identity.buyerIp(tradeBuyer, rng.nextDouble());
    trade.shippingAddress = identity.buyerAddress(tradeBuyer, rng.nextDouble());
  }

  private void honestLifecycle() {
    double u = rng.nextDouble();
    if (u < CANCELLED_SHARE) {
      trade.status = TradeStatus.CANCELLED;
      boolean paid = u < CANCELLED_SHARE / 2;
      trade.paidAt = paid ? payTime() : Events.NONE;
      trade.shippedAt = Events.NONE;
      trade.confirmedAt = Events.NONE;
      trade.endedAt = (paid ? trade.paidAt : trade.createdAt) + 600 + (long) Draws.exponential(rng, 6 * HOUR);
    } else if (u < CANCELLED_SHARE + REFUNDED_SHARE) {
      trade.status = TradeStatus.REFUNDED;
      trade.paidAt = payTime();
      trade.shippedAt = Draws.chance(rng, 0.5) ? trade.paidAt + shipDelay() : Events.NONE;
      trade.confirmedAt = Events.NONE;
      trade.endedAt = Math.max(trade.paidAt, trade.shippedAt) + Draws.between(rng, DAY, 5 * DAY);
    } else {
      completedLifecycle(
          Draws.chance(rng, 0.95) ? Draws.between(rng, DAY / 2, 3 * DAY) : Draws.between(rng, 3 * DAY, 10 * DAY));
    }
  }

  private void completedLifecycle(long confirmDelay) {
    trade.status = TradeStatus.COMPLETED;
    trade.paidAt = payTime();
    trade.shippedAt = trade.paidAt + shipDelay();
    trade.confirmedAt = trade.shippedAt + confirmDelay;
    trade.endedAt = trade.confirmedAt;
  }

  private long payTime() {
    return trade.createdAt + 20 + (long) Draws.exponential(rng, 180);
  }

  private long shipDelay() {
    return (long) Math.min(72.0 * HOUR, Draws.logNormal(rng, 8 * HOUR, 0.8));
  }

  /** Mostly within a day; a tail over a week, some past the 15-day credit window. */
  private long honestRatingDelay() {
    double u = rng.nextDouble();
    if (u < 0.85) {
      return 300 + (long) Math.min(DAY, Draws.exponential(rng, 5 * HOUR));
    }
    return u < 0.97 ? Draws.between(rng, DAY, 7 * DAY) : Draws.between(rng, 7 * DAY, 25 * DAY);
  }

  private ComplaintOutcome drawComplaint() {
    boolean counterfeit = pop.sellerKind[tradeSeller] == SellerKind.COUNTERFEIT;
    double u = rng.nextDouble() - pop.upheldRate[tradeSeller];
    if (u < 0) {
      return ComplaintOutcome.UPHELD;
    }
    u -= counterfeit ? COUNTERFEIT_REJECTED_COMPLAINT : HONEST_REJECTED_COMPLAINT;
    if (u < 0) {
      return ComplaintOutcome.REJECTED;
    }
    u -= counterfeit ? COUNTERFEIT_PENDING_COMPLAINT : HONEST_PENDING_COMPLAINT;
    return u < 0 ? ComplaintOutcome.PENDING : null;
  }

  private ComplaintType complaintType() {
    if (pop.sellerKind[tradeSeller] == SellerKind.COUNTERFEIT && trade.brand != null) {
      return Draws.chance(rng, 0.85) ? ComplaintType.COUNTERFEIT : ComplaintType.NOT_AS_DESCRIBED;
    }
    return switch (Draws.weighted(rng, new double[] {0.4, 0.2, 0.2, 0.1, 0.1})) {
      case 0 -> ComplaintType.NOT_AS_DESCRIBED;
      case 1 -> ComplaintType.NOT_RECEIVED;
      case 2 -> ComplaintType.SERVICE;
      case 3 -> ComplaintType.OTHER;
      default -> ComplaintType.COUNTERFEIT;
    };
  }

  private RatingScore honestScore(ComplaintOutcome complaintOutcome) {
    double negative = HONEST_NEGATIVE;
    double neutral = HONEST_NEUTRAL;
    if (complaintOutcome == ComplaintOutcome.UPHELD) {
      negative = 0.6;
      neutral = 0.2;
    } else if (trade.status.hidesRatings()) {
      negative = 0.05;
      neutral = 0.05;
    } else if (pop.sellerKind[tradeSeller] == SellerKind.COUNTERFEIT) {
      negative = COUNTERFEIT_NEGATIVE;
      neutral = COUNTERFEIT_NEUTRAL;
    } else if (buysRevisions[tradeSeller]) {
      // A seller with more unhappy buyers than most, which is why it buys revisions.
      negative = REVISION_BUYER_NEGATIVE;
      neutral = REVISION_BUYER_NEUTRAL;
    }
    double u = rng.nextDouble();
    return u < negative ? RatingScore.NEGATIVE : u < negative + neutral ? RatingScore.NEUTRAL : RatingScore.POSITIVE;
  }

  // ---- planted campaigns

  private void ringTrade(int ringIndex, int i, long time) {
    Population.Ring ring = pop.rings.get(ringIndex);
    // Every colluding buyer trades at least once, then at random.
    int buyer = ring.buyers()[i < ring.buyers().length ? i : rng.nextInt(ring.buyers().length)];
    long pool = RawIdentity.RING_POOL + 16L * ringIndex;
    boolean camouflage = ring.camouflage() && Draws.chance(rng, RING_CAMOUFLAGE_TRADE_SHARE);
    int seller =
        camouflage
            ? pop.sellerAtRank[rng.nextInt(Math.min(CAMOUFLAGE_TOP_SELLERS, pop.sellerCount))]
            : ring.sellers()[rng.nextInt(ring.sellers().length)];
    beginTrade(seller, buyer, time);
    trade.deviceId = identity.device(pool + rng.nextInt(ring.devices()));
    trade.ipAddress = identity.publicIp(pool + rng.nextInt(ring.ips()));
    trade.shippingAddress = identity.address(pool + rng.nextInt(ring.addresses()));
    stats.ringFirstTrade[ringIndex] = Math.min(stats.ringFirstTrade[ringIndex], time);
    stats.ringLastTrade[ringIndex] = Math.max(stats.ringLastTrade[ringIndex], time);
    if (camouflage) {
      honestItem();
      honestLifecycle();
      honestOutcome();
      return;
    }
    // Cheap items, paid at once, "shipped" in minutes, confirmed within hours, five stars.
    int item = rng.nextInt(RING_ITEMS);
    trade.itemId = itemId(item);
    trade.brand = null;
    trade.quantity = 1;
    trade.priceMinor =
        roundPrice(Draws.logNormal(new SplittableRandom(Draws.hash(pop.seed, 32, seller * 8L + item)),
            RING_ITEM_MEDIAN_FEN, 0.4));
    trade.status = TradeStatus.COMPLETED;
    trade.paidAt = time + Draws.between(rng, 10, 90);
    trade.shippedAt = trade.paidAt + Draws.between(rng, 120, 2400);
    trade.confirmedAt = trade.shippedAt + Draws.between(rng, 600, 3 * HOUR);
    trade.endedAt = trade.confirmedAt;
    writeTrade();
    if (Draws.chance(rng, 0.97)) {
      writeBuyerRating(
          trade.confirmedAt + Draws.between(rng, 60, 2 * HOUR), RatingScore.POSITIVE, new int[] {5, 5, 5},
          MaliciousPattern.RING_BOOST);
    }
    if (Draws.chance(rng, 0.9)) {
      writeSellerRating(trade.confirmedAt + Draws.between(rng, 60, 3 * HOUR), RatingScore.POSITIVE);
    }
  }

  private void attackTrade(int attackIndex, int i, long time) {
    Population.Attack attack = pop.attacks.get(attackIndex);
    int attacker = attack.attackers()[i];
    beginTrade(attack.target(), attacker, time);
    honestItem();
    buyerIdentity();
    if (attack.sharedKeys()) {
      long pool = RawIdentity.ATTACK_POOL + 16L * attackIndex;
      trade.deviceId = identity.device(pool + rng.nextInt(2));
      trade.ipAddress = identity.publicIp(pool);
    }
    completedLifecycle(Draws.between(rng, 300, HOUR));
    writeTrade();
    long ratedAt = Math.max(trade.confirmedAt + 300, attack.ratingMoment() + Draws.between(rng, 0, 3 * HOUR));
    writeBuyerRating(ratedAt, RatingScore.NEGATIVE, drawDsr(HOSTILE_DSR), MaliciousPattern.COMPETITOR_ATTACK);
  }

  private void extortionTrade(Population.Extortioner extortioner, long time) {
    int seller = pop.sellerAtRank[pop.sellerRanks.sample(rng)];
    beginTrade(seller, extortioner.buyer(), time);
    honestItem();
    buyerIdentity();
    completedLifecycle(Draws.between(rng, DAY, 3 * DAY));
    writeTrade();
    double u = rng.nextDouble();
    if (u < EXTORTION_COVER_SHARE) {
      writeBuyerRating(trade.confirmedAt + honestRatingDelay(), RatingScore.POSITIVE, null, null);
      return;
    }
    long ratedAt;
    if (u < EXTORTION_COVER_SHARE + EXTORTION_AFTER_COMPLAINT_SHARE) {
      long filed = trade.confirmedAt + Draws.between(rng, 6 * HOUR, 3 * DAY);
      long resolved = filed + Draws.between(rng, DAY, 4 * DAY);
      writeComplaint(
          Draws.chance(rng, 0.6) ? ComplaintType.NOT_AS_DESCRIBED : ComplaintType.SERVICE,
          ComplaintOutcome.REJECTED, filed, resolved);
      ratedAt = resolved + Draws.between(rng, 300, 3 * HOUR);
    } else {
      ratedAt = trade.confirmedAt + Draws.between(rng, 600, DAY);
    }
    if (writeBuyerRating(ratedAt, RatingScore.NEGATIVE, drawDsr(HOSTILE_DSR), MaliciousPattern.EXTORTION)
        && Draws.chance(revisionRng, revisionMix.paidOffShare())) {
      payOffExtortion();
    }
  }

  // ---- rating revisions (RevisionMix)

  /**
   * The seller pays the extortioner off (an upheld complaint on the trade, filed after the
   * negative, with compensation: the refund), and the extortioner revises the negative to positive
   * soon after: all of it, or none when it would end after the last day.
   */
  private void payOffExtortion() {
    Revisable negative = revisableRating();
    long filed = negative.ratedAt() + Draws.between(revisionRng, HOUR, 2L * DAY);
    long resolved = filed + Draws.between(revisionRng, DAY / 2, 3L * DAY);
    long revisedAt = resolved + Draws.between(revisionRng, HOUR, DAY);
    if (day(revisedAt) >= options.days()) {
      return;
    }
    ComplaintType type = Draws.chance(revisionRng, 0.5) ? ComplaintType.NOT_AS_DESCRIBED : ComplaintType.NOT_RECEIVED;
    writeComplaint(type, ComplaintOutcome.UPHELD, filed, resolved, revisionRng);
    writeRevision(negative, revisedAt, RevisionReason.RESOLVED, RevisionPattern.PAID_OFF_EXTORTION);
  }

  /** An honest buyer's negative or neutral just written: kept for its seller's burst, or maybe revised honestly. */
  private void honestNegativeWritten() {
    List<Revisable> beforeBurst = revisableBeforeBurst.get(tradeSeller);
    if (beforeBurst != null) {
      beforeBurst.add(revisableRating());
    } else if (Draws.chance(revisionRng, revisionMix.honestRevisionRate())) {
      long revisedAt = rating.ratedAt + Draws.between(revisionRng, DAY, HONEST_REVISION_MAX_DELAY);
      writeRevision(revisableRating(), revisedAt,
          Draws.chance(revisionRng, 0.7) ? RevisionReason.ARRIVED : RevisionReason.RESOLVED, RevisionPattern.HONEST);
    }
  }

  /**
   * A seller's burst of bought revisions: most of its buyers' negatives and neutrals of the last
   * 25 days revised within the burst. Later ones are left to honest revision.
   */
  private void boughtRevisions(RevisionBurst burst) {
    List<Revisable> candidates = revisableBeforeBurst.remove(burst.seller());
    int count = 0;
    for (Revisable r : candidates) {
      if (r.ratedAt() < burst.start() && r.ratedAt() >= burst.start() - BOUGHT_LOOKBACK
          && Draws.chance(revisionRng, BOUGHT_SHARE)) {
        long revisedAt = burst.start() + (long) (revisionRng.nextDouble() * burst.length());
        RevisionReason reason = Draws.chance(revisionRng, 0.5) ? RevisionReason.RESOLVED : RevisionReason.OTHER;
        if (writeRevision(r, revisedAt, reason, RevisionPattern.BOUGHT)) {
          count++;
        }
      }
    }
    truth.revisionBuyer(pop.sellerId(burst.seller()), wireText.timestamp(burst.start()),
        wireText.timestamp(burst.start() + burst.length()), count);
  }

  /** The buyer rating last written, as a revision needs it. */
  private Revisable revisableRating() {
    return new Revisable(rating.ratingId, rating.raterId, rating.rateeId, rating.ratedAt,
        new int[] {rating.itemAsDescribed, rating.service, rating.logistics});
  }

  /**
   * Writes a revision to positive, its detailed ratings raised (never lowered), with its truth row;
   * false when it would fall after the last day.
   */
  private boolean writeRevision(Revisable r, long revisedAt, RevisionReason reason, RevisionPattern pattern) {
    if (day(revisedAt) >= options.days()) {
      return false;
    }
    revision.revisionId = WireText.id("v", ++revisionSeq, 10);
    revision.ratingId = r.ratingId();
    revision.raterId = r.raterId();
    revision.score = RatingScore.POSITIVE;
    int[] raised = drawDsr(POSITIVE_DSR, revisionRng);
    revision.itemAsDescribed = Math.max(raised[0], r.dsr()[0]);
    revision.service = Math.max(raised[1], r.dsr()[1]);
    revision.logistics = Math.max(raised[2], r.dsr()[2]);
    revision.revisedAt = revisedAt;
    revision.reason = reason;
    feed.write(EventKind.RATING_REVISION, day(revisedAt), lines.revision(revision));
    RunStats.add(stats.revisions, pattern);
    truth.revision(revision.revisionId, r.ratingId(), r.raterId(), r.rateeId(), pattern, wireText.timestamp(r.ratedAt()),
        wireText.timestamp(revisedAt));
    return true;
  }

  private void certificate(Population.Certificate planned) {
    certificate.certificateId = WireText.id("cert", ++certificateSeq, 7);
    certificate.sellerId = pop.sellerId(planned.seller());
    certificate.brand = planned.brand();
    certificate.status = planned.status();
    certificate.recordedAt = planned.recordedAt();
    feed.write(EventKind.CERTIFICATE, day(planned.recordedAt()), lines.certificate(certificate));
    stats.certificates++;
  }

  // ---- writing events

  private void writeTrade() {
    feed.write(EventKind.TRADE, day(trade.createdAt), lines.trade(trade));
    stats.sellerTrades[tradeSeller]++;
    RunStats.add(stats.tradesByStatus, trade.status);
  }

  private void writeComplaint(ComplaintType type, ComplaintOutcome outcome, long filed, long resolved) {
    writeComplaint(type, outcome, filed, resolved, rng);
  }

  /** @param draws the stream severity and compensation are drawn from */
  private void writeComplaint(ComplaintType type, ComplaintOutcome outcome, long filed, long resolved,
      SplittableRandom draws) {
    if (day(filed) >= options.days()) {
      return; // after the last generated day: not emitted, not counted
    }
    complaint.complaintId = WireText.id("c", ++complaintSeq, 9);
    complaint.tradeId = trade.tradeId;
    complaint.buyerId = trade.buyerId;
    complaint.sellerId = trade.sellerId;
    complaint.type = type;
    complaint.severity = severity(type, draws);
    complaint.filedAt = filed;
    complaint.resolvedAt = resolved;
    complaint.outcome = outcome;
    long paid = trade.priceMinor * trade.quantity;
    complaint.compensationMinor =
        outcome != ComplaintOutcome.UPHELD
            ? 0
            : type == ComplaintType.COUNTERFEIT ? paid : Math.max(100, Math.round(paid * (0.1 + 0.9 * draws.nextDouble())));
    feed.write(EventKind.COMPLAINT, day(filed), lines.complaint(complaint));
    RunStats.add(stats.complaintsByOutcome, outcome);
  }

  private static ComplaintSeverity severity(ComplaintType type, SplittableRandom draws) {
    double[] weights = type == ComplaintType.COUNTERFEIT ? new double[] {0.1, 0.3, 0.6} : new double[] {0.5, 0.35, 0.15};
    return ComplaintSeverity.values()[Draws.weighted(draws, weights)];
  }

  /** Writes a buyer's rating of the current trade; false when it would fall after the last day. */
  private boolean writeBuyerRating(long ratedAt, RatingScore score, int[] dsr, MaliciousPattern pattern) {
    if (day(ratedAt) >= options.days()) {
      return false;
    }
    int[] detailed = dsr != null ? dsr : drawDsr(score == RatingScore.POSITIVE ? POSITIVE_DSR
        : score == RatingScore.NEUTRAL ? NEUTRAL_DSR : NEGATIVE_DSR);
    fillRating(ratedAt, score, RatingDirection.BUYER_TO_SELLER, trade.buyerId, trade.sellerId);
    rating.itemAsDescribed = detailed[0];
    rating.service = detailed[1];
    rating.logistics = detailed[2];
    feed.write(EventKind.RATING, day(ratedAt), lines.rating(rating));
    RunStats.add(stats.buyerRatingsByScore, score);
    if (pattern != null) {
      truth.maliciousRating(rating.ratingId, rating.raterId, rating.rateeId, pattern);
      RunStats.add(stats.maliciousRatings, pattern);
    }
    return true;
  }

  private void writeSellerRating(long ratedAt, RatingScore score) {
    if (day(ratedAt) >= options.days()) {
      return;
    }
    fillRating(ratedAt, score, RatingDirection.SELLER_TO_BUYER, trade.sellerId, trade.buyerId);
    rating.itemAsDescribed = Events.NO_DSR;
    rating.service = Events.NO_DSR;
    rating.logistics = Events.NO_DSR;
    feed.write(EventKind.RATING, day(ratedAt), lines.rating(rating));
    RunStats.add(stats.sellerRatingsByScore, score);
  }

  private void fillRating(long ratedAt, RatingScore score, RatingDirection direction, String rater, String ratee) {
    rating.ratingId = WireText.id("r", ++ratingSeq, 10);
    rating.tradeId = trade.tradeId;
    rating.raterId = rater;
    rating.rateeId = ratee;
    rating.direction = direction;
    rating.score = score;
    rating.ratedAt = ratedAt;
    rating.hidden = trade.status.hidesRatings();
  }

  private int[] drawDsr(double[] weights) {
    return drawDsr(weights, rng);
  }

  private static int[] drawDsr(double[] weights, SplittableRandom draws) {
    return new int[] {Draws.weighted(draws, weights), Draws.weighted(draws, weights), Draws.weighted(draws, weights)};
  }

  private int day(long time) {
    return (int) Math.floorDiv(time - pop.periodStart, DAY);
  }
}
