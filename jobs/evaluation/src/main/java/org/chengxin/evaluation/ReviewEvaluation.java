package org.chengxin.evaluation;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.chengxin.core.csv.Delimited;
import org.chengxin.core.schema.ReviewTables;

/**
 * The review queue, the counterfeit signals and the risk model against the generator's truth
 * (fraudulent = a ring's seller in ring_members.csv, a seller in counterfeit_sellers.csv, or one that
 * bought rating revisions in revision_buyers.csv when revisions were planted):
 *
 * <ul>
 *   <li>{@code queue.top100_precision}: share of the 100 highest-priority review_queue cases (fewer
 *       when the queue is shorter; {@code queue.top100_cases} says how many) that are fraudulent;
 *   <li>{@code counterfeit.precision}, {@code counterfeit.recall}: counterfeit_signals.suspected
 *       against counterfeit_sellers.csv;
 *   <li>{@code model.heldout_auc}, {@code model.heldout_ap}, {@code model.best_single_signal_ap}:
 *       the held-out figures saved with the model version seller_risk used that day.
 * </ul>
 */
final class ReviewEvaluation implements DetectorEvaluation {
  static final int TOP = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path models;

  /** @param models root of the saved risk model versions (models/risk of the repository) */
  ReviewEvaluation(Path models) {
    this.models = models;
  }

  ReviewEvaluation() {
    this(Path.of(System.getenv().getOrDefault("CHENGXIN_HOME", "")).resolve("models").resolve("risk").toAbsolutePath());
  }

  @Override
  public String name() {
    return "review";
  }

  @Override
  public void measure(EvaluationContext context, Metrics metrics) throws IOException {
    Path ringMembers = context.truthFile("ring_members.csv");
    Path counterfeitTruth = context.truthFile("counterfeit_sellers.csv");
    boolean haveTruth = Files.isRegularFile(ringMembers) && Files.isRegularFile(counterfeitTruth);
    Set<String> counterfeit = haveTruth ? column(counterfeitTruth, "seller_id", null) : Set.of();
    Set<String> fraudulent = new HashSet<>(counterfeit);
    if (haveTruth) {
      fraudulent.addAll(column(ringMembers, "account_id", "seller"));
    }
    Path revisionBuyers = context.truthFile("revision_buyers.csv");
    if (haveTruth && Files.isRegularFile(revisionBuyers)) {
      fraudulent.addAll(column(revisionBuyers, "seller_id", null));
    }

    String queue = partition(context, ReviewTables.REVIEW_QUEUE.name());
    String signals = partition(context, ReviewTables.COUNTERFEIT_SIGNALS.name());
    if (!haveTruth || queue == null) {
      metrics.missing("queue.top100_precision").missing("queue.top100_cases").missing("queue.cases");
    } else {
      List<Row> cases = WarehouseTables.session().read().parquet(queue).select("seller_id", "priority").collectAsList();
      List<String> ranked = cases.stream()
          .sorted((a, b) -> Double.compare(b.getDouble(1), a.getDouble(1)))
          .map(r -> r.getString(0)).toList();
      int top = Math.min(TOP, ranked.size());
      if (top == 0) {
        metrics.missing("queue.top100_precision");
      } else {
        metrics.put("queue.top100_precision", precisionAt(ranked, fraudulent, top));
      }
      metrics.put("queue.top100_cases", top).put("queue.cases", ranked.size());
    }
    if (!haveTruth || signals == null) {
      metrics.missing("counterfeit.precision").missing("counterfeit.recall").missing("counterfeit.suspected");
    } else {
      Set<String> suspected = new HashSet<>(WarehouseTables.session().read().parquet(signals).filter(col("suspected"))
          .select("seller_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
      long hits = suspected.stream().filter(counterfeit::contains).count();
      putShare(metrics, "counterfeit.precision", hits, suspected.size());
      putShare(metrics, "counterfeit.recall", hits, counterfeit.size());
      metrics.put("counterfeit.suspected", suspected.size());
    }
    measureModel(context, metrics);
  }

  private void measureModel(EvaluationContext context, Metrics metrics) throws IOException {
    String version = context.runSummary().path("jobs").path("seller_risk").path("model_version").asText("");
    Path saved = models.resolve(version).resolve("metrics.json");
    if (version.isEmpty() || !Files.isRegularFile(saved)) {
      metrics.missing("model.heldout_auc").missing("model.heldout_ap").missing("model.best_single_signal_ap");
      return;
    }
    JsonNode heldOut = JSON.readTree(saved.toFile()).path("held_out");
    metrics.put("model.heldout_auc", heldOut.path("roc_auc").asDouble())
        .put("model.heldout_ap", heldOut.path("average_precision").asDouble())
        .put("model.best_single_signal_ap", heldOut.path("best_single_signal").path("average_precision").asDouble());
  }

  /** Share of the first {@code k} ranked sellers that are in {@code truth}. */
  static double precisionAt(List<String> ranked, Set<String> truth, int k) {
    return (double) ranked.subList(0, k).stream().filter(truth::contains).count() / k;
  }

  private static void putShare(Metrics metrics, String key, long part, long whole) {
    if (whole == 0) {
      metrics.missing(key);
    } else {
      metrics.put(key, (double) part / whole);
    }
  }

  private static String partition(EvaluationContext context, String table) {
    String path = context.warehouse().partitionPath(table, context.date());
    return context.warehouse().fileSystem().exists(path) ? path : null;
  }

  /** One column of a headed truth CSV, optionally only rows whose role column is {@code role}. */
  static Set<String> column(Path csv, String name, String role) throws IOException {
    Set<String> values = new HashSet<>();
    for (String[] row : role == null ? Delimited.CSV.columns(csv, name) : Delimited.CSV.columns(csv, name, "role")) {
      if (role == null || row[1].equals(role)) {
        values.add(row[0]);
      }
    }
    return values;
  }
}
