package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.event.RatingScore;
import org.chengxin.detectors.ratings.PaidOffExtortionPattern;
import org.chengxin.detectors.ratings.RatingFlag;
import org.chengxin.detectors.ratings.RatingPattern;
import org.chengxin.detectors.ratings.RevisedRating;
import org.chengxin.detectors.ratings.RevisionBurstPattern;

/**
 * The revision patterns (paid-off extortion per rater, bought revisions per seller) by the plain-Java
 * rules themselves. Each accepted revision of a buyer_to_seller negative or neutral is joined to its
 * rating and to the rater's latest upheld complaint with compensation on that trade resolved between
 * the rating and the revision; the revisions are then partitioned by rater (paid off) or by ratee
 * (bursts, each seller's revisable ratings and revision rate joined on) and sorted by time, and each
 * task walks its runs through the core. Nothing goes to the driver but the platform's two totals.
 */
final class RevisionFlags {
  private static final String RATER = RatingEdges.RATER;
  private static final String RATEE = RatingEdges.RATEE;
  private static final String REVISED_SECOND = "revised_second";
  private static final String RATED_SECOND = "rated_second";
  // Positions in the walked rows (WALKED below, then one per-run column).
  private static final int RATING_AT = 0;
  private static final int RATER_AT = 1;
  private static final int RATEE_AT = 2;
  private static final int RATED_AT_AT = 3;
  private static final int RATED_SECOND_AT = 4;
  private static final int REVISION_AT = 5;
  private static final int REVISED_AT_AT = 6;
  private static final int REVISED_SECOND_AT = 7;
  private static final int COMPLAINT_AT = 8;
  private static final int FILED_AT = 9;
  private static final int RESOLVED_AT = 10;
  private static final int RUN_AT = 11;
  private static final int RATE_AT = 12;
  private static final String[] WALKED = {RatingEdges.RATING_ID, RATER, RATEE, RatingEdges.RATED_AT, RATED_SECOND,
      "revision_id", "revised_at", REVISED_SECOND, "complaint_id", "filed_second", "resolved_second"};

  private RevisionFlags() {}

