package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.detectors.ratings.RatingFlag;
import org.chengxin.detectors.ratings.RatingPattern;
import org.chengxin.jobs.frame.SparkSchemas;

/**
 * The rows every rating pattern returns ({@link #FLAG_ROWS}: rating_flags without detector and
 * reason: rating_id, rater_id, ratee_id, pattern, score, rated_at and the evidence columns, null
 * where a pattern has none), and the patterns that are joins over the rating edges
 * ({@link RatingEdges}): ring boosts, and the rare keys the per-ratee patterns link raters with. The
 * rules with a state per rater or per ratee run as plain-Java kernels in Spark tasks
 * ({@link GivenRatingFlags}, {@link ReceivedRatingFlags}).
 */
public final class RatingPatterns {
  private static final String RATER = RatingEdges.RATER;
  private static final String RATEE = RatingEdges.RATEE;
  private static final String VALUE = RatingEdges.SCORE;
  private static final String ID = RatingEdges.RATING_ID;
  /** rating_flags without detector and reason: the rows every pattern returns. */
  static final StructType FLAG_ROWS = new StructType(Arrays.stream(SparkSchemas.of(RatingTables.RATING_FLAGS).fields())
      .filter(f -> !f.name().equals("detector") && !f.name().equals("reason")).toArray(StructField[]::new));
  private static final List<String> FLAG_COLUMNS = List.of(FLAG_ROWS.fieldNames());

  private final RatingDetectionOptions options;

  public RatingPatterns(RatingDetectionOptions options) {
    this.options = options;
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

  /**
   * One row of {@link #FLAG_ROWS} for a flag a plain-Java rule raised on a rating: the rating's
   * columns, the pattern, its score, and its evidence in the columns of the same names.
   */
  static Row flagRow(String ratingId, String raterId, String rateeId, Object ratedAt, RatingFlag flag) {
    return flagRow(ratingId, raterId, rateeId, ratedAt, flag, Map.of());
  }

  /**
   * As {@link #flagRow(String, String, String, Object, RatingFlag)}, with evidence a plain-Java rule
   * cannot name as a number ({@code ids}: ids and times by column name, already in the column's type).
   */
  static Row flagRow(String ratingId, String raterId, String rateeId, Object ratedAt, RatingFlag flag,
      Map<String, Object> ids) {
    Object[] values = new Object[FLAG_ROWS.size()];
    for (int i = 0; i < values.length; i++) {
      StructField field = FLAG_ROWS.fields()[i];
      values[i] = switch (field.name()) {
        case ID -> ratingId;
        case RATER -> raterId;
        case RATEE -> rateeId;
        case RatingEdges.RATED_AT -> ratedAt;
        case "pattern" -> flag.pattern().wire();
        case "score" -> flag.score();
        default -> ids.containsKey(field.name()) ? ids.get(field.name())
            : evidence(flag.evidence().get(field.name()), field.dataType());
      };
    }
    return RowFactory.create(values);
  }

  /** An evidence value in its column's type; null when the rule gave none of that name. */
  private static Object evidence(Double value, DataType type) {
    if (value == null) {
      return null;
    }
    if (type.equals(DataTypes.IntegerType)) {
      return (int) Math.round(value);
    }
    if (type.equals(DataTypes.LongType)) {
      return Math.round(value);
    }
    return value;
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
