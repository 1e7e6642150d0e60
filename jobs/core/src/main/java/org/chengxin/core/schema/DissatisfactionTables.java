package org.chengxin.core.schema;

import static org.chengxin.core.schema.Column.optional;
import static org.chengxin.core.schema.Column.required;
import static org.chengxin.core.schema.ColumnType.BOOLEAN;
import static org.chengxin.core.schema.ColumnType.DATE;
import static org.chengxin.core.schema.ColumnType.DOUBLE;
import static org.chengxin.core.schema.ColumnType.INT;
import static org.chengxin.core.schema.ColumnType.LONG;
import static org.chengxin.core.schema.ColumnType.STRING;

import java.util.List;

/**
 * Tables of the dissatisfaction job (docs/dissatisfaction.md): upheld complaints per completed trade
 * against the 1-in-100,000 promise, per scope and trailing window, with intervals, the empirical-Bayes
 * seller estimate and the flagged sellers' share; and the trend of the platform and category rates.
 */
public final class DissatisfactionTables {

  private static final String RATE = "per trade";
  private static final String PROB = "0-1";

  public static final TableSchema DISSATISFACTION =
      new TableSchema(
          "dissatisfaction",
          "One row per scope (the platform, each category, each seller with a trade in the trailing 90 days) and window "
              + "(1, 7, 30, 90 days of trade time ending on the run day): upheld complaints per completed trade, by trade time.",
          List.of(
              required("scope", STRING, "enum", "platform, category or seller."),
              required("scope_id", STRING, "id", "'platform', the category slug, or the seller id."),
              optional("category", STRING, "slug",
                  "Category rows: the category. Seller rows: the seller's main category (most trades in 90 days), its shrinkage target. Null for the platform."),
              required("window_days", INT, "days", "Trailing window length: 1 (the run day), 7, 30 or 90."),
              required("window_start", DATE, "YYYY-MM-DD", "First trade day in the window; the window ends on the run day (ds)."),
              required("trades", LONG, "trades",
                  "Completed trades created in the window, plus trades of any status there that carry an upheld complaint."),
              required("upheld", LONG, "trades", "Trades created in the window with an upheld complaint, whenever it was filed or resolved."),
              required("pending", LONG, "complaints", "Unresolved complaints on trades created in the window; never counted in upheld."),
              optional("rate", DOUBLE, RATE, "upheld / trades; null without trades."),
              required("clopper_pearson_lower", DOUBLE, RATE, "Exact (Clopper-Pearson) two-sided 95% interval, lower bound."),
              required("clopper_pearson_upper", DOUBLE, RATE, "Exact (Clopper-Pearson) two-sided 95% interval, upper bound."),
              required("jeffreys_lower", DOUBLE, RATE, "Jeffreys two-sided 95% interval, lower bound."),
              required("jeffreys_upper", DOUBLE, RATE, "Jeffreys two-sided 95% interval, upper bound."),
              required("one_sided_upper", DOUBLE, RATE, "Exact one-sided 95% upper bound: the target test's bound."),
              required("p_below_target_jeffreys", DOUBLE, PROB, "Posterior P(rate < 1e-5) under the Jeffreys prior."),
              optional("p_below_target_prior", DOUBLE, PROB, "Seller rows: posterior P(rate < 1e-5) under the category's fitted prior."),
              required("target_p_value", DOUBLE, PROB, "Exact one-sided p-value of 'rate >= 1e-5'."),
              required("target_met", BOOLEAN, "", "The rate is below 1e-5 with 95% confidence (one_sided_upper < 1e-5)."),
              required("clean_trades_needed", LONG, "trades", "Further trades without an upheld complaint needed to meet the target; 0 when met."),
              required("matured_trades", LONG, "trades",
                  "trades weighted by the share of each trade day's complaints filed by the run (reporting delay), rounded, at least upheld: the exposure of the shrunk columns."),
              optional("shrunk_rate", DOUBLE, RATE,
                  "Seller rows: empirical-Bayes posterior mean of upheld over matured_trades under the category's beta-binomial ML prior (flagged sellers: the flagged sellers' prior); rank sellers by this."),
              optional("shrunk_lower", DOUBLE, RATE, "Seller rows: 95% posterior interval under the fitted prior, lower bound."),
              optional("shrunk_upper", DOUBLE, RATE, "Seller rows: 95% posterior interval under the fitted prior, upper bound."),
              required("flagged_trades", LONG, "trades",
                  "Trades (as in trades) of flagged sellers: rings, counterfeit, boosted by flagged ratings. Seller rows: all or none."),
              required("flagged_upheld", LONG, "trades", "Upheld trades (as in upheld) of flagged sellers."),
              optional("rate_without_flagged", DOUBLE, RATE,
                  "Platform and category rows: (upheld - flagged_upheld) / (trades - flagged_trades); null without unflagged trades."),
              optional("target_met_without_flagged", BOOLEAN, "", "Platform and category rows: target_met on the unflagged counts."),
              optional("flagged_complaint_share", DOUBLE, PROB, "Platform and category rows: flagged_upheld / upheld; null without upheld."),
              optional("flagged_trade_share", DOUBLE, PROB, "Platform and category rows: flagged_trades / trades; null without trades."),
              optional("excess_complaints", DOUBLE, "trades",
                  "Platform and category rows: flagged_upheld - flagged_trades * rate_without_flagged, what flagged sellers drew beyond the clean rate.")));

  public static final TableSchema DISSATISFACTION_TREND =
      new TableSchema(
          "dissatisfaction_trend",
          "One row per scope (the platform, each category): is the daily rate falling? Poisson regression of daily upheld "
              + "on the trade day with trades as exposure, over the trailing 90 trade days less the newest, whose complaints are not in yet.",
          List.of(
              required("scope", STRING, "enum", "platform or category."),
              required("scope_id", STRING, "id", "'platform' or the category slug."),
              required("first_day", DATE, "YYYY-MM-DD", "First trade day fitted."),
              required("last_day", DATE, "YYYY-MM-DD", "Last trade day fitted (run day minus the maturity lag)."),
              required("days", INT, "days", "Days with trades in the fit."),
              required("trades", LONG, "trades", "Trades over those days (as in dissatisfaction.trades)."),
              required("upheld", LONG, "trades", "Upheld trades over those days."),
              optional("slope_per_day", DOUBLE, "log rate / day", "Fitted change of the log rate per day (negative: falling); null when not estimable."),
              optional("standard_error", DOUBLE, "log rate / day", "Standard error of the slope, scaled for over-dispersion."),
              optional("rate_ratio_30d", DOUBLE, "ratio", "exp(30 * slope): the rate a month on relative to now."),
              required("dispersion", DOUBLE, "ratio", "Pearson chi-square over degrees of freedom, floored at 1."),
              required("p_value_falling", DOUBLE, PROB, "One-sided p-value against 'not falling'; 1 when not estimable (under 3 days or no complaints)."),
              required("falling", BOOLEAN, "", "p_value_falling < 0.05.")));

  private DissatisfactionTables() {}

  public static List<TableSchema> all() {
    return List.of(DISSATISFACTION, DISSATISFACTION_TREND);
  }
}
