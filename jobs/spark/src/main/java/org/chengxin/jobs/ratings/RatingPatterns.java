package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.jobs.frame.SparkSchemas;

/**
 * The malicious-rating patterns on the rating edges ({@link RatingEdges}), each returning rows in
 * the shape of {@code rating_flags} without detector and reason: rating_id, rater_id, ratee_id,
 * pattern, score, rated_at and the evidence columns (null where a pattern has none).
 */
public final class RatingPatterns {
  private static final String RATER = RatingEdges.RATER;
  private static final String RATEE = RatingEdges.RATEE;
  private static final String VALUE = RatingEdges.SCORE;
  private static final String ID = RatingEdges.RATING_ID;
  private static final String TIME = RatingEdges.EPOCH_SECOND;
  private static final double SECONDS_PER_HOUR = 3_600.0;
  /** The flag columns the patterns produce: rating_flags minus detector and reason. */
  static final List<String> FLAG_COLUMNS =
      RatingTables.RATING_FLAGS.columns().stream().map(c -> c.name()).filter(n -> !n.equals("detector") && !n.equals("reason")).toList();

  private static final UserDefinedFunction POISSON_TAIL =
      udf((UDF2<Double, Long, Double>) RatingPatterns::poissonTail, DataTypes.DoubleType);

  private final RatingDetectionOptions options;

  public RatingPatterns(RatingDetectionOptions options) {
    this.options = options;
  }

  /** P(X >= k) for X ~ Poisson(mean); 0 when the mean is 0 and k >= 1. */
  static double poissonTail(Double mean, Long k) {
    if (k <= 0) {
      return 1;
    }
    if (mean <= 0) {
      return 0;
    }
    return PoissonDistribution.of(mean).survivalProbability((int) Math.min(Integer.MAX_VALUE, k - 1));
  }

  /**
   * Extortion: a negative within the window after the rater's own complaint against the ratee was
   * rejected (as ExtortionPattern: the latest rejection at or before the rating counts).
   *
   * @param complaints rows of the complaints table
   */
  public Dataset<Row> extortion(Dataset<Row> edges, Dataset<Row> complaints) {
    double window = options.scoring().extortion().windowHours();
    Dataset<Row> rejected =
        complaints.filter(col("outcome").equalTo(ComplaintOutcome.REJECTED.wire()).and(col("resolved_at").isNotNull()))
            .select(col("buyer_id"), col("seller_id"), unix_seconds(col("resolved_at")).as("resolved"));
    Dataset<Row> negatives = edges.filter(col(VALUE).lt(0));
    Column hours = min(col(TIME).minus(col("resolved")).divide(SECONDS_PER_HOUR)).as("hours_after_rejection");
    Dataset<Row> matched =
        negatives.join(rejected, negatives.col(RATER).equalTo(rejected.col("buyer_id"))
                .and(negatives.col(RATEE).equalTo(rejected.col("seller_id")))
                .and(negatives.col(TIME).geq(rejected.col("resolved"))))
            .groupBy(col(ID), col(RATER), col(RATEE), col(RatingEdges.RATED_AT))
            .agg(hours)
            .filter(col("hours_after_rejection").leq(window));
    return flags(matched, FlagPattern.EXTORTION, lit(1.0).minus(col("hours_after_rejection").divide(2 * window)),
        Map.of("hours_after_rejection", col("hours_after_rejection")));
  }

  /**
   * Extortion repeat: the other negatives of a rater with extortion flags. A proven retaliator's
   * negatives without a complaint are the same habit; score 1 - 1 / (1 + its extortion flags).
   */
  public Dataset<Row> extortionRepeat(Dataset<Row> edges, Dataset<Row> extortionFlags) {
    Dataset<Row> retaliators = extortionFlags.groupBy(col(RATER)).agg(count(lit(1)).as("extortion_flags"));
    Dataset<Row> flagged = extortionFlags.select(col(ID).as("flagged_id"));
    Dataset<Row> others =
        edges.filter(col(VALUE).lt(0))
            .join(retaliators, RATER)
            .join(flagged, col(ID).equalTo(col("flagged_id")), "left_anti");
    return flags(others, FlagPattern.EXTORTION_REPEAT, lit(1.0).minus(lit(1.0).divide(col("extortion_flags").plus(1))),
        Map.of("extortion_flags", col("extortion_flags")));
  }

