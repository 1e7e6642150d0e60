package org.chengxin.evaluation;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.RingTables;

/**
 * The rings job against the generator's planted rings, for the evaluated day's partitions:
 *
 * <ul>
 *   <li>{@code account_precision}, {@code account_recall}: distinct accounts (buyers and sellers,
 *       hijacked ones included) in {@code ring_members} against those of {@code truth/ring_members.csv};
 *   <li>{@code seller_recall}: planted ring sellers listed as sellers;
 *   <li>{@code popular_honest_flagged}: how many of the 100 most popular honest sellers
 *       ({@code truth/seller_truth.csv}, popularity_rank) appear in ring_members (should be 0);
 *   <li>{@code rings_found}, {@code rings_planted}; {@code history_days}: the window used.
 * </ul>
 *
 * Only planted rings active inside the job's history window count as truth: a ring whose trades
 * ({@code truth/rings.csv} first_trade_at..last_trade_at) all fall outside the window ending with the
 * day cannot be seen in it. The window is the one the run summary records for the rings job.
 */
final class RingsEvaluation implements DetectorEvaluation {
  static final int TOP_POPULAR = 100;
  /** The rings job's default (RingsJob.Options), for runs whose summary does not record it. */
  static final int DEFAULT_HISTORY_DAYS = 30;
  private static final String RINGS = "rings.csv";
  private static final String MEMBERS = "ring_members.csv";
  private static final String SELLERS = "seller_truth.csv";
  private static final List<String> KEYS = List.of("account_precision", "account_recall", "seller_recall",
      "popular_honest_flagged", "rings_found", "rings_planted", "history_days");

  @Override
  public String name() {
    return "rings";
  }

  @Override
  public void measure(EvaluationContext context, Metrics metrics) {
    String membersPath = context.warehouse().partitionPath(RingTables.RING_MEMBERS.name(), context.date());
    String ringsPath = context.warehouse().partitionPath(RingTables.RINGS.name(), context.date());
    boolean truthPresent = List.of(RINGS, MEMBERS, SELLERS).stream().allMatch(f -> Files.isRegularFile(context.truthFile(f)));
    if (!truthPresent || !context.warehouse().fileSystem().exists(membersPath)
        || !context.warehouse().fileSystem().exists(ringsPath)) {
      KEYS.forEach(key -> metrics.missing(name() + "." + key));
      return;
    }
    int historyDays = context.runSummary().path("jobs").path("rings").path("ring_history_days").asInt(DEFAULT_HISTORY_DAYS);
    Instant windowEnd = context.date().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant windowStart = windowEnd.minus(Duration.ofDays(historyDays));

    SparkSession spark = WarehouseTables.session();
    Set<String> activeRings = new HashSet<>();
    for (Row ring : csv(spark, context, RINGS).select("ring_id", "first_trade_at", "last_trade_at").collectAsList()) {
      boolean active = Instant.parse(ring.getString(1)).isBefore(windowEnd) && !Instant.parse(ring.getString(2)).isBefore(windowStart);
      if (active) {
        activeRings.add(ring.getString(0));
      }
    }
    Accounts planted = new Accounts();
    for (Row member : csv(spark, context, MEMBERS).select("account_id", "role", "ring_id").collectAsList()) {
      if (activeRings.contains(member.getString(2))) {
        planted.add(member.getString(0), member.getString(1));
      }
    }
    Accounts detected = new Accounts();
    for (Row member : spark.read().parquet(membersPath).select("account_id", "role").collectAsList()) {
      detected.add(member.getString(0), member.getString(1));
    }
    List<String> popularHonest = csv(spark, context, SELLERS)
        .filter(col("kind").equalTo("honest"))
        .orderBy(col("popularity_rank").cast("int"), col("seller_id"))
        .limit(TOP_POPULAR)
        .select("seller_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    long ringsFound = spark.read().parquet(ringsPath).count();

    score(detected, planted, popularHonest, metrics);
    metrics.put(name() + ".rings_found", ringsFound)
        .put(name() + ".rings_planted", activeRings.size())
        .put(name() + ".history_days", historyDays);
  }

  /** Precision, recall, seller recall and popular honest sellers flagged; null where nothing to divide by. */
  static void score(Accounts detected, Accounts planted, List<String> popularHonest, Metrics metrics) {
    long hits = detected.all.stream().filter(planted.all::contains).count();
    long sellerHits = planted.sellers.stream().filter(detected.sellers::contains).count();
    ratio(metrics, "rings.account_precision", hits, detected.all.size());
    ratio(metrics, "rings.account_recall", hits, planted.all.size());
    ratio(metrics, "rings.seller_recall", sellerHits, planted.sellers.size());
    metrics.put("rings.popular_honest_flagged", popularHonest.stream().filter(detected.all::contains).count());
  }

  private static void ratio(Metrics metrics, String key, long part, long whole) {
    if (whole == 0) {
      metrics.missing(key);
    } else {
      metrics.put(key, (double) part / whole);
    }
  }

  private static Dataset<Row> csv(SparkSession spark, EvaluationContext context, String file) {
    return spark.read().option("header", "true").csv(context.truthFile(file).toString());
  }

  /** Distinct ring accounts, and those among them in the seller role. */
  static final class Accounts {
    final Set<String> all = new HashSet<>();
    final Set<String> sellers = new HashSet<>();

    Accounts add(String accountId, String role) {
      all.add(accountId);
      if ("seller".equals(role)) {
        sellers.add(accountId);
      }
      return this;
    }
  }
}
