package org.chengxin.jobs.dissatisfaction;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.chengxin.stats.Attribution;
import org.chengxin.stats.BetaPrior;
import org.chengxin.stats.CategoryPriors;
import org.chengxin.stats.RateSummary;
import org.chengxin.stats.SellerEstimate;
import org.chengxin.stats.TargetCheck;

/**
 * The statistics of one scope-window row, on the executors: a typed map from the counts of
 * {@link DissatisfactionCounts#scopeWindows} to a {@code dissatisfaction} row. Spark has no beta
 * quantile, so this is plain Java over the {@code org.chengxin.stats} per-row functions; it holds only
 * the fitted priors (a few numbers per category).
 */
final class ScopeStatistics implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** Two-sided level of every interval column. */
  static final double LEVEL = 0.95;

  private static final TargetCheck CHECK = TargetCheck.PROMISE;

  /** Null when there was nothing to fit (no seller had a trade): seller estimates are then null. */
  private final CategoryPriors priors;

  ScopeStatistics(CategoryPriors priors) {
    this.priors = priors;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return apply(rows.next());
      }
    };
  }

  /** One output row from one input row (columns of {@link DissatisfactionCounts#withFlagKinds}). */
  Row apply(Row in) {
    String scope = in.getString(0);
    String category = in.isNullAt(2) ? null : in.getString(2);
    long trades = in.getLong(5);
    long upheld = in.getLong(6);
    long flaggedTrades = in.getLong(8);
    long flaggedUpheld = in.getLong(9);
    long maturedTrades = in.getLong(10);
    String flagKind = in.isNullAt(11) ? null : in.getString(11);
    RateSummary summary = RateSummary.of(upheld, trades, LEVEL, CHECK);

    SellerEstimate estimate = null;
    if (scope.equals(DissatisfactionCounts.SELLER) && priors != null) {
      // A flagged seller belongs to another population (a counterfeiter's rate is often a thousand
      // times the ordinary sellers'): it is shrunk toward its own kind's prior. The exposure is the
      // matured trades, so the newest days' missing complaints do not read as clean.
      BetaPrior prior = flagKind != null ? priors.priorForFlagged(flagKind) : priors.priorFor(category);
      estimate = prior.estimate(upheld, maturedTrades, LEVEL, CHECK.target());
    }
    Attribution attribution = null;
    Boolean targetMetWithoutFlagged = null;
    if (!scope.equals(DissatisfactionCounts.SELLER)) {
      attribution = new Attribution(upheld, trades, flaggedUpheld, flaggedTrades);
      targetMetWithoutFlagged = CHECK.met(upheld - flaggedUpheld, trades - flaggedTrades);
    }
    return RowFactory.create(
        scope,
        in.getString(1),
        category,
        in.getInt(3),
        in.get(4),
        trades,
        upheld,
        in.getLong(7),
        orNull(summary.rate()),
        summary.clopperPearson().lower(),
        summary.clopperPearson().upper(),
        summary.jeffreys().lower(),
        summary.jeffreys().upper(),
        summary.oneSidedUpper(),
        summary.probabilityBelowTarget(),
        estimate == null ? null : estimate.probabilityBelowTarget(),
        summary.targetPValue(),
        summary.targetMet(),
        summary.cleanTradesNeeded(),
        maturedTrades,
        estimate == null ? null : estimate.shrunkRate(),
        estimate == null ? null : estimate.interval().lower(),
        estimate == null ? null : estimate.interval().upper(),
        flaggedTrades,
        flaggedUpheld,
        attribution == null ? null : orNull(attribution.rateWithoutFlagged()),
        targetMetWithoutFlagged,
        attribution == null ? null : orNull(attribution.complaintShare()),
        attribution == null ? null : orNull(attribution.tradeShare()),
        attribution == null ? null : orNull(attribution.excessComplaints()));
  }

  /** The library's NaN ("undefined": no trades, no complaints) is written as null. */
  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