  /**
   * @param ratings rows of the ratings table (rating_id, trade_id, rater_id, ratee_id, score, direction, rated_at)
   * @param revisions rows of the rating_revisions table
   * @param complaints rows of the complaints table
   * @param extortion rows of the flags so far (rater_id, pattern): each rater's extortion flags are its history
   */
  static Dataset<Row> flags(Dataset<Row> ratings, Dataset<Row> revisions, Dataset<Row> complaints, Dataset<Row> extortion,
      PaidOffExtortionPattern paidOff, RevisionBurstPattern burst) {
    Dataset<Row> revisable = ratings.filter(col("direction").equalTo(RatingDirection.BUYER_TO_SELLER.wire())
            .and(col("score").notEqual(RatingScore.POSITIVE.wire())))
        .select(col(RatingEdges.RATING_ID), col("trade_id"), col(RATER), col(RATEE), col(RatingEdges.RATED_AT),
            unix_seconds(col(RatingEdges.RATED_AT)).as(RATED_SECOND));
    Dataset<Row> revised = revisions.select(col(RatingEdges.RATING_ID), col(RATER).as("reviser_id"), col("revision_id"),
            col("revised_at"), unix_seconds(col("revised_at")).as(REVISED_SECOND))
        .join(revisable, RatingEdges.RATING_ID)
        .filter(col("reviser_id").equalTo(col(RATER)));
    Dataset<Row> upheld = complaints.filter(col("outcome").equalTo(ComplaintOutcome.UPHELD.wire())
            .and(col("compensation_minor").gt(0)).and(col("resolved_at").isNotNull()))
        .select(col("trade_id").as("c_trade"), col("buyer_id").as("c_buyer"), col("seller_id").as("c_seller"),
            col("complaint_id"), unix_seconds(col("filed_at")).as("filed_second"),
            unix_seconds(col("resolved_at")).as("resolved_second"));
    Column link = col("trade_id").equalTo(col("c_trade")).and(col(RATER).equalTo(col("c_buyer")))
        .and(col(RATEE).equalTo(col("c_seller")))
        .and(col("resolved_second").gt(col(RATED_SECOND))).and(col("resolved_second").leq(col(REVISED_SECOND)));
    Column[] keys = Arrays.stream(WALKED).limit(COMPLAINT_AT).map(n -> col(n)).toArray(Column[]::new);
    // The latest such complaint of each revision (struct order: resolution first).
    Dataset<Row> linked = revised.join(upheld, link, "left")
        .groupBy(keys)
        .agg(max(struct(col("resolved_second"), col("filed_second"), col("complaint_id"))).as("c"))
        .select(col(RatingEdges.RATING_ID), col(RATER), col(RATEE), col(RatingEdges.RATED_AT), col(RATED_SECOND),
            col("revision_id"), col("revised_at"), col(REVISED_SECOND), col("c.complaint_id").as("complaint_id"),
            col("c.filed_second").as("filed_second"), col("c.resolved_second").as("resolved_second"));

    Dataset<Row> extortionFlags = extortion.filter(col("pattern").equalTo(RatingPattern.EXTORTION.wire()))
        .groupBy(col(RATER)).agg(count(lit(1)).cast("int").as("run_value"));
    Dataset<Row> paidOffInput = linked.filter(col("resolved_second").isNotNull())
        .join(extortionFlags, new String[] {RATER}, "left")
        .withColumn("run_value", coalesce(col("run_value"), lit(0)))
        .withColumn("rate", lit(0.0));
    Dataset<Row> paidOffFlags = walk(paidOffInput, RATER, RATER_AT, run -> {
      List<RevisedRating> revisedRatings = new ArrayList<>();
      for (Row r : run) {
        revisedRatings.add(new RevisedRating(r.getLong(RATED_SECOND_AT), r.getLong(REVISED_SECOND_AT),
            r.getLong(FILED_AT), r.getLong(RESOLVED_AT)));
      }
      return paidOff.flags(revisedRatings, run.get(0).getInt(RUN_AT));
    });

    // Each seller's revision rate: the platform's revisions per revisable rating, the seller left out
    // (one pseudo-revision keeps it above 0).
    Dataset<Row> perSeller = revisable.groupBy(col(RATEE))
        .agg(collect_list(col(RATED_SECOND)).as("run_value"), count(lit(1)).as("seller_revisable"))
        .join(linked.groupBy(col(RATEE)).agg(count(lit(1)).as("seller_revisions")), new String[] {RATEE}, "left")
        .withColumn("seller_revisions", coalesce(col("seller_revisions"), lit(0L)));
    Dataset<Row> totals = perSeller.agg(sum("seller_revisable").as("all_revisable"), sum("seller_revisions").as("all_revisions"));
    Column rate = col("all_revisions").minus(col("seller_revisions")).plus(1)
        .divide(col("all_revisable").minus(col("seller_revisable")).plus(1));
    Dataset<Row> sellers = perSeller.crossJoin(totals).select(col(RATEE), col("run_value"), rate.as("rate"));
    // A revision that followed a compensation on its own trade is explained by the dispute (and judged
    // as paid-off extortion above), not by the seller's campaign: the burst scan leaves it out.
    Dataset<Row> unexplained = linked.filter(col("resolved_second").isNull());
    Dataset<Row> burstFlags = walk(unexplained.join(sellers, RATEE), RATEE, RATEE_AT, run -> {
      long[] revisedAt = run.stream().mapToLong(r -> r.getLong(REVISED_SECOND_AT)).toArray();
      long[] ratedAt = run.stream().mapToLong(r -> r.getLong(RATED_SECOND_AT)).toArray();
      List<Long> own = run.get(0).getList(RUN_AT);
      long[] revisableAt = own.stream().mapToLong(Long::longValue).toArray();
      return burst.flags(revisedAt, ratedAt, revisableAt, run.get(0).getDouble(RATE_AT));
    });
    return paidOffFlags.unionByName(burstFlags);
  }

  /** One account's run of revision rows to its flags, shipped to the tasks. */
  private interface RunRules extends Function<List<Row>, List<RatingFlag>>, Serializable {}

  /** Sorts by {@code account} and revision time and walks each account's run through {@code rules}. */
  private static Dataset<Row> walk(Dataset<Row> rows, String account, int accountAt, RunRules rules) {
    Column[] columns = Stream.concat(Arrays.stream(WALKED), Stream.of("run_value", "rate"))
        .map(n -> col(n)).toArray(Column[]::new);
    Dataset<Row> input = rows.select(columns).repartition(col(account))
        .sortWithinPartitions(col(account), col(REVISED_SECOND), col("revision_id"));
    var flags = input.javaRDD().mapPartitions((Iterator<Row> sorted) -> SortedRuns.flags(sorted, accountAt, rules,
        RevisionFlags::flagRow));
    return input.sparkSession().createDataFrame(flags, RatingPatterns.FLAG_ROWS);
  }

  private static Row flagRow(Row r, RatingFlag flag) {
    Map<String, Object> ids = new HashMap<>();
    ids.put("revision_id", r.getString(REVISION_AT));
    ids.put("revised_at", r.get(REVISED_AT_AT));
    if (flag.pattern() == RatingPattern.PAID_OFF_EXTORTION) {
      ids.put("complaint_id", r.getString(COMPLAINT_AT));
    }
    return RatingPatterns.flagRow(r.getString(RATING_AT), r.getString(RATER_AT), r.getString(RATEE_AT), r.get(RATED_AT_AT),
        flag, ids);
  }
}
