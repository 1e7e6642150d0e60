package org.chengxin.graph.rings;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A small one-day market built in code for tests: honest buyers trading with sellers of Zipf-like
 * popularity (so a few sellers are very popular), carrier NAT IPs and parcel lockers shared by many
 * honest buyers, and planted credit-boosting rings of 1-3 sellers and 10-40 colluding buyers, some
 * of them hijacked honest accounts, some rings camouflaging a fifth of their trades as purchases
 * from the 20 most popular sellers. Rings trade cheap items in bursts, confirm fast, rate five-star
 * and reuse a few devices. Same seed, same market.
 */
final class SyntheticMarket {

  static final Instant DAY_END = Instant.parse("2026-11-02T00:00:00Z");
  private static final long DAY_SECONDS = 86_400;
  private static final int CATEGORIES = 10;
  private static final int NAT_IPS = 3;
  private static final int LOCKERS = 2;
  static final int POPULAR_SELLERS = 20;

  static final StructType TRADES =
      new StructType()
          .add("trade_id", DataTypes.StringType)
          .add("buyer_id", DataTypes.StringType)
          .add("seller_id", DataTypes.StringType)
          .add("category", DataTypes.StringType)
          .add("price_minor", DataTypes.LongType)
          .add("created_at", DataTypes.TimestampType)
          .add("paid_at", DataTypes.TimestampType)
          .add("confirmed_at", DataTypes.TimestampType)
          .add("status", DataTypes.StringType)
          .add("device_key", DataTypes.StringType)
          .add("ip_key", DataTypes.StringType)
          .add("address_key", DataTypes.StringType);

  static final StructType RATINGS =
      new StructType()
          .add("rater_id", DataTypes.StringType)
          .add("ratee_id", DataTypes.StringType)
          .add("direction", DataTypes.StringType)
          .add("score", DataTypes.StringType)
          .add("item_as_described", DataTypes.IntegerType)
          .add("service", DataTypes.IntegerType)
          .add("logistics", DataTypes.IntegerType)
          .add("rated_at", DataTypes.TimestampType);

  final List<Row> trades = new ArrayList<>();
  final List<Row> ratings = new ArrayList<>();
  final Set<String> ringBuyers = new HashSet<>();
  final Set<String> ringSellers = new HashSet<>();
  final List<Set<String>> ringAccounts = new ArrayList<>();
  private final Random rng;
  private final int honestBuyers;
  private final int sellers;

  SyntheticMarket(long seed, int honestTrades, int rings) {
    this.rng = new Random(seed);
    this.honestBuyers = honestTrades / 3;
    this.sellers = Math.max(POPULAR_SELLERS * 5, honestTrades / 50);
    for (int t = 0; t < honestTrades; t++) {
      int buyer = rng.nextInt(honestBuyers);
      honestTrade("h" + buyer, "s" + popularSeller(), rng.nextLong(DAY_SECONDS), buyer);
    }
    for (int r = 0; r < rings; r++) {
      plantRing(r);
    }
  }

  Dataset<Row> trades(SparkSession spark) {
    return spark.createDataFrame(trades, TRADES);
  }

  Dataset<Row> ratings(SparkSession spark) {
    return spark.createDataFrame(ratings, RATINGS);
  }

  /** Sellers ranked by popularity: rank 0 is the most popular. */
  private int popularSeller() {
    return (int) Math.floor(sellers * Math.pow(rng.nextDouble(), 3));
  }

  private void honestTrade(String buyer, String seller, long second, int buyerNumber) {
    String ip = rng.nextInt(10) == 0 ? "nat" + rng.nextInt(NAT_IPS) : "ip-" + buyer;
    String address = rng.nextInt(20) == 0 ? "locker" + rng.nextInt(LOCKERS) : "home-" + buyer;
    long median = 5_000L * (1 + buyerNumber % CATEGORIES);
    long price = Math.max(100, (long) (median * Math.exp(rng.nextGaussian() * 0.6)));
    double confirmHours = 24 + rng.nextDouble() * 150;
    trade(buyer, seller, "c" + (buyerNumber % CATEGORIES), price, second, confirmHours, "dev-" + buyer, ip, address);
    if (rng.nextInt(10) < 6) {
      boolean five = rng.nextInt(10) < 6;
      rating(buyer, seller, five ? 5 : 3 + rng.nextInt(3), second + (long) (confirmHours * 3600) + 600);
    }
  }

  private void plantRing(int r) {
    Set<String> accounts = new HashSet<>();
    int sellerCount = 1 + rng.nextInt(3);
    List<String> ringSellerIds = new ArrayList<>();
    for (int k = 0; k < sellerCount; k++) {
      String seller = "rs" + r + "_" + k;
      ringSellerIds.add(seller);
      // A real shop: it also has a few honest buyers.
      for (int t = 0; t < 3 + rng.nextInt(10); t++) {
        int buyer = rng.nextInt(honestBuyers);
        honestTrade("h" + buyer, seller, rng.nextLong(DAY_SECONDS), buyer);
      }
    }
    int buyerCount = 10 + rng.nextInt(31);
    boolean hijacking = rng.nextInt(10) < 3;
    boolean camouflage = rng.nextBoolean();
    long start = rng.nextLong(DAY_SECONDS - 3 * 3600);
    List<String> buyers = new ArrayList<>();
    for (int b = 0; b < buyerCount; b++) {
      buyers.add(hijacking && rng.nextInt(3) == 0 ? "h" + rng.nextInt(honestBuyers) : "rb" + r + "_" + b);
    }
    for (String buyer : buyers) {
      int ringTrades = 3 + rng.nextInt(10);
      for (int t = 0; t < ringTrades; t++) {
        long second = start + rng.nextLong(2 * 3600);
        boolean hide = camouflage && rng.nextInt(5) == 0;
        String seller = hide ? "s" + rng.nextInt(POPULAR_SELLERS) : ringSellerIds.get(rng.nextInt(sellerCount));
        String device = "ring-dev" + r + "_" + rng.nextInt(3);
        String ip = "ring-ip" + r + "_" + rng.nextInt(2);
        long price = hide ? 5_000 : 600;
        double confirmHours = 1 + rng.nextDouble() * 5;
        trade(buyer, seller, "c" + (r % CATEGORIES), price, second, confirmHours, device, ip, "ring-addr" + r);
        rating(buyer, seller, 5, second + (long) (confirmHours * 3600) + 60);
        if (!hide) {
          accounts.add(buyer);
          accounts.add(seller);
          ringBuyers.add(buyer);
          ringSellers.add(seller);
        }
      }
    }
    ringAccounts.add(accounts);
  }

  private void trade(String buyer, String seller, String category, long price, long second, double confirmHours,
      String device, String ip, String address) {
    Instant created = DAY_END.minusSeconds(DAY_SECONDS).plusSeconds(second);
    Instant paid = created.plusSeconds(60 + rng.nextInt(600));
    Instant confirmed = paid.plusSeconds((long) (confirmHours * 3600));
    trades.add(RowFactory.create("t" + trades.size(), buyer, seller, category, price, Timestamp.from(created),
        Timestamp.from(paid), Timestamp.from(confirmed), "completed", device, ip, address));
  }

  private void rating(String rater, String ratee, int stars, long second) {
    Instant at = DAY_END.minusSeconds(DAY_SECONDS).plusSeconds(Math.min(second, DAY_SECONDS - 1));
    ratings.add(RowFactory.create(rater, ratee, "buyer_to_seller", stars >= 4 ? "positive" : "neutral", stars, stars,
        stars, Timestamp.from(at)));
  }
}
