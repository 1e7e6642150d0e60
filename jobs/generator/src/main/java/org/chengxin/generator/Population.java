package org.chengxin.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.chengxin.core.event.CertificateStatus;
import org.chengxin.generator.Catalog.Brand;
import org.chengxin.generator.Catalog.Category;

/**
 * The marketplace's accounts and planted campaigns, drawn once per run from the seed: all the state
 * the generator keeps (a few arrays per seller, samplers over buyers, the campaigns), independent of
 * how many trades are generated.
 */
final class Population {
  static final int DAY_SECONDS = 86_400;
  private static final int TRADES_PER_SELLER = 150;
  private static final int TRADES_PER_BUYER = 8;
  private static final double SELLER_ZIPF = 1.05;
  private static final double BUYER_ZIPF = 0.8;
  /** Share of sellers in brand categories that sell luxury brands. */
  private static final double LUXURY_SELLER_SHARE = 0.2;
  /** Beta prior concentration of per-seller upheld-complaint rates (smaller: more spread). */
  private static final double HONEST_RATE_CONCENTRATION = 2.0;
  private static final double COUNTERFEIT_RATE_CONCENTRATION = 4.0;
  /** Competitor attacks: orders placed within this window, negatives this long after it starts. */
  static final int ATTACK_ORDER_WINDOW = 3 * 3600;
  static final int ATTACK_RATING_DELAY = 36 * 3600;
  private static final int ATTACK_SPAN = 42 * 3600;

  /** A credit-boosting ring; {@code hijacked[i]} says whether {@code buyers[i]} is a taken-over account. */
  record Ring(
      String ringId,
      int[] sellers,
      int[] buyers,
      boolean[] hijacked,
      boolean camouflage,
      long windowStart,
      long windowLength,
      int trades,
      int devices,
      int ips,
      int addresses) {}

  /** A coordinated competitor attack on one seller. */
  record Attack(
      String attackId, int target, int[] attackers, boolean sharedKeys, long windowStart, long ratingMoment) {}

  /** A buyer leaving negative ratings across many sellers, often after a rejected complaint. */
  record Extortioner(int buyer, int trades) {}

  record Certificate(long recordedAt, int seller, String brand, CertificateStatus status) {}

  final long seed;
  final long periodStart;
  final long periodSeconds;
  final int sellerCount;
  final int honestBuyerCount;
  final int buyerCount;
  final int[] sellerAtRank;
  final int[] sellerRank;
  final int[] buyerAtRank;
  final byte[] sellerCategory;
  final Brand[][] sellerBrands;
  final double[] upheldRate;
  final SellerKind[] sellerKind;
  final RankSampler sellerRanks;
  final RankSampler buyerRanks;
  final List<Ring> rings = new ArrayList<>();
  final List<Attack> attacks = new ArrayList<>();
  final List<Extortioner> extortioners = new ArrayList<>();
  final List<Integer> counterfeitSellers = new ArrayList<>();
  final List<Certificate> certificates = new ArrayList<>();
  private final String[] sellerIds;
  private final int buyerIdWidth;
  private int nextAccount;

