package org.chengxin.jobs.dissatisfaction;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.stats.CategoryPriors;
import org.chengxin.stats.CountHistogram;

/**
 * Fits the empirical-Bayes priors sellers are shrunk with: a beta-binomial maximum-likelihood prior
 * per category (and the platform's, for small categories), from the trailing 90-day seller counts.
 * The prior is on the rate per trade, which does not depend on the window, so the window with the
 * most information serves every window. The exposure is the matured trades (trades weighted by the
 * share of their complaints already filed, {@link DissatisfactionCounts}), so the newest days'
 * missing complaints do not pull the prior down. Flagged sellers are fitted apart, as a population
 * of their own, one per kind of flag, each under a hyperprior ({@link org.chengxin.stats.PartialPooling}) so a handful of them
 * cannot fit a degenerate prior ({@link CategoryPriors}). Only a histogram of (category, kind of
 * flag, upheld, bucketed trades) cells with seller counts reaches the driver, never seller rows.
 */
final class SellerPriors {
  private static final StructType CELL = new StructType()
      .add("category", DataTypes.StringType, true)
      .add(FlaggedSellers.FLAG_KIND, DataTypes.StringType, true)
      .add("upheld", DataTypes.LongType, false)
      .add("trades_bucket", DataTypes.LongType, false);

  private SellerPriors() {}

  /**
   * The histogram cells: {@code category, flag_kind, upheld, trades_bucket, sellers}.
   *
   * @param scopeWindows rows of {@link DissatisfactionCounts#withFlagKinds}
   */
  static Dataset<Row> cells(Dataset<Row> scopeWindows) {
    return scopeWindows
        .filter(col("scope").equalTo(lit(DissatisfactionCounts.SELLER))
            .and(col("window_days").equalTo(lit(Windows.LONGEST))))
        .select(col("category"), col(FlaggedSellers.FLAG_KIND), col("upheld"), col("matured_trades"))
        .map((MapFunction<Row, Row>) r -> RowFactory.create(r.getString(0), r.getString(1), r.getLong(2),
            CountHistogram.bucketTrades(r.getLong(2), r.getLong(3))), Encoders.row(CELL))
        .groupBy(col("category"), col(FlaggedSellers.FLAG_KIND), col("upheld"), col("trades_bucket"))
        .count()
        .withColumnRenamed("count", "sellers");
  }

  /**
   * Fits the priors from collected cells; empty when no unflagged seller had a matured trade (nothing
   * to learn the ordinary sellers' prior from).
   */
  static Optional<CategoryPriors> fit(Iterable<Row> cells) {
    Map<String, CountHistogram> histograms = new LinkedHashMap<>();
    Map<String, CountHistogram> flagged = new LinkedHashMap<>();
    for (Row cell : cells) {
      CountHistogram histogram = cell.isNullAt(1)
          ? histograms.computeIfAbsent(cell.getString(0), c -> new CountHistogram())
          : flagged.computeIfAbsent(cell.getString(1), k -> new CountHistogram());
      histogram.add(cell.getLong(2), cell.getLong(3), cell.getLong(4));
    }
    if (histograms.values().stream().mapToLong(CountHistogram::trades).sum() == 0) {
      return Optional.empty();
    }
    return Optional.of(CategoryPriors.fit(histograms, flagged, CategoryPriors.Settings.DEFAULT));
  }
}
