package org.chengxin.jobs.dissatisfaction;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.core.event.ComplaintOutcome;
import org.chengxin.core.event.TradeStatus;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.stats.ReportingDelay;

/**
 * The counts behind every dissatisfaction row, with Spark built-ins only.
 *
 * <p>Definition (docs/dissatisfaction.md): a trade belongs to the window of its creation day (the
 * {@code ds} of {@code trades}, the trade's UTC day). It counts in {@code trades} when completed, or
 * whatever its status when it carries an upheld complaint (so a complaint upheld on a cancelled or
 * refunded trade counts, and its trade with it: the rate stays a share of trades). {@code upheld}
 * counts trades with at least one upheld complaint, filed or resolved at any time up to the run; a
 * trade is dissatisfied or not, which is what the binomial statistics model. Pending complaints are
 * counted apart.
 */
final class DissatisfactionCounts {
  static final String PLATFORM = "platform";
  static final String CATEGORY = "category";
  static final String SELLER = "seller";

  /** Columns of {@link #scopeWindows}, the input of {@link ScopeStatistics}. */
  static final List<String> SCOPE_WINDOW_COLUMNS = List.of(
      "scope", "scope_id", "category", "window_days", "window_start", "trades", "upheld", "pending", "flagged_trades",
      "flagged_upheld", "matured_trades");

  private static final String DAY = "day";
  private static final String[] COUNTS = {"trades", "upheld", "pending", "flagged_trades", "flagged_upheld"};
  private static final String MATURED = "matured_trades";

  private DissatisfactionCounts() {}

  /**
   * One row per seller, category and trade day: {@code seller_id, category, day, flagged, listed}
   * (trades of any status), {@code trades, upheld, pending}.
   *
   * @param trades trades partitions of the longest window, with ds
   * @param complaints complaints partitions of the same days (a complaint is filed after its trade)
   * @param flaggedSellers {@code seller_id} of flagged sellers, one row each
   */
  static Dataset<Row> daily(Dataset<Row> trades, Dataset<Row> complaints, Dataset<Row> flaggedSellers) {
    Column outcome = col("outcome");
    Dataset<Row> perTrade =
        complaints.groupBy(col("trade_id").as("complained_trade_id"))
            .agg(
                max(outcome.equalTo(lit(ComplaintOutcome.UPHELD.wire()))).as("has_upheld"),
                count_if(outcome.equalTo(lit(ComplaintOutcome.PENDING.wire()))).as("pending_complaints"));
    Dataset<Row> flagged = flaggedSellers.select(col("seller_id").as("flagged_seller_id"), lit(true).as("is_flagged"));
    Dataset<Row> joined =
        trades.select(col("trade_id"), col("seller_id"), col("category"), col("status"),
                col(TableSchema.PARTITION_COLUMN).as(DAY))
            .join(perTrade, col("trade_id").equalTo(col("complained_trade_id")), "left_outer")
            .join(flagged, col("seller_id").equalTo(col("flagged_seller_id")), "left_outer");
    Column upheld = coalesce(col("has_upheld"), lit(false));
    Column counted = col("status").equalTo(lit(TradeStatus.COMPLETED.wire())).or(upheld);
    return joined.groupBy(col("seller_id"), col("category"), col(DAY),
            coalesce(col("is_flagged"), lit(false)).as("flagged"))
        .agg(
            count(lit(1)).as("listed"),
            count_if(counted).as("trades"),
            count_if(upheld).as("upheld"),
            coalesce(sum(col("pending_complaints")), lit(0L)).as("pending"));
  }

  /**
   * Complaints (any outcome) on the window's trades by the trade day's age at the run and the days
   * from trade to filing: {@code age_days, delay_days, complaints}, at most 91 x 91 rows, what
   * {@link ReportingDelay#fit} needs. Every outcome counts, on the assumption that when a complaint
   * is filed does not depend on how it ends: upheld ones alone are too few to estimate the delay.
   */
  static Dataset<Row> complaintDelays(Dataset<Row> trades, Dataset<Row> complaints, LocalDate runDay) {
    Dataset<Row> tradeDays = trades.select(col("trade_id").as("delayed_trade_id"),
        col(TableSchema.PARTITION_COLUMN).as("trade_day"));
    Column delay = datediff(col("filed_day"), col("trade_day"));
    return complaints.select(col("trade_id"), col(TableSchema.PARTITION_COLUMN).as("filed_day"))
        .join(tradeDays, col("trade_id").equalTo(col("delayed_trade_id")))
        .filter(delay.geq(lit(0)))
        .groupBy(datediff(lit(runDay), col("trade_day")).as("age_days"), delay.as("delay_days"))
        .agg(count(lit(1)).as("complaints"));
  }

  /** The collected {@link #complaintDelays} rows as cells. */
  static ReportingDelay reportingDelay(List<Row> delays) {
    List<ReportingDelay.Cell> cells = new ArrayList<>();
    for (Row r : delays) {
      cells.add(new ReportingDelay.Cell(r.getInt(0), r.getInt(1), r.getLong(2)));
    }
    return ReportingDelay.fit(cells);
  }

