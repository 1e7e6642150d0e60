package org.chengxin.graph.rings;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.core.event.TradeStatus;
import org.chengxin.graph.components.ConnectedComponents;
import org.chengxin.graph.components.SharedKeyLinkage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credit-boosting ring detection: camouflage-resistant dense blocks of the buyer–seller graph
 * ({@link DenseBlocks}), corroborated per block by lockstep behaviour ({@link LockstepGroups}),
 * shared device/IP/address keys ({@link SharedKeyLinkage}) and behavioural evidence, combined into
 * one suspiciousness score and a plain-words reason. Input columns are those of the {@code trades}
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
  /** Working column: mean of the trade-behaviour signals, gated by minBoostingEvidence. */
  private static final String BOOSTING_EVIDENCE = "boosting_evidence";
  private static final long MS_PER_HOUR = 3_600_000L;
  private static final long MS_PER_DAY = 86_400_000L;

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
    Instant from = options.asOf().minus(java.time.Duration.ofDays(options.historyDays()));
    Column inWindow = col("created_at").geq(lit(Timestamp.from(from))).and(col("created_at").lt(lit(Timestamp.from(options.asOf()))));
    // Not cached: each use reads only its columns from Parquet, which costs less than building
    // an in-memory columnar copy of every column of the window.
    Dataset<Row> window =
        trades.filter(inWindow.and(col("status").notEqual(TradeStatus.CANCELLED.wire())))
            .select("buyer_id", "seller_id", "category", "price_minor", "created_at", "paid_at", "confirmed_at",
                "device_key", "ip_key", "address_key");

    Dataset<Row> edges = edges(window);
    Dataset<Row> blocks = new DenseBlocks(options).find(edges).localCheckpoint();
    Dataset<Row> blockSellers =
        blockSellers(blocks, totals(edges, "seller_id", blocks.filter(col(ROLE).equalTo(SELLER)).select(col(ACCOUNT_ID).as("seller_id"))))
            .localCheckpoint();
    // Every buyer of the block's sellers, with its weight towards them: the peeled core plus the
    // buyers the peel dropped, which join when shared keys tie them to the core.
    Dataset<Row> candidates =
        edges.join(broadcast(blockSellers.select("block_id", "seller_id")), "seller_id")
            .groupBy("block_id", "buyer_id").agg(sum("weight").as(DenseBlocks.BLOCK_DEGREE))
            .join(blocks.filter(col(ROLE).equalTo(BUYER)).select(col("block_id"), col(ACCOUNT_ID).as("buyer_id"),
                lit(true).as("core")), new String[] {"block_id", "buyer_id"}, "left")
            .localCheckpoint();
    Dataset<Row> linked =
        sharedKeys(window, candidates.select(col("buyer_id").as(SharedKeyLinkage.ACCOUNT_ID)))
            .withColumnRenamed(SharedKeyLinkage.ACCOUNT_ID, "buyer_id");
    Dataset<Row> blockBuyers =
        blockBuyers(candidates, linked, totals(edges, "buyer_id", candidates.select("buyer_id"))).localCheckpoint();
    Dataset<Row> members =
        blockBuyers.select(col("block_id"), lit(BUYER).as(ROLE), col("buyer_id").as(ACCOUNT_ID), col(MEMBER_SCORE))
            .union(blockSellers.select(col("block_id"), lit(SELLER).as(ROLE), col("seller_id"), col(MEMBER_SCORE)));
    LOG.info("rings: {} block members before evidence", members.count());
    blockBuyers = blockBuyers.select("block_id", "buyer_id");
    blockSellers = blockSellers.select("block_id", "seller_id");
    Dataset<Row> b2s = ratings.filter(col("direction").equalTo(RatingDirection.BUYER_TO_SELLER.wire())
        .and(col("rated_at").geq(lit(Timestamp.from(from)))).and(col("rated_at").lt(lit(Timestamp.from(options.asOf())))));

    Dataset<Row> evidence =
        blockSellers.groupBy("block_id").agg(array_sort(collect_list("seller_id")).as(SELLER_IDS))
            .join(blocks.groupBy("block_id").agg(first(DenseBlocks.BLOCK_DENSITY).as(DENSITY)), "block_id")
            .join(tradeEvidence(window, blockBuyers, blockSellers), "block_id")
            .join(buyerEvidence(trades, window, b2s, blockBuyers, linked), "block_id")
            .join(ratingEvidence(b2s, blockBuyers, blockSellers), new String[] {"block_id"}, "left");
    double marketConfirmHours = marketMedianConfirmHours(window);
    Dataset<Row> rings =
        score(evidence, marketConfirmHours)
            .filter(col(SUSPICIOUSNESS).geq(options.minSuspiciousness())
                .and(col(BOOSTING_EVIDENCE).geq(options.minBoostingEvidence())))
            .withColumn(RING_ID, concat(lit("ring-"), substring(sha2(element_at(col(SELLER_IDS), 1), 256), 1, 16)))
            .localCheckpoint();
    Dataset<Row> ringMembers =
        members.join(rings.select("block_id", RING_ID), "block_id").select(ACCOUNT_ID, ROLE, RING_ID, MEMBER_SCORE);
    return new RingResult(
        rings.select(RING_ID, SELLER_IDS, SELLER_COUNT, BUYER_COUNT, RING_TRADES, DENSITY, SUSPICIOUSNESS,
            FIRST_ACTIVITY_AT, LAST_ACTIVITY_AT, PRICE_TO_CATEGORY_MEDIAN, MEDIAN_CONFIRM_HOURS,
            MEDIAN_BUYER_AGE_DAYS, YOUNG_BUYER_SHARE, FIVE_STAR_SHARE, REPEAT_PAIR_RATE, LOCKSTEP_SHARE,
            SHARED_KEY_SHARE, REASON),
        ringMembers);
  }

  /** One row per buyer–seller pair with FRAUDAR's column-weighted edge weight. */
  Dataset<Row> edges(Dataset<Row> window) {
    Dataset<Row> pairs = window.groupBy("buyer_id", "seller_id").agg(count(lit(1)).as("trades"));
    Dataset<Row> sellerBuyers = pairs.groupBy("seller_id").agg(count(lit(1)).as("seller_buyers"));
    // Same formula as Suspiciousness.edgeWeight, as a built-in expression.
    return pairs
        .join(sellerBuyers, "seller_id")
        .withColumn("weight", lit(1.0).plus(log(col("trades")))
            .divide(log(col("seller_buyers").plus(options.columnWeightOffset()))))
        .select("buyer_id", "seller_id", "trades", "weight")
        .localCheckpoint();
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

  /** Member score = share of the account's whole weighted degree that lies inside its block. */
  private static Column memberScore() {
    return least(lit(1.0), col(DenseBlocks.BLOCK_DEGREE).divide(col("total")));
  }

  /**
   * The peeled sellers that keep at least minSellerShare of their weight inside the block: a popular
   * shop that ring buyers visit as camouflage is dropped.
   */
  private Dataset<Row> blockSellers(Dataset<Row> blocks, Dataset<Row> totals) {
    return blocks
        .filter(col(ROLE).equalTo(SELLER))
        .join(totals.withColumnRenamed("seller_id", ACCOUNT_ID), ACCOUNT_ID)
        .withColumn(MEMBER_SCORE, memberScore())
        .filter(col(MEMBER_SCORE).geq(options.minSellerShare()))
        .select(col("block_id"), col(ACCOUNT_ID).as("seller_id"), col(MEMBER_SCORE));
  }

  /**
   * Buyers of a block: the peeled core, plus buyers of the block's sellers that share a device, IP or
   * address link group with a core buyer (peeling drops colluders with few ring trades; honest
   * customers of the same shop do not share the ring's devices). Member score: near 1 for a pure
   * fake account, lower for a hijacked account with honest history.
   */
  private static Dataset<Row> blockBuyers(Dataset<Row> candidates, Dataset<Row> linked, Dataset<Row> totals) {
    Dataset<Row> withGroup = candidates.join(linked, new String[] {"buyer_id"}, "left");
    Dataset<Row> coreGroups =
        withGroup.filter(col("core").isNotNull().and(col(SharedKeyLinkage.LINK_GROUP).isNotNull()))
            .select(col("block_id"), col(SharedKeyLinkage.LINK_GROUP), lit(true).as("core_group")).distinct();
    return withGroup
        .join(coreGroups, new String[] {"block_id", SharedKeyLinkage.LINK_GROUP}, "left")
        .filter(col("core").isNotNull().or(col("core_group").isNotNull()))
        .join(totals, "buyer_id")
        .select(col("block_id"), col("buyer_id"), memberScore().as(MEMBER_SCORE));
  }

  private static Dataset<Row> tradeEvidence(Dataset<Row> window, Dataset<Row> blockBuyers, Dataset<Row> blockSellers) {
    Dataset<Row> categoryMedian =
        window.groupBy("category").agg(percentile_approx(col("price_minor"), lit(0.5), lit(1000)).as("category_median"));
    Dataset<Row> ringTrades =
        window.join(blockBuyers, "buyer_id").join(blockSellers, new String[] {"block_id", "seller_id"})
            .join(categoryMedian, "category");
    Dataset<Row> perPair =
        ringTrades.groupBy("block_id", "buyer_id", "seller_id").agg(count(lit(1)).as("pair_trades"))
            .groupBy("block_id").agg(avg(when(col("pair_trades").geq(2), 1.0).otherwise(0.0)).as(REPEAT_PAIR_RATE));
    return ringTrades
        .groupBy("block_id")
        .agg(
            count(lit(1)).as(RING_TRADES),
            min("created_at").as(FIRST_ACTIVITY_AT),
            max("created_at").as(LAST_ACTIVITY_AT),
            percentile_approx(col("price_minor").divide(col("category_median")), lit(0.5), lit(1000))
                .as(PRICE_TO_CATEGORY_MEDIAN),
            percentile_approx(confirmHours(), lit(0.5), lit(1000)).as(MEDIAN_CONFIRM_HOURS))
        .join(perPair, "block_id");
  }

  private Dataset<Row> buyerEvidence(
      Dataset<Row> trades, Dataset<Row> window, Dataset<Row> b2s, Dataset<Row> blockBuyers, Dataset<Row> linked) {
    Dataset<Row> candidates = broadcast(blockBuyers.select("buyer_id").distinct());
    Dataset<Row> firstSeen =
        trades.filter(col("created_at").lt(lit(Timestamp.from(options.asOf()))))
            .select("buyer_id", "created_at")
            .join(candidates, "buyer_id")
            .groupBy("buyer_id").agg(min("created_at").as("first_seen"));
    Dataset<Row> actions =
        window.join(candidates, "buyer_id")
            .select(col("buyer_id").as(LockstepGroups.ACCOUNT_ID), col("seller_id").as(LockstepGroups.SELLER_ID),
                col("created_at").as(LockstepGroups.AT))
            .union(b2s.join(candidates, col("rater_id").equalTo(col("buyer_id")), "left_semi")
                .select(col("rater_id"), col("ratee_id"), col("rated_at")));
    Dataset<Row> lockstep = new LockstepGroups(options).run(actions).withColumnRenamed(LockstepGroups.ACCOUNT_ID, "buyer_id");
    Column ageDays = lit(unixMillis(options.asOf())).minus(unix_millis(col("first_seen"))).divide(MS_PER_DAY);
    return blockBuyers
        .join(firstSeen, "buyer_id")
        .join(lockstep, new String[] {"buyer_id"}, "left")
        .join(linked, new String[] {"buyer_id"}, "left")
        .withColumn("lockstep_peers", count(lit(1)).over(Window.partitionBy("block_id", LockstepGroups.LOCKSTEP_GROUP)))
        .withColumn("linked_peers", count(lit(1)).over(Window.partitionBy("block_id", SharedKeyLinkage.LINK_GROUP)))
        .groupBy("block_id")
        .agg(
            count(lit(1)).as(BUYER_COUNT),
            percentile_approx(ageDays, lit(0.5), lit(1000)).as(MEDIAN_BUYER_AGE_DAYS),
            avg(when(ageDays.lt(options.youngAccountDays()), 1.0).otherwise(0.0)).as(YOUNG_BUYER_SHARE),
            avg(peerIndicator(LockstepGroups.LOCKSTEP_GROUP, "lockstep_peers")).as(LOCKSTEP_SHARE),
            avg(peerIndicator(SharedKeyLinkage.LINK_GROUP, "linked_peers")).as(SHARED_KEY_SHARE));
  }

  /** 1 when the buyer's group (not null) holds another buyer of the same block. */
  private static Column peerIndicator(String group, String peers) {
    return when(col(group).isNotNull().and(col(peers).geq(2)), 1.0).otherwise(0.0);
  }

  private Dataset<Row> sharedKeys(Dataset<Row> window, Dataset<Row> focus) {
    // Three namespaced keys per trade, from one projection of the window.
    Dataset<Row> accountKeys =
        window.select(col("buyer_id").as(SharedKeyLinkage.ACCOUNT_ID),
                explode(array(concat(lit("device:"), col("device_key")), concat(lit("ip:"), col("ip_key")),
                    concat(lit("address:"), col("address_key")))).as("key"))
            .filter(col("key").isNotNull());
    return new SharedKeyLinkage(options.maxAccountsPerKey(),
        new ConnectedComponents(options.blockedGraph(), "shared-key linkage")).run(accountKeys, focus);
  }

  private static Dataset<Row> ratingEvidence(Dataset<Row> b2s, Dataset<Row> blockBuyers, Dataset<Row> blockSellers) {
    Column fiveStar =
        col("score").equalTo(RatingScore.POSITIVE.wire())
            .and(col("item_as_described").equalTo(5)).and(col("service").equalTo(5)).and(col("logistics").equalTo(5));
    return b2s
        .join(blockBuyers.withColumnRenamed("buyer_id", "rater_id"), "rater_id")
        .join(blockSellers.withColumnRenamed("seller_id", "ratee_id"), new String[] {"block_id", "ratee_id"})
        .groupBy("block_id")
        .agg(avg(when(fiveStar, 1.0).otherwise(0.0)).as(FIVE_STAR_SHARE));
  }

  private static double marketMedianConfirmHours(Dataset<Row> window) {
    Row row = window.agg(percentile_approx(confirmHours(), lit(0.5), lit(1000))).first();
    return row.isNullAt(0) ? Double.NaN : row.getDouble(0);
  }

  private static Column confirmHours() {
    return unix_millis(col("confirmed_at")).minus(unix_millis(col("paid_at"))).divide((double) MS_PER_HOUR);
  }

  /**
   * Adds {@value #SELLER_COUNT}, {@value #SUSPICIOUSNESS}, {@link #BOOSTING_EVIDENCE} and
   * {@value #REASON} to each block's evidence row, with the plain-Java {@link RingScore}.
   */
  private Dataset<Row> score(Dataset<Row> evidence, double marketConfirmHours) {
    RingScore scoring = new RingScore(options.minDensity(), marketConfirmHours);
    Dataset<Row> counted = evidence.withColumn(SELLER_COUNT, size(col(SELLER_IDS)));
    StructType scored =
        counted.schema()
            .add(SUSPICIOUSNESS, DataTypes.DoubleType, false)
            .add(BOOSTING_EVIDENCE, DataTypes.DoubleType, false)
            .add(REASON, DataTypes.StringType, false);
    MapFunction<Row, Row> addScore = row -> {
      RingScore.Score score = scoring.score(new RingScore.Signals(
          row.getAs(SELLER_COUNT), row.getAs(BUYER_COUNT), row.getAs(DENSITY), row.getAs(FIVE_STAR_SHARE),
          row.getAs(REPEAT_PAIR_RATE), row.getAs(LOCKSTEP_SHARE), row.getAs(SHARED_KEY_SHARE),
          row.getAs(YOUNG_BUYER_SHARE), row.getAs(MEDIAN_CONFIRM_HOURS), row.getAs(PRICE_TO_CATEGORY_MEDIAN)));
      Object[] values = new Object[row.size() + 3];
      for (int i = 0; i < row.size(); i++) {
        values[i] = row.get(i);
      }
      values[row.size()] = score.suspiciousness();
      values[row.size() + 1] = score.boostingEvidence();
      values[row.size() + 2] = score.reason();
      return RowFactory.create(values);
    };
    return counted.map(addScore, Encoders.row(scored));
  }

  private static long unixMillis(Instant instant) {
    return instant.toEpochMilli();
  }
}
