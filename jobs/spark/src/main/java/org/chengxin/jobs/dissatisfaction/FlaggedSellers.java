package org.chengxin.jobs.dissatisfaction;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.schema.Tables;
import org.chengxin.jobs.frame.JobRun;

/**
 * The sellers attribution sets apart, from whichever detector tables exist at run time (latest
 * partition at or before the run day; a table not registered or never written flags nobody):
 *
 * <ul>
 *   <li>{@code ring_members} rows with role {@code seller}: sellers a credit-boosting ring worked for;
 *   <li>{@code counterfeit_signals} rows with {@code suspected}: sellers the counterfeit detector suspects;
 *   <li>{@code rating_flags} rows of pattern {@code shared_key_boost}: the rated seller is the one
 *       boosted. Other patterns (extortion, competitor attacks) name the victim, not a culprit.
 * </ul>
 *
 * <p>Each seller gets one kind, {@value #COUNTERFEIT} when the counterfeit detector suspects it
 * (whatever else flags it), else {@value #BOOSTING}: the two are populations with very different
 * complaint rates, and the seller estimates shrink each toward its own kind.
 */
final class FlaggedSellers {

  /**
   * One detector table and how to read sellers from it.
   *
   * @param table registered table name
   * @param sellerColumn column holding the seller id
   * @param filterColumn column restricting the rows
   * @param filterValue value {@code filterColumn} must have
   * @param kind the kind of flag the source gives
   */
  record Source(String table, String sellerColumn, String filterColumn, Object filterValue, String kind) {
    boolean fits(TableSchema schema) {
      return schema.column(sellerColumn).isPresent() && schema.column(filterColumn).isPresent();
    }
  }

  /** Kind of flag: suspected of selling counterfeits. */
  static final String COUNTERFEIT = "counterfeit";
  /** Kind of flag: worked for by a credit-boosting ring, or boosted by key-linked raters. */
  static final String BOOSTING = "boosting";
  /** Every kind of flag {@link #read} gives. */
  static final List<String> KINDS = List.of(COUNTERFEIT, BOOSTING);
  /** Column of {@link #read}: the seller's kind of flag. */
  static final String FLAG_KIND = "flag_kind";

  static final List<Source> SOURCES = List.of(
      new Source("ring_members", "account_id", "role", "seller", BOOSTING),
      new Source("counterfeit_signals", "seller_id", "suspected", true, COUNTERFEIT),
      new Source("rating_flags", "ratee_id", "pattern", "shared_key_boost", BOOSTING));

  private static final StructType SCHEMA =
      new StructType().add("seller_id", DataTypes.StringType, false).add(FLAG_KIND, DataTypes.StringType, false);

  private FlaggedSellers() {}

  /** {@code seller_id, flag_kind}, one row per flagged seller; notes which sources were used. */
  static Dataset<Row> read(JobRun run) {
    Dataset<Row> sellers = run.spark().createDataFrame(List.of(), SCHEMA);
    List<String> used = new ArrayList<>();
    for (Source source : SOURCES) {
      Optional<TableSchema> schema = Tables.byName(source.table()).filter(source::fits);
      Optional<Dataset<Row>> rows = schema.flatMap(run::readLatest);
      if (rows.isEmpty()) {
        continue;
      }
      sellers = sellers.unionByName(rows.get()
          .filter(col(source.filterColumn()).equalTo(lit(source.filterValue())))
          .select(col(source.sellerColumn()).as("seller_id"), lit(source.kind()).as(FLAG_KIND)));
      used.add(source.table());
    }
    run.note("flag_sources", used.isEmpty() ? "none" : String.join(",", used));
    return oneKindPerSeller(sellers);
  }

  /**
   * @param flags {@code seller_id, flag_kind}, one row per flag (a seller may have several)
   * @return one row per seller: {@value #COUNTERFEIT} if any flag is, else {@value #BOOSTING}
   */
  static Dataset<Row> oneKindPerSeller(Dataset<Row> flags) {
    Column counterfeit = max(col(FLAG_KIND).equalTo(lit(COUNTERFEIT)));
    return flags.groupBy("seller_id").agg(when(counterfeit, lit(COUNTERFEIT)).otherwise(lit(BOOSTING)).as(FLAG_KIND));
  }
}