  /**
   * Competitor attack: negatives from raters with at most maxPriorRatings earlier ratings; every
   * window of windowHours starting at one that holds at least minRaters distinct such raters, and
   * that is either surprising for the ratee (Poisson tail at most attackSurprise, expecting the
   * window's ratings times the ratee's shrunk negative share, at least the market's) or holds at least two key-linked
   * raters is an attack. A surprising window flags all its negatives; one that is an attack only
   * through its key-linked raters flags only theirs: on the most popular seller a day's window holds
   * a hundred new buyers' ordinary negatives, and two of them sharing a household's address must not
   * flag the other hundred. Score 1 - 1 / burst raters (as CompetitorAttackPattern).
   *
   * @param keys rater_id, key: rare device/IP/address keys of each account ({@link #rareKeys})
   * @param marketShare the market's negative share ({@link RaterSignals.Signals#marketNegativeShare})
   */
  public Dataset<Row> competitorAttack(Dataset<Row> edges, Dataset<Row> keys, double marketShare) {
    var attack = options.scoring().attack();
    long window = (long) Math.floor(attack.windowHours() * SECONDS_PER_HOUR);
    Dataset<Row> suspects =
        edges.withColumn("prior", rank().over(Window.partitionBy(col(RATER)).orderBy(col(TIME))).minus(1))
            .filter(col(VALUE).lt(0).and(col("prior").leq(attack.maxPriorRatings())))
            .select(ID, RATER, RATEE, RatingEdges.RATED_AT, TIME)
            .localCheckpoint(false);
    Dataset<Row> linked = linkedRaters(suspects.select(RATEE, RATER).distinct(), keys);
    Dataset<Row> members = suspects.join(linked, new String[] {RATEE, RATER}, "left")
        .withColumn("linked_raters", when(col("linked_raters").isNull(), lit(0)).otherwise(col("linked_raters")));

    Dataset<Row> anchors = suspects.select(col(ID).as("anchor_id"), col(RATEE).as("anchor_ratee"), col(TIME).as("anchor_time"));
    Dataset<Row> pairs =
        anchors.join(members, col("anchor_ratee").equalTo(col(RATEE))
            .and(col(TIME).between(col("anchor_time"), col("anchor_time").plus(window))));
    Dataset<Row> bursts =
        pairs.groupBy("anchor_id", "anchor_ratee", "anchor_time")
            .agg(countDistinct(col(RATER)).as("burst_raters"),
                countDistinct(when(col("linked_raters").gt(0), col(RATER))).as("linked_in_window"))
            .filter(col("burst_raters").geq(attack.minRaters()));
    Dataset<Row> surprising =
        withWindowRatings(bursts, edges, window)
            .join(negativeShareBefore(edges, marketShare), col("anchor_id").equalTo(col("share_id")))
            .withColumn("expected_negatives",
                greatest(col("window_ratings"), col("burst_raters")).multiply(col("negative_share")))
            .withColumn("surprising",
                POISSON_TAIL.apply(col("expected_negatives"), col("burst_raters").cast("long")).leq(options.attackSurprise()))
            .filter(col("surprising").or(col("linked_in_window").geq(2)))
            .select("anchor_id", "burst_raters", "window_ratings", "expected_negatives", "surprising");
    Dataset<Row> flagged =
        pairs.join(surprising, "anchor_id")
            .filter(col("surprising").or(col("linked_raters").gt(0)))
            .groupBy(col(ID), col(RATER), col(RATEE), col(RatingEdges.RATED_AT), col("linked_raters"))
            .agg(max(col("burst_raters")).as("burst_raters"), max(col("window_ratings")).as("window_ratings"),
                max(col("expected_negatives")).as("expected_negatives"));
    Map<String, Column> evidence = new LinkedHashMap<>();
    evidence.put("burst_raters", col("burst_raters"));
    evidence.put("window_ratings", col("window_ratings"));
    evidence.put("expected_negatives", col("expected_negatives"));
    evidence.put("linked_raters", col("linked_raters"));
    return flags(flagged, FlagPattern.COMPETITOR_ATTACK, lit(1.0).minus(lit(1.0).divide(col("burst_raters"))), evidence);
  }

