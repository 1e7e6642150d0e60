package org.chengxin.jobs.scores;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_micros;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.chengxin.core.event.RatingDirection;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.scores.credit.CreditRules;

/**
 * Applies the credit rules to ratings and their revisions on Spark: joins each buyer_to_seller
 * rating to its trade, groups ratings, revisions and prior state by buyer-seller pair, and folds
 * each pair with {@link PairCreditFunction}. The same code serves the daily run (the day's ratings
 * and revisions on top of yesterday's state) and the full recompute (all history on empty state).
 */
final class CreditFold {
  private static final String[] PAIR = {"buyer_id", "seller_id"};
  private static final String DS = TableSchema.PARTITION_COLUMN;
  /** What a revision needs of its rating's latest ledger row, when that row is of an earlier day. */
  private static final StructType EARLIER =
      new StructType()
          .add("trade_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("trade_created_at", DataTypes.LongType)
          .add("score", DataTypes.StringType)
          .add("outcome", DataTypes.StringType)
          .add("credit_points", DataTypes.IntegerType)
          .add("rated_at", DataTypes.LongType)
          .add("hidden", DataTypes.BooleanType);

  /** Per pair: the ledger entries and the state after the day (persisted: read by several outputs). */
  private final Dataset<Row> pairs;

  private CreditFold(Dataset<Row> pairs) {
    this.pairs = pairs;
  }

  /**
   * @param ratings ratings table rows with ds
   * @param trades trades table rows with ds, covering at least the look-back before the ratings' days
   * @param revisions rating_revisions rows with ds, of the same days as the ratings
   * @param earlierLedger credit_ledger rows with ds of the {@link CreditRules#REVISION_REACH_DAYS} days
   *     before the ratings' days (empty for a recompute): where revisions of earlier ratings find them
   * @param monthState credit_month_state rows of the day before (empty for a recompute)
   * @param windowState credit_item_windows rows of the day before (empty for a recompute)
   */
  static CreditFold run(Dataset<Row> ratings, Dataset<Row> trades, Dataset<Row> revisions, Dataset<Row> earlierLedger,
      Dataset<Row> monthState, Dataset<Row> windowState, int tradeLookbackDays, LocalDate day) {
    Dataset<Row> firstTrades =
        trades
            .select(col("trade_id"), col(DS).as("trade_ds"),
                struct(col("buyer_id"), col("seller_id"), col("item_id"), unix_micros(col("created_at")).as("created_at"),
                    unix_micros(col("paid_at")).as("paid_at"), unix_micros(col("shipped_at")).as("shipped_at"),
                    unix_micros(col("confirmed_at")).as("confirmed_at"))
                    .as("trade"))
            // A trade_id ingested twice is taken from its first partition.
            .groupBy("trade_id")
            .agg(expr("min_by(trade, trade_ds)").as("trade"), expr("min(trade_ds)").as("trade_ds"));
    Dataset<Row> rated = ratings.where(col("direction").equalTo(lit(RatingDirection.BUYER_TO_SELLER.wire())));
    Column tradeInReach =
        rated.col("trade_id").equalTo(firstTrades.col("trade_id"))
            .and(firstTrades.col("trade_ds").leq(rated.col(DS)))
            .and(firstTrades.col("trade_ds").geq(date_sub(rated.col(DS), tradeLookbackDays)));
    Dataset<Row> ratingsByPair =
        rated.join(firstTrades, tradeInReach, "left_outer")
            .select(rated.col("rater_id").as("buyer_id"), rated.col("ratee_id").as("seller_id"),
                struct(rated.col("rating_id"), rated.col("trade_id"), unix_date(rated.col(DS)).as("day"),
                    unix_micros(rated.col("rated_at")).as("rated_at"), rated.col("score"), rated.col("hidden"),
                    rated.col("item_as_described"), rated.col("service"), rated.col("logistics"), firstTrades.col("trade"))
                    .as("rating"))
            .groupBy(PAIR[0], PAIR[1])
            .agg(collect_list(col("rating")).as("ratings"));
    Dataset<Row> revisionsByPair = revisionsByPair(rated, revisions, earlierLedger);
    Dataset<Row> monthsByPair =
        monthState.groupBy(PAIR[0], PAIR[1])
            .agg(collect_list(struct(unix_date(col("month")).as("month"), col("net"))).as("months"));
    Dataset<Row> windowsByPair =
        windowState.groupBy(PAIR[0], PAIR[1])
            .agg(collect_list(struct(col("item_id"), col("score"), unix_micros(col("window_start")).as("window_start")))
                .as("windows"));
    Dataset<Row> folded =
        ratingsByPair.join(revisionsByPair, PAIR, "full_outer").join(monthsByPair, PAIR, "full_outer")
            .join(windowsByPair, PAIR, "full_outer")
            .map(new PairCreditFunction(tradeLookbackDays, day), Encoders.row(PairCreditFunction.OUTPUT))
            .persist(StorageLevel.MEMORY_AND_DISK());
    return new CreditFold(folded);
  }

  /**
   * Each revision with its pair and its rating's detailed ratings raised where the revision gives
   * them, grouped by pair. A revision of a rating folded in the same run finds it there; one of an
   * earlier day's rating carries that rating's latest ledger row ({@code earlier}). Revisions of
   * ratings neither holds (seller_to_buyer ratings) are not part of credit.
   */
  private static Dataset<Row> revisionsByPair(Dataset<Row> rated, Dataset<Row> revisions, Dataset<Row> earlierLedger) {
    Dataset<Row> inFold =
        rated.select(col("rating_id"), col("rater_id").as("buyer_id"), col("ratee_id").as("seller_id"),
            col("item_as_described"), col("service"), col("logistics"), lit(null).cast(EARLIER).as("earlier"));
    Dataset<Row> latestEarlier =
        earlierLedger.join(revisions.select("rating_id").distinct(), new String[] {"rating_id"}, "left_semi")
            .groupBy("rating_id", "buyer_id", "seller_id")
            // A rating's latest row: the last day's, a revision's after the rating's own.
            .agg(expr("max_by(struct(*), struct(" + DS + ", revision_id is not null))").as("row"))
            .select(col("rating_id"), col("buyer_id"), col("seller_id"), col("row.item_as_described"), col("row.service"),
                col("row.logistics"),
                struct(col("row.trade_id"), col("row.item_id"), unix_micros(col("row.trade_created_at")).as("trade_created_at"),
                    col("row.score"), col("row.outcome"), col("row.credit_points"),
                    unix_micros(col("row.rated_at")).as("rated_at"), col("row.hidden")).as("earlier"));
    Dataset<Row> ofRatings = inFold.unionByName(latestEarlier);
    return revisions.join(ofRatings, revisions.col("rating_id").equalTo(ofRatings.col("rating_id")))
        .select(ofRatings.col("buyer_id"), ofRatings.col("seller_id"),
            struct(revisions.col("revision_id"), revisions.col("rating_id"), unix_date(revisions.col(DS)).as("day"),
                unix_micros(revisions.col("revised_at")).as("revised_at"), revisions.col("score"),
                coalesce(revisions.col("item_as_described"), ofRatings.col("item_as_described")).as("item_as_described"),
                coalesce(revisions.col("service"), ofRatings.col("service")).as("service"),
                coalesce(revisions.col("logistics"), ofRatings.col("logistics")).as("logistics"),
                ofRatings.col("earlier")).as("revision"))
        .groupBy(PAIR[0], PAIR[1])
        .agg(collect_list(col("revision")).as("revisions"));
  }

  /** credit_ledger rows of the ratings and revisions folded, with ds (their own day). */
  Dataset<Row> ledger() {
    return pairs.select(col("buyer_id"), col("seller_id"), explode(col("ledger")).as("e"))
        .select(col("e.rating_id"), col("e.trade_id"), col("seller_id"), col("buyer_id"), col("e.item_id"),
            col("e.score"), timestamp_micros(col("e.rated_at")).as("rated_at"), col("e.hidden"), col("e.outcome"),
            col("e.credit_points"), col("e.item_as_described"), col("e.service"), col("e.logistics"),
            timestamp_micros(col("e.trade_created_at")).as("trade_created_at"), col("e.revision_id"),
            timestamp_micros(col("e.revised_at")).as("revised_at"), col("e.credit_change"),
            date_from_unix_date(col("e.day")).as(DS));
  }

  /** credit_month_state rows after the day. */
  Dataset<Row> monthState() {
    return pairs.select(col("buyer_id"), col("seller_id"), explode(col("months")).as("m"))
        .select(col("buyer_id"), col("seller_id"), date_from_unix_date(col("m.month")).as("month"), col("m.net"));
  }

  /** credit_item_windows rows after the day. */
  Dataset<Row> windowState() {
    return pairs.select(col("buyer_id"), col("seller_id"), explode(col("windows")).as("w"))
        .select(col("buyer_id"), col("seller_id"), col("w.item_id"), col("w.score"),
            timestamp_micros(col("w.window_start")).as("window_start"));
  }

  void release() {
    pairs.unpersist();
  }
}
