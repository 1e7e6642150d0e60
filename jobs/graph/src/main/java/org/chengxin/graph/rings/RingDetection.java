package org.chengxin.graph.rings;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.event.TradeStatus;
import org.chengxin.graph.blocks.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credit-boosting ring detection: camouflage-resistant dense blocks of the buyer–seller graph
 * ({@link DenseBlocks}); then each block, with its sellers' buyers and their trades, ratings, keys
 * and first trades gathered into one row by joins and aggregations, is judged in one task by the
 * plain-Java {@link RingEvidence}: members, lockstep behaviour, shared device/IP/address keys and
 * behavioural evidence, combined into one suspiciousness score and a plain-words reason. Input columns are those of the {@code trades}
 * and {@code ratings} tables; output columns are the constants below (docs/rings.md explains them).
 */
public final class RingDetection {

  // rings
  public static final String RING_ID = "ring_id";
  public static final String SELLER_IDS = "seller_ids";
  public static final String SELLER_COUNT = "seller_count";
  public static final String BUYER_COUNT = "buyer_count";
  public static final String RING_TRADES = "ring_trades";
  public static final String DENSITY = "density";
  public static final String SUSPICIOUSNESS = "suspiciousness";
  public static final String FIRST_ACTIVITY_AT = "first_activity_at";
  public static final String LAST_ACTIVITY_AT = "last_activity_at";
  public static final String PRICE_TO_CATEGORY_MEDIAN = "price_to_category_median";
  public static final String MEDIAN_CONFIRM_HOURS = "median_confirm_hours";
  public static final String MEDIAN_BUYER_AGE_DAYS = "median_buyer_age_days";
  public static final String YOUNG_BUYER_SHARE = "young_buyer_share";
  public static final String FIVE_STAR_SHARE = "five_star_share";
  public static final String REPEAT_PAIR_RATE = "repeat_pair_rate";
  public static final String LOCKSTEP_SHARE = "lockstep_share";
  public static final String SHARED_KEY_SHARE = "shared_key_share";
  public static final String REASON = "reason";
  // ring_members
  public static final String ACCOUNT_ID = "account_id";
  public static final String ROLE = "role";
  public static final String MEMBER_SCORE = "member_score";
  /** Values of {@value #ROLE}. */
  public static final String BUYER = DenseBlocks.BUYER;
  public static final String SELLER = DenseBlocks.SELLER;

  private static final Logger LOG = LoggerFactory.getLogger(RingDetection.class);
  private static final long MS_PER_HOUR = 3_600_000L;

  private final RingOptions options;

  public RingDetection(RingOptions options) {
    this.options = options;
  }

  /**
   * @param trades rows of the {@code trades} table covering at least {@code historyDays} before
   *     asOf (older rows only date accounts' first activity); uses buyer_id, seller_id, category,
   *     price_minor, created_at, paid_at, confirmed_at, status, device_key, ip_key, address_key
   * @param ratings rows of the {@code ratings} table; uses rater_id, ratee_id, direction, score,
   *     item_as_described, service, logistics, rated_at
   */
  public RingResult detect(Dataset<Row> trades, Dataset<Row> ratings) {
    return detect(trades, ratings, false);
  }

  /**
   * Rings from ratings alone, for a rating history without trades (an imported network, or a
   * platform's ratings whose trades are missing): each buyer-to-seller rating stands for the trade
   * it rates, at its rating time, and the same graph, peeling and membership follow. Price,
   * confirmation time and device/IP/address keys are unknown, so {@link RingScore} leaves those
   * signals out instead of counting them as absent.
   *
   * @param ratings rows of the {@code ratings} table covering at least {@code historyDays} before
   *     asOf (older rows only date accounts' first rating)
   */
  public RingResult detectFromRatings(Dataset<Row> ratings) {
    Dataset<Row> rated = ratings.filter(col("direction").equalTo(RatingDirection.BUYER_TO_SELLER.wire()))
        .select(col("rater_id").as("buyer_id"), col("ratee_id").as("seller_id"), lit(null).cast("string").as("category"),
            lit(null).cast("long").as("price_minor"), col("rated_at").as("created_at"), lit(null).cast("timestamp").as("paid_at"),
            lit(null).cast("timestamp").as("confirmed_at"), lit(TradeStatus.COMPLETED.wire()).as("status"),
            lit(null).cast("string").as("device_key"), lit(null).cast("string").as("ip_key"), lit(null).cast("string").as("address_key"));
    return detect(rated, ratings, true);
  }