  /** Adds window_ratings: every rating the anchor's ratee got in the hours its window touches. */
  private static Dataset<Row> withWindowRatings(Dataset<Row> bursts, Dataset<Row> edges, long window) {
    Column hour = floor(col(TIME).divide(SECONDS_PER_HOUR));
    Dataset<Row> hourly = edges.groupBy(col(RATEE).as("hour_ratee"), hour.as("hour")).agg(count(lit(1)).as("hour_ratings"));
    Column anchorHour = floor(col("anchor_time").divide(SECONDS_PER_HOUR));
    Column lastHour = floor(col("anchor_time").plus(window).divide(SECONDS_PER_HOUR));
    Dataset<Row> counted =
        bursts.join(hourly, col("anchor_ratee").equalTo(col("hour_ratee")).and(col("hour").between(anchorHour, lastHour)))
            .groupBy("anchor_id").agg(sum("hour_ratings").as("window_ratings"));
    return bursts.join(counted, "anchor_id");
  }

  /**
   * Per rating, its ratee's negative share over the ratings it received before, shrunk toward the
   * market's (as NegativeShare), and never below the market's: the usual share a burst is compared
   * with, untouched by the burst. The floor is there because a short clean history (a popular
   * seller's first days) would otherwise make the market's ordinary rate of unlucky buyers look
   * like an attack.
   */
  private Dataset<Row> negativeShareBefore(Dataset<Row> edges, double share) {
    double prior = options.scoring().negativeSharePriorRatings();
    var before = Window.partitionBy(col(RATEE)).orderBy(col(TIME)).rowsBetween(Window.unboundedPreceding(), -1);
    Column ratings = count(lit(1)).over(before);
    Column negatives = count(when(col(VALUE).lt(0), lit(1))).over(before);
    Column shrunk = when(ratings.plus(prior).equalTo(0), lit(share))
        .otherwise(negatives.plus(prior * share).divide(ratings.plus(prior)));
    return edges.select(col(ID).as("share_id"), greatest(lit(share), shrunk).as("negative_share"));
  }

  /**
   * Serial negative: every negative of a rater who rated at least serialMinRatees accounts badly
   * and whose negatives are improbable at the market's share (Poisson tail at most serialSurprise,
   * expecting its ratings times that share). It names the habit where nothing else links it to a
   * motive: an extortioner whose complaints are still open, a rival's sock puppet working through a
   * category. Score: the rater's negative share above the market's, (k / n - m) / (1 - m).
   *
   * @param signals per-rater counts ({@link RaterSignals#compute}): ratings given and negatives
   */
  public Dataset<Row> serialNegative(Dataset<Row> edges, Dataset<Row> signals, double marketShare) {
    Dataset<Row> negatives = edges.filter(col(VALUE).lt(0));
    // The rater's ratings and negatives are RaterSignals' counts; only the distinct ratees are new.
    Dataset<Row> counts = signals.select(col(RATER).as("serial_rater"), col(RaterSignals.GIVEN).as("rater_ratings"),
        col(RaterSignals.NEGATIVES).as("rater_negatives"));
    Dataset<Row> serial =
        negatives.groupBy(col(RATER).as("serial_rater")).agg(countDistinct(col(RATEE)).as("negative_ratees"))
            .filter(col("negative_ratees").geq(options.serialMinRatees()))
            .join(counts, "serial_rater")
            .withColumn("expected_negatives", col("rater_ratings").multiply(marketShare))
            .filter(POISSON_TAIL.apply(col("expected_negatives"), col("rater_negatives")).leq(options.serialSurprise()));
    Dataset<Row> flagged = negatives.join(serial, col(RATER).equalTo(col("serial_rater")));
    Column score = col("rater_negatives").divide(col("rater_ratings")).minus(marketShare).divide(1 - marketShare);
    Map<String, Column> evidence = new LinkedHashMap<>();
    evidence.put("expected_negatives", col("expected_negatives"));
    evidence.put("rater_ratings", col("rater_ratings"));
    evidence.put("rater_negatives", col("rater_negatives"));
    return flags(flagged, FlagPattern.SERIAL_NEGATIVE, greatest(lit(Double.MIN_NORMAL), score), evidence);
  }