  Population(GeneratorOptions options, SplittableRandom rng) {
    FraudMix mix = options.mix();
    seed = options.seed();
    periodStart = WireText.epochSecond(options.startDate());
    periodSeconds = (long) options.days() * DAY_SECONDS;
    sellerCount = (int) Math.max(60, options.trades() / TRADES_PER_SELLER);
    honestBuyerCount = (int) Math.max(500, options.trades() / TRADES_PER_BUYER);
    sellerAtRank = RankSampler.rankToIndex(sellerCount);
    sellerRank = new int[sellerCount];
    for (int rank = 0; rank < sellerCount; rank++) {
      sellerRank[sellerAtRank[rank]] = rank;
    }
    buyerAtRank = RankSampler.rankToIndex(honestBuyerCount);
    sellerRanks = new RankSampler(sellerCount, SELLER_ZIPF);
    buyerRanks = new RankSampler(honestBuyerCount, BUYER_ZIPF);

    sellerCategory = new byte[sellerCount];
    sellerBrands = new Brand[sellerCount][];
    upheldRate = new double[sellerCount];
    sellerKind = new SellerKind[sellerCount];
    double[] shares = Catalog.sellerShares();
    for (int s = 0; s < sellerCount; s++) {
      int c = Draws.weighted(rng, shares);
      Category category = Catalog.CATEGORIES.get(c);
      sellerCategory[s] = (byte) c;
      sellerKind[s] = SellerKind.HONEST;
      upheldRate[s] =
          betaAround(rng, mix.honestUpheldRate() * category.complaintFactor(), HONEST_RATE_CONCENTRATION);
      if (!category.brands().isEmpty() && Draws.chance(rng, LUXURY_SELLER_SHARE)) {
        sellerBrands[s] = pickBrands(rng, category.brands());
      }
    }

    int counterfeit = FraudMix.campaigns(options.trades(), mix.tradesPerCounterfeitSeller());
    for (int i = 0; i < counterfeit; i++) {
      int s = pickSeller(rng, 0.05, 0.30, true);
      sellerKind[s] = SellerKind.COUNTERFEIT;
      sellerBrands[s] = pickBrands(rng, category(s).brands());
      upheldRate[s] = betaAround(rng, mix.counterfeitUpheldRate(), COUNTERFEIT_RATE_CONCENTRATION);
      counterfeitSellers.add(s);
    }
    nextAccount = honestBuyerCount;
    planRings(options, rng);
    planAttacks(options, rng);
    int extortionerCount = FraudMix.campaigns(options.trades(), mix.tradesPerExtortioner());
    for (int i = 0; i < extortionerCount; i++) {
      extortioners.add(new Extortioner(nextAccount++, mix.extortionTrades().draw(rng)));
    }
    buyerCount = nextAccount;
    buyerIdWidth = Math.max(7, Integer.toString(buyerCount - 1).length());
    int sellerIdWidth = Math.max(6, Integer.toString(sellerCount - 1).length());
    sellerIds = new String[sellerCount];
    for (int s = 0; s < sellerCount; s++) {
      sellerIds[s] = WireText.id("s", s, sellerIdWidth);
    }
    planCertificates(rng);
  }

  Category category(int seller) {
    return Catalog.CATEGORIES.get(sellerCategory[seller]);
  }

  String sellerId(int seller) {
    return sellerIds[seller];
  }

  String buyerId(int buyer) {
    return WireText.id("b", buyer, buyerIdWidth);
  }

  /** Trades the planted campaigns make (rings, attacks, extortioners); the rest are honest. */
  long campaignTrades() {
    long n = 0;
    for (Ring r : rings) {
      n += r.trades();
    }
    for (Attack a : attacks) {
      n += a.attackers().length;
    }
    for (Extortioner e : extortioners) {
      n += e.trades();
    }
    return n;
  }

  private void planRings(GeneratorOptions options, SplittableRandom rng) {
    FraudMix mix = options.mix();
    int count = FraudMix.campaigns(options.trades(), mix.tradesPerRing());
    Set<Integer> hijackedSoFar = new HashSet<>();
    for (int r = 0; r < count; r++) {
      int[] sellers = new int[mix.ringSellers().draw(rng)];
      for (int i = 0; i < sellers.length; i++) {
        // New, unpopular stores: the tail of the popularity ranking.
        sellers[i] = pickSeller(rng, 0.6, 1.0, false);
        sellerKind[sellers[i]] = SellerKind.RING;
      }
      int[] buyers = new int[mix.ringBuyers().draw(rng)];
      boolean[] hijacked = new boolean[buyers.length];
      boolean takesOver = Draws.chance(rng, mix.hijackedShare());
      double hijackedShare = takesOver ? 0.4 + 0.3 * rng.nextDouble() : 0.0;
      int trades = 0;
      for (int i = 0; i < buyers.length; i++) {
        if (i < Math.round(hijackedShare * buyers.length)) {
          // Old, moderately active honest accounts taken over by the ring.
          int b;
          do {
            b = buyerAtRank[(int) (honestBuyerCount * (0.01 + 0.29 * rng.nextDouble()))];
          } while (!hijackedSoFar.add(b));
          buyers[i] = b;
          hijacked[i] = true;
        } else {
          buyers[i] = nextAccount++; // fresh accounts created together: consecutive ids
        }
        trades += mix.ringTradesPerBuyer().draw(rng);
      }
      long length = Math.min(periodSeconds, Draws.between(rng, 1, 4) * DAY_SECONDS);
      long start = periodStart + rng.nextLong(periodSeconds - length + 1);
      rings.add(
          new Ring(
              WireText.id("ring", r + 1, 4),
              sellers,
              buyers,
              hijacked,
              Draws.chance(rng, mix.camouflageShare()),
              start,
              length,
              trades,
              (int) Draws.between(rng, 2, 4),
              (int) Draws.between(rng, 1, 3),
              (int) Draws.between(rng, 1, 3)));
    }
  }

