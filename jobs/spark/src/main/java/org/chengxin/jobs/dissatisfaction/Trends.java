package org.chengxin.jobs.dissatisfaction;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.chengxin.stats.DailyCount;
import org.chengxin.stats.TrendResult;
import org.chengxin.stats.TrendTest;

/**
 * Whether the platform's and each category's rate is falling: the daily counts of the fitted days
 * (at most 90 per category) are collected and {@link TrendTest} runs once per scope on the driver.
 * The newest days are left out: their trades have not had time to draw complaints (a complaint comes
 * up to about two weeks after its trade), and counting them would read that lag as a fall.
 */
final class Trends {
  /** One-sided level of the {@code falling} column. */
  static final double ALPHA = 0.05;

  private Trends() {}

  /** First and last trade day fitted on {@code runDay} with {@code maturityDays} left out. */
  static LocalDate firstDay(LocalDate runDay) {
    return Windows.start(runDay, Windows.LONGEST);
  }

  static LocalDate lastDay(LocalDate runDay, int maturityDays) {
    return runDay.minusDays(maturityDays);
  }

  /** {@code category, day, trades, upheld} over the fitted days: what the driver collects. */
  static Dataset<Row> categoryDays(Dataset<Row> daily, LocalDate runDay, int maturityDays) {
    return daily
        .filter(col("day").between(lit(firstDay(runDay)), lit(lastDay(runDay, maturityDays))))
        .groupBy(col("category"), col("day"))
        .agg(sum(col("trades")).as("trades"), sum(col("upheld")).as("upheld"));
  }

  /** {@code dissatisfaction_trend} rows (platform first, then categories by name) from the collected days. */
  static List<Row> fit(List<Row> categoryDays, LocalDate runDay, int maturityDays) {
    Map<String, List<DailyCount>> byCategory = new TreeMap<>();
    Map<Long, long[]> platform = new TreeMap<>();
    for (Row r : categoryDays) {
      long epochDay = r.getDate(1).toLocalDate().toEpochDay();
      long trades = r.getLong(2);
      long upheld = r.getLong(3);
      byCategory.computeIfAbsent(r.getString(0), c -> new ArrayList<>()).add(new DailyCount(epochDay, upheld, trades));
      long[] total = platform.computeIfAbsent(epochDay, d -> new long[2]);
      total[0] += upheld;
      total[1] += trades;
    }
    List<DailyCount> platformDays = new ArrayList<>();
    platform.forEach((day, total) -> platformDays.add(new DailyCount(day, total[0], total[1])));
    List<Row> rows = new ArrayList<>();
    rows.add(row(DissatisfactionCounts.PLATFORM, DissatisfactionCounts.PLATFORM, platformDays, runDay, maturityDays));
    byCategory.forEach((category, days) -> rows.add(row(DissatisfactionCounts.CATEGORY, category, days, runDay, maturityDays)));
    return rows;
  }

  private static Row row(String scope, String scopeId, List<DailyCount> days, LocalDate runDay, int maturityDays) {
    TrendResult trend = TrendTest.fit(days);
    long trades = days.stream().mapToLong(DailyCount::trades).sum();
    boolean estimable = !Double.isNaN(trend.slopePerDay());
    return RowFactory.create(
        scope,
        scopeId,
        Date.valueOf(firstDay(runDay)),
        Date.valueOf(lastDay(runDay, maturityDays)),
        trend.days(),
        trades,
        trend.upheld(),
        estimable ? trend.slopePerDay() : null,
        estimable ? trend.standardError() : null,
        estimable ? trend.rateRatioPer30Days() : null,
        trend.dispersion(),
        trend.pValueFalling(),
        trend.falling(ALPHA));
  }
}