  /**
   * Whether {@link #detectFromRatings} can find any ring in these ratings: the boosting evidence of
   * a graph of ratings is its five-star share above the market's, so with no all-five-star buyer
   * rating in the window (ratings imported without detailed scores) no block can reach
   * {@code minBoostingEvidence}, and the detection need not run.
   */
  public boolean ratingsCanShowBoosting(Dataset<Row> ratings) {
    return options.minBoostingEvidence() == 0 || !buyerRatingsInWindow(ratings).filter(fiveStar()).isEmpty();
  }

  private Dataset<Row> buyerRatingsInWindow(Dataset<Row> ratings) {
    Instant from = options.asOf().minus(java.time.Duration.ofDays(options.historyDays()));
    return ratings.filter(col("direction").equalTo(RatingDirection.BUYER_TO_SELLER.wire())
        .and(col("rated_at").geq(lit(Timestamp.from(from)))).and(col("rated_at").lt(lit(Timestamp.from(options.asOf())))));
  }

  private RingResult detect(Dataset<Row> trades, Dataset<Row> ratings, boolean ratingsOnly) {
    Instant from = options.asOf().minus(java.time.Duration.ofDays(options.historyDays()));
    Column inWindow = col("created_at").geq(lit(Timestamp.from(from))).and(col("created_at").lt(lit(Timestamp.from(options.asOf()))));
    // Not cached: each use reads only its columns from Parquet, which costs less than building
    // an in-memory columnar copy of every column of the window.
    Dataset<Row> window =
        trades.filter(inWindow.and(col("status").notEqual(TradeStatus.CANCELLED.wire())))
            .select("buyer_id", "seller_id", "category", "price_minor", "created_at", "paid_at", "confirmed_at",
                "device_key", "ip_key", "address_key");
    Dataset<Row> b2s = buyerRatingsInWindow(ratings);

    Dataset<Row> edges = edges(window);
    Dataset<Row> blocks = Checkpoints.of(new DenseBlocks(options).find(edges));
    RingEvidence evidence = ratingsOnly ? RingEvidence.fromRatings(options, marketFiveStarShare(b2s))
        : new RingEvidence(options, marketMedianConfirmHours(window));
    FlatMapGroupsFunction<String, Row, Row> evaluate =
        (blockId, facts) -> evidence.evaluate(BlockFacts.block(facts)).map(BlockFacts::ring).stream().iterator();
    Dataset<Row> found = Checkpoints.of(
        facts(trades, window, b2s, edges, blocks)
            .groupByKey((MapFunction<Row, String>) fact -> fact.getString(0), Encoders.STRING())
            .flatMapGroups(evaluate, Encoders.row(BlockFacts.RING_WITH_MEMBERS)));
    LOG.info("rings{}: {} peeled blocks, {} rings", ratingsOnly ? " (from ratings)" : "",
        blocks.select("block_id").distinct().count(), found.count());
    Dataset<Row> members =
        found.select(col(RING_ID), explode(col(BlockFacts.MEMBERS)).as("m"))
            .select(col("m." + ACCOUNT_ID).as(ACCOUNT_ID), col("m." + ROLE).as(ROLE), col(RING_ID), col("m." + MEMBER_SCORE).as(MEMBER_SCORE));
    return new RingResult(found.drop(BlockFacts.MEMBERS), members);
  }

