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
 * most information serves every window. Flagged sellers are left out: the prior describes the
 * ordinary sellers, and flagged ones are not shrunk toward it ({@link ScopeStatistics}). Only a
 * histogram of (category, upheld, bucketed trades) cells with seller counts reaches the driver,
 * never seller rows.
 */
final class SellerPriors {
  private static final StructType CELL = new StructType()
      .add("category", DataTypes.StringType, true)
      .add("upheld", DataTypes.LongType, false)
      .add("trades_bucket", DataTypes.LongType, false);

  private SellerPriors() {}

  /** The histogram cells: {@code category, upheld, trades_bucket, sellers}. */
  static Dataset<Row> cells(Dataset<Row> scopeWindows) {
    return scopeWindows
        .filter(col("scope").equalTo(lit(DissatisfactionCounts.SELLER))
            .and(col("window_days").equalTo(lit(Windows.LONGEST)))
            .and(col("flagged_trades").equalTo(lit(0L))))
        .select(col("category"), col("upheld"), col("trades"))
        .map((MapFunction<Row, Row>) r -> RowFactory.create(
            r.getString(0), r.getLong(1), CountHistogram.bucketTrades(r.getLong(1), r.getLong(2))), Encoders.row(CELL))
        .groupBy(col("category"), col("upheld"), col("trades_bucket"))
        .count()
        .withColumnRenamed("count", "sellers");
  }

  /** Fits the priors from collected cells; empty when no seller had a trade (nothing to learn from). */
  static Optional<CategoryPriors> fit(Iterable<Row> cells) {
    Map<String, CountHistogram> histograms = new LinkedHashMap<>();
    long trades = 0;
    for (Row cell : cells) {
      CountHistogram histogram = histograms.computeIfAbsent(cell.getString(0), c -> new CountHistogram());
      histogram.add(cell.getLong(1), cell.getLong(2), cell.getLong(3));
      trades += cell.getLong(2);
    }
    if (trades == 0) {
      return Optional.empty();
    }
    return Optional.of(CategoryPriors.fit(histograms, CategoryPriors.Settings.DEFAULT));
  }
}
