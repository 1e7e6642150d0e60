package org.chengxin.evaluation;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.core.schema.RatingTables;

/**
 * Rating revisions against the generator's truth (revisions.csv): each truth revision revised up to
 * the day is one unit; it counts as flagged as a kind when its rating has a rating_flags row of that
 * kind's pattern in the day's partition. Recall and precision per fraud kind (precision of a kind:
 * the truly-that-kind share of every revision flagged with it) and the share of honest revisions
 * flagged with either pattern.
 */
final class RevisionsEvaluation implements DetectorEvaluation {
  static final String REVISIONS = "revisions.csv";
  /** Truth pattern and the rating_flags pattern that names it. */
  private static final List<String[]> KINDS = List.of(
      new String[] {"paid_off_extortion", "paid_off_extortion"}, new String[] {"bought", "bought_revision"});
  private static final List<String> KEYS = List.of("paid_off_extortion_recall", "paid_off_extortion_precision",
      "bought_recall", "bought_precision", "honest_flagged_share", "paid_off_extortion", "bought", "honest");

  @Override
  public String name() {
    return "revisions";
  }

  @Override
  public void measure(EvaluationContext context, Metrics metrics) {
    Path truthFile = context.truthFile(REVISIONS);
    if (!Files.isRegularFile(truthFile) || !Files.isDirectory(Path.of(
        context.warehouse().partitionPath(RatingTables.RATING_FLAGS.name(), context.date())))) {
      KEYS.forEach(k -> metrics.missing(name() + "." + k));
      return;
    }
    WarehouseTables tables = new WarehouseTables(context.warehouse());
    Timestamp dayEnd = Timestamp.from(context.date().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    Dataset<Row> truth = tables.spark().read().option("header", true).csv(truthFile.toString())
        .filter(to_timestamp(col("revised_at")).lt(lit(dayEnd)))
        .select(col("rating_id"), col("pattern").as("truth"));
    Dataset<Row> flags = tables.day(RatingTables.RATING_FLAGS, context.date()).orElseThrow()
        .groupBy("rating_id").agg(collect_set("pattern").as("patterns"));
    Dataset<Row> units = truth.join(flags, new String[] {"rating_id"}, "left");
    Column honest = col("truth").equalTo("honest");
    Column flaggedAny = lit(false);
    for (String[] kind : KINDS) {
      flaggedAny = flaggedAny.or(flagged(kind[1]));
    }
    List<Column> counts = new ArrayList<>();
    for (String[] kind : KINDS) {
      Column truly = col("truth").equalTo(kind[0]);
      counts.addAll(List.of(count_if(truly), count_if(truly.and(flagged(kind[1]))), count_if(flagged(kind[1]))));
    }
    counts.addAll(List.of(count_if(honest), count_if(honest.and(flaggedAny))));
    Row r = units.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
    for (int k = 0; k < KINDS.size(); k++) {
      String kind = KINDS.get(k)[0];
      long planted = r.getLong(3 * k);
      long caught = r.getLong(3 * k + 1);
      long flaggedAs = r.getLong(3 * k + 2);
      metrics.put(name() + "." + kind, planted);
      metrics.put(name() + "." + kind + "_recall", ratio(caught, planted));
      metrics.put(name() + "." + kind + "_precision", ratio(caught, flaggedAs));
    }
    int honestAt = 3 * KINDS.size();
    metrics.put(name() + ".honest", r.getLong(honestAt));
    metrics.put(name() + ".honest_flagged_share", ratio(r.getLong(honestAt + 1), r.getLong(honestAt)));
  }

  private static Column flagged(String pattern) {
    return col("patterns").isNotNull().and(array_contains(col("patterns"), pattern));
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