  /**
   * Everything {@link RingEvidence} needs of each peeled block, as rows of {@link BlockFacts#FACT}
   * tagged with the block: its member sellers, and for every buyer of those sellers (a candidate)
   * its edges, whether the peel kept it, its first trade, its trades and ratings in the window, and
   * its device/IP/address keys with how many accounts of the window use each. The candidates are a
   * review-sized set (buyers of the sellers that keep their place, not of a popular shop the ring
   * visits as camouflage), broadcast to the joins; the rest is small aggregations and one grouping
   * by block.
   */
  private Dataset<Row> facts(Dataset<Row> trades, Dataset<Row> window, Dataset<Row> b2s, Dataset<Row> edges, Dataset<Row> blocks) {
    Dataset<Row> peeledSellers = blocks.filter(col(ROLE).equalTo(SELLER)).select(col("block_id"), col(ACCOUNT_ID).as("seller_id"),
        col(DenseBlocks.BLOCK_DEGREE), col(DenseBlocks.BLOCK_DENSITY));
    double minSellerShare = options.minSellerShare();
    FilterFunction<Row> keepsPlace = seller ->
        RingEvidence.keepsPlace(seller.getAs(DenseBlocks.BLOCK_DEGREE), seller.getAs("total"), minSellerShare);
    Dataset<Row> sellers =
        peeledSellers.join(totals(edges, "seller_id", peeledSellers.select("seller_id")), "seller_id").filter(keepsPlace);
    // Materialised: five joins use it, and Spark cannot tell its columns from the window's otherwise.
    Dataset<Row> candidates =
        broadcast(Checkpoints.of(edges.join(broadcast(sellers.select("block_id", "seller_id")), "seller_id")
            .select("block_id", "buyer_id").distinct()));
    Dataset<Row> categoryMedian =
        window.groupBy("category").agg(percentile_approx(col("price_minor"), lit(0.5), lit(1000)).as("category_median"));
    Dataset<Row> candidateKeys = accountKeys(window).join(candidates, "buyer_id").distinct();
    // The cap on a key counts every account of the window on it, not only candidates.
    Dataset<Row> keyAccounts =
        accountKeys(window).join(broadcast(candidateKeys.select("key").distinct()), "key")
            .groupBy("key").agg(countDistinct("buyer_id").as("key_accounts"));

    return BlockFacts.of(BlockFacts.SELLER, sellers,
            Map.of(BlockFacts.SELLER_ID, col("seller_id"), BlockFacts.WEIGHT, col(DenseBlocks.BLOCK_DEGREE),
                BlockFacts.TOTAL, col("total"), BlockFacts.DENSITY, col(DenseBlocks.BLOCK_DENSITY)))
        .union(BlockFacts.of(BlockFacts.CORE, blocks.filter(col(ROLE).equalTo(BUYER)), Map.of(BlockFacts.ACCOUNT_ID, col(ACCOUNT_ID))))
        .union(BlockFacts.of(BlockFacts.EDGE, edges.join(candidates, "buyer_id"),
            Map.of(BlockFacts.ACCOUNT_ID, col("buyer_id"), BlockFacts.SELLER_ID, col("seller_id"), BlockFacts.WEIGHT, col("weight"))))
        .union(BlockFacts.of(BlockFacts.FIRST_TRADE,
            trades.filter(col("created_at").lt(lit(Timestamp.from(options.asOf())))).join(candidates, "buyer_id")
                .groupBy("block_id", "buyer_id").agg(min("created_at").as("first_seen")),
            Map.of(BlockFacts.ACCOUNT_ID, col("buyer_id"), BlockFacts.AT, col("first_seen"))))
        .union(BlockFacts.of(BlockFacts.TRADE, window.join(broadcast(categoryMedian), "category", "left").join(candidates, "buyer_id"),
            Map.of(BlockFacts.ACCOUNT_ID, col("buyer_id"), BlockFacts.SELLER_ID, col("seller_id"), BlockFacts.AT, col("created_at"),
                BlockFacts.PRICE_RATIO, col("price_minor").divide(col("category_median")), BlockFacts.CONFIRM_HOURS, confirmHours())))
        .union(BlockFacts.of(BlockFacts.RATING, b2s.join(candidates, col("rater_id").equalTo(col("buyer_id"))),
            Map.of(BlockFacts.ACCOUNT_ID, col("rater_id"), BlockFacts.SELLER_ID, col("ratee_id"), BlockFacts.AT, col("rated_at"),
                BlockFacts.FIVE_STAR, coalesce(fiveStar(), lit(false)))))
        .union(BlockFacts.of(BlockFacts.KEY_FACT, candidateKeys.join(keyAccounts, "key"),
            Map.of(BlockFacts.ACCOUNT_ID, col("buyer_id"), BlockFacts.KEY, col("key"), BlockFacts.KEY_ACCOUNTS, col("key_accounts"))));
  }