  private void planAttacks(GeneratorOptions options, SplittableRandom rng) {
    FraudMix mix = options.mix();
    int count = FraudMix.campaigns(options.trades(), mix.tradesPerAttack());
    for (int a = 0; a < count; a++) {
      int target;
      do {
        target = pickSeller(rng, 0.01, 0.25, false);
      } while (sellerBrands[target] != null);
      sellerKind[target] = SellerKind.ATTACKED;
      int[] attackers = new int[mix.attackers().draw(rng)];
      for (int i = 0; i < attackers.length; i++) {
        attackers[i] = nextAccount++;
      }
      // Late enough in the period that the negatives land inside it when it is long enough.
      long start = periodStart + rng.nextLong(Math.max(1, periodSeconds - ATTACK_SPAN));
      attacks.add(
          new Attack(
              WireText.id("attack", a + 1, 4),
              target,
              attackers,
              Draws.chance(rng, 0.7),
              start,
              start + ATTACK_RATING_DELAY));
    }
  }

  private void planCertificates(SplittableRandom rng) {
    for (int s = 0; s < sellerCount; s++) {
      if (sellerBrands[s] == null) {
        continue;
      }
      for (Brand brand : sellerBrands[s]) {
        CertificateStatus status =
            sellerKind[s] != SellerKind.COUNTERFEIT
                ? CertificateStatus.VERIFIED
                : Draws.chance(rng, 0.55) ? CertificateStatus.MISSING : CertificateStatus.REJECTED;
        certificates.add(new Certificate(periodStart + rng.nextLong(periodSeconds), s, brand.slug(), status));
      }
    }
    certificates.sort(
        Comparator.comparingLong(Certificate::recordedAt)
            .thenComparingInt(Certificate::seller)
            .thenComparing(Certificate::brand));
  }

  /**
   * A still-honest seller whose popularity rank lies in [from, to) of the ranking, optionally in a
   * category with luxury brands. Widens to the whole ranking when that slice has none left.
   */
  private int pickSeller(SplittableRandom rng, double from, double to, boolean brandCategory) {
    for (int attempt = 0; attempt < 10 * sellerCount; attempt++) {
      double share = attempt < 5 * sellerCount ? from + (to - from) * rng.nextDouble() : rng.nextDouble();
      int s = sellerAtRank[(int) Math.min(sellerCount - 1, share * sellerCount)];
      if (sellerKind[s] == SellerKind.HONEST && (!brandCategory || !category(s).brands().isEmpty())) {
        return s;
      }
    }
    throw new IllegalStateException("too few honest sellers left to plant campaigns; raise --trades");
  }

  private static Brand[] pickBrands(SplittableRandom rng, List<Brand> brands) {
    int n = 1 + rng.nextInt(brands.size());
    int first = rng.nextInt(brands.size());
    Brand[] picked = new Brand[n];
    for (int i = 0; i < n; i++) {
      picked[i] = brands.get((first + i) % brands.size());
    }
    return picked;
  }

  /** Beta(k, k(1-m)/m): mean m, spread set by the concentration k. */
  private static double betaAround(SplittableRandom rng, double mean, double concentration) {
    if (mean <= 0) {
      return 0;
    }
    return Draws.beta(rng, concentration, concentration * (1 - mean) / mean);
  }
}