  /**
   * Each seller's main category, its shrinkage target: the category of most of its trades (any
   * status) in the longest window, ties to the alphabetically first. {@code seller_id, main_category}.
   */
  static Dataset<Row> mainCategories(Dataset<Row> daily) {
    return daily.groupBy(col("seller_id"), col("category"))
        .agg(sum(col("listed")).as("listed"))
        .groupBy(col("seller_id"))
        .agg(min_by(col("category"), struct(col("listed").unary_$minus(), col("category"))).as("main_category"));
  }

  /**
   * One row per scope and window ({@link #SCOPE_WINDOW_COLUMNS}): the platform, every category and
   * every seller present in {@code daily}, each with all four windows (zero counts where it had no
   * trades). One aggregation with a conditional sum per window, then one row per window.
   * {@code matured_trades} weights each day's trades by the share of their complaints filed by the
   * run ({@code delay}), rounded, and never below {@code upheld}.
   */
  static Dataset<Row> scopeWindows(Dataset<Row> daily, LocalDate runDay, ReportingDelay delay) {
    List<Column> shares = new ArrayList<>();
    for (int age = 0; age < delay.longestDelayDays(); age++) {
      shares.add(lit(delay.reportedShare(age)));
    }
    // Older days (beyond the array: get gives null) have all their complaints in.
    Column share = shares.isEmpty() ? lit(1.0)
        : coalesce(get(array(shares.toArray(Column[]::new)), datediff(lit(runDay), col(DAY))), lit(1.0));
    Dataset<Row> sellers = daily.join(mainCategories(daily), "seller_id");
    Dataset<Row> scoped =
        scopeDays(sellers, lit(SELLER), col("seller_id"), col("main_category"))
            .unionByName(scopeDays(daily, lit(CATEGORY), col("category"), col("category")))
            .unionByName(scopeDays(daily, lit(PLATFORM), lit(PLATFORM), lit(null).cast("string")));
    List<Column> sums = new ArrayList<>();
    List<Column> windows = new ArrayList<>();
    for (int days : Windows.DAYS) {
      LocalDate start = Windows.start(runDay, days);
      Column inWindow = col(DAY).geq(lit(start));
      List<Column> fields = new ArrayList<>(List.of(lit(days).as("window_days"), lit(start).as("window_start")));
      for (String name : COUNTS) {
        String summed = name + "_" + days;
        sums.add(coalesce(sum(when(inWindow, col(name))), lit(0L)).as(summed));
        fields.add(col(summed).as(name));
      }
      String matured = MATURED + "_" + days;
      sums.add(coalesce(sum(when(inWindow, col("trades").multiply(share))), lit(0.0)).as(matured));
      fields.add(greatest(col("upheld_" + days), round(col(matured)).cast("long")).as(MATURED));
      windows.add(struct(fields.toArray(Column[]::new)));
    }
    return scoped.groupBy(col("scope"), col("scope_id"), col("category"))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
        .select(col("scope"), col("scope_id"), col("category"), explode(array(windows.toArray(Column[]::new))).as("w"))
        .select(col("scope"), col("scope_id"), col("category"), col("w.*"));
  }

  /**
   * {@link #SCOPE_WINDOW_COLUMNS} and {@code flag_kind}: the seller's kind of flag on seller rows of
   * flagged sellers, null elsewhere (what {@link ScopeStatistics} reads).
   *
   * @param flaggedSellers {@code seller_id, flag_kind} ({@link FlaggedSellers#read})
   */
  static Dataset<Row> withFlagKinds(Dataset<Row> scopeWindows, Dataset<Row> flaggedSellers) {
    Dataset<Row> kinds = flaggedSellers.select(col("seller_id").as("kind_seller_id"), col(FlaggedSellers.FLAG_KIND));
    List<Column> columns = new ArrayList<>();
    SCOPE_WINDOW_COLUMNS.forEach(name -> columns.add(col(name)));
    columns.add(col(FlaggedSellers.FLAG_KIND));
    return scopeWindows
        .join(kinds, col("scope").equalTo(lit(SELLER)).and(col("scope_id").equalTo(col("kind_seller_id"))), "left_outer")
        .select(columns.toArray(Column[]::new));
  }

  private static Dataset<Row> scopeDays(Dataset<Row> rows, Column scope, Column scopeId, Column category) {
    Column flagged = col("flagged");
    return rows.select(
        scope.as("scope"),
        scopeId.as("scope_id"),
        category.as("category"),
        col(DAY),
        col("trades"),
        col("upheld"),
        col("pending"),
        when(flagged, col("trades")).otherwise(lit(0L)).as("flagged_trades"),
        when(flagged, col("upheld")).otherwise(lit(0L)).as("flagged_upheld"));
  }
}