  /** The window's (buyer_id, key) pairs: three namespaced keys per trade. */
  private static Dataset<Row> accountKeys(Dataset<Row> window) {
    return window.select(col("buyer_id"),
            explode(array(concat(lit("device:"), col("device_key")), concat(lit("ip:"), col("ip_key")),
                concat(lit("address:"), col("address_key")))).as("key"))
        .filter(col("key").isNotNull());
  }

  /** One row per buyer–seller pair with FRAUDAR's column-weighted edge weight. */
  Dataset<Row> edges(Dataset<Row> window) {
    Dataset<Row> pairs = window.groupBy("buyer_id", "seller_id").agg(count(lit(1)).as("trades"));
    Dataset<Row> sellerBuyers = pairs.groupBy("seller_id").agg(count(lit(1)).as("seller_buyers"));
    // Same formula as Suspiciousness.edgeWeight, as a built-in expression.
    return Checkpoints.of(pairs
        .join(sellerBuyers, "seller_id")
        .withColumn("weight", lit(1.0).plus(log(col("trades")))
            .divide(log(col("seller_buyers").plus(options.columnWeightOffset()))))
        .select("buyer_id", "seller_id", "trades", "weight"));
  }

  /**
   * The whole weighted degree ({@code total}) of each of the given accounts (a small set).
   *
   * @param side {@code buyer_id} or {@code seller_id}: the edge column the accounts are on
   * @param accounts one column named {@code side}
   */
  private static Dataset<Row> totals(Dataset<Row> edges, String side, Dataset<Row> accounts) {
    return edges.join(broadcast(accounts.distinct()), side).groupBy(side).agg(sum("weight").as("total"));
  }

  private static double marketMedianConfirmHours(Dataset<Row> window) {
    Row row = window.agg(percentile_approx(confirmHours(), lit(0.5), lit(1000))).first();
    return row.isNullAt(0) ? Double.NaN : row.getDouble(0);
  }

  /** Share of the window's buyer ratings that are all five-star; 0 when there is none. */
  private static double marketFiveStarShare(Dataset<Row> b2s) {
    Row row = b2s.agg(avg(when(coalesce(fiveStar(), lit(false)), 1.0).otherwise(0.0))).first();
    return row.isNullAt(0) ? 0.0 : row.getDouble(0);
  }

  /** A rating whose score and three detailed scores are all at the top. */
  private static Column fiveStar() {
    return col("score").equalTo(RatingScore.POSITIVE.wire())
        .and(col("item_as_described").equalTo(5)).and(col("service").equalTo(5)).and(col("logistics").equalTo(5));
  }

  private static Column confirmHours() {
    return unix_millis(col("confirmed_at")).minus(unix_millis(col("paid_at"))).divide((double) MS_PER_HOUR);
  }

}