  /**
   * Shared-key boost: a positive rating from a rater that shares rare keys with at least
   * boostMinLinked other positive raters of the same ratee, on a ratee whose positive raters are at
   * least boostMinShare key-linked. Score: that linked share.
   */
  public Dataset<Row> sharedKeyBoost(Dataset<Row> edges, Dataset<Row> keys) {
    Dataset<Row> positives = edges.filter(col(VALUE).gt(0));
    Dataset<Row> linked = linkedRaters(positives.select(RATEE, RATER).distinct(), keys).localCheckpoint(false);
    Dataset<Row> share =
        positives.groupBy(col(RATEE)).agg(countDistinct(col(RATER)).as("positive_raters"))
            .join(linked.groupBy(col(RATEE)).agg(count(lit(1)).as("linked_count")), RATEE)
            .select(col(RATEE), col("linked_count").divide(col("positive_raters")).as("linked_share"))
            .filter(col("linked_share").geq(options.boostMinShare()));
    Dataset<Row> flagged =
        positives.join(linked.filter(col("linked_raters").geq(options.boostMinLinked())), new String[] {RATEE, RATER})
            .join(share, RATEE);
    return flags(flagged, FlagPattern.SHARED_KEY_BOOST, col("linked_share"), Map.of("linked_raters", col("linked_raters")));
  }

  /**
   * Ring boost: a positive rating from a buyer to a seller of the same ring in the ring detector's
   * ring_members (account_id, role, ring_id, member_score). Score: the buyer's member score.
   */
  public Dataset<Row> ringBoost(Dataset<Row> edges, Dataset<Row> ringMembers) {
    Dataset<Row> buyers = ringMembers.filter(col("role").equalTo("buyer"))
        .select(col("account_id").as(RATER), col("ring_id"), col("member_score"));
    Dataset<Row> sellers = ringMembers.filter(col("role").equalTo("seller"))
        .select(col("account_id").as(RATEE), col("ring_id"));
    Dataset<Row> inRing = edges.filter(col(VALUE).gt(0)).join(buyers, RATER).join(sellers, new String[] {RATEE, "ring_id"})
        .groupBy(col(ID), col(RATER), col(RATEE), col(RatingEdges.RATED_AT))
        .agg(max(col("member_score")).as("member_score"));
    return flags(inRing, FlagPattern.RING_BOOST,
        greatest(lit(Double.MIN_NORMAL), functions.least(lit(1.0), col("member_score"))), Map.of());
  }

  /**
   * rater_id, key for every device, IP and address key of the buyers' trades that at most
   * keyMaxAccounts accounts used (prefixed by kind so the three never collide).
   */
  public Dataset<Row> rareKeys(Dataset<Row> trades) {
    Dataset<Row> keys =
        trades.select(col("buyer_id").as(RATER),
                explode(array(concat(lit("d:"), col("device_key")), concat(lit("i:"), col("ip_key")),
                    concat(lit("a:"), col("address_key")))).as("key"))
            .distinct();
    Dataset<Row> rare = keys.groupBy("key").agg(count(lit(1)).as("accounts"))
        .filter(col("accounts").between(2, options.keyMaxAccounts())).select("key");
    return keys.join(rare, "key").select(RATER, "key");
  }

  /** For (ratee_id, rater_id) pairs: linked_raters = other raters of that ratee sharing a key (only pairs with >= 1). */
  private static Dataset<Row> linkedRaters(Dataset<Row> pairs, Dataset<Row> keys) {
    Dataset<Row> keyed = pairs.join(keys, RATER);
    Dataset<Row> other = keyed.select(col(RATEE).as("o_ratee"), col("key").as("o_key"), col(RATER).as("other"));
    return keyed.join(other, col(RATEE).equalTo(col("o_ratee")).and(col("key").equalTo(col("o_key")))
            .and(col(RATER).notEqual(col("other"))))
        .groupBy(RATEE, RATER).agg(countDistinct("other").cast("int").as("linked_raters"));
  }

  /** The flag columns for {@code rows}, evidence columns not given set to typed nulls. */
  static Dataset<Row> flags(Dataset<Row> rows, FlagPattern pattern, Column score, Map<String, Column> evidence) {
    TableSchema table = RatingTables.RATING_FLAGS;
    Column[] columns = FLAG_COLUMNS.stream().map(name -> switch (name) {
      case "pattern" -> lit(pattern.wire()).as(name);
      case "score" -> score.cast("double").as(name);
      case ID, RATER, RATEE, RatingEdges.RATED_AT -> col(name);
      default -> evidence.getOrDefault(name, lit(null))
          .cast(SparkSchemas.dataType(table.columns().get(table.indexOf(name)).type())).as(name);
    }).toArray(Column[]::new);
    return rows.select(columns);
  }
}
