package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.detectors.ratings.PoissonTail;
import org.chengxin.detectors.ratings.RatingPattern;
import org.chengxin.jobs.frame.SparkSchemas;

/**
 * The malicious-rating patterns that are joins and aggregations over the rating edges
 * ({@link RatingEdges}): extortion, serial negatives, ring boosts, and the rare keys the per-ratee
 * patterns ({@link ReceivedRatingFlags}) link raters with. Each returns rows in the shape of
 * {@code rating_flags} without detector and reason: rating_id, rater_id, ratee_id,
 * pattern, score, rated_at and the evidence columns (null where a pattern has none).
 */
public final class RatingPatterns {
  private static final String RATER = RatingEdges.RATER;
  private static final String RATEE = RatingEdges.RATEE;
  private static final String VALUE = RatingEdges.SCORE;
  private static final String ID = RatingEdges.RATING_ID;
  private static final String TIME = RatingEdges.EPOCH_SECOND;
  private static final double SECONDS_PER_HOUR = 3_600.0;
  /** rating_flags without detector and reason: the rows every pattern returns. */
  static final StructType FLAG_ROWS = new StructType(Arrays.stream(SparkSchemas.of(RatingTables.RATING_FLAGS).fields())
      .filter(f -> !f.name().equals("detector") && !f.name().equals("reason")).toArray(StructField[]::new));
  private static final List<String> FLAG_COLUMNS = List.of(FLAG_ROWS.fieldNames());

  private static final UserDefinedFunction POISSON_TAIL =
      udf((UDF2<Double, Long, Double>) PoissonTail::atLeast, DataTypes.DoubleType);

  private final RatingDetectionOptions options;

  public RatingPatterns(RatingDetectionOptions options) {
    this.options = options;
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
    return flags(matched, RatingPattern.EXTORTION, lit(1.0).minus(col("hours_after_rejection").divide(2 * window)),
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
    return flags(others, RatingPattern.EXTORTION_REPEAT, lit(1.0).minus(lit(1.0).divide(col("extortion_flags").plus(1))),
        Map.of("extortion_flags", col("extortion_flags")));
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
    return flags(flagged, RatingPattern.SERIAL_NEGATIVE, greatest(lit(Double.MIN_NORMAL), score), evidence);
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
    return flags(inRing, RatingPattern.RING_BOOST,
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

  /** The flag columns for {@code rows}, evidence columns not given set to typed nulls. */
  static Dataset<Row> flags(Dataset<Row> rows, RatingPattern pattern, Column score, Map<String, Column> evidence) {
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
