package org.chengxin.graph.rings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures ring detection on a market written by scripts/generate: account precision and recall
 * and seller recall against DIR/truth/ring_members.csv, popular honest sellers flagged, and the
 * algorithm's wall time. Opt-in because it runs for minutes:
 * {@code mvn -o -pl jobs/graph test -Dtest=GeneratedMarketEvaluationTest -Drings.market=DIR -Drings.day=2026-11-01}.
 * Raw device, IP and address values stand in for their keys: linking only needs equality.
 */
@EnabledIfSystemProperty(named = "rings.market", matches = ".+")
class GeneratedMarketEvaluationTest {

  @Test
  void evaluateOnGeneratedMarket() throws Exception {
    Path market = Path.of(System.getProperty("rings.market"));
    LocalDate day = LocalDate.parse(System.getProperty("rings.day", "2026-11-01"));
    SparkSession spark = SparkSession.builder().master("local[2]").appName("rings-evaluation")
        .config("spark.sql.shuffle.partitions", System.getProperty("rings.partitions", "8"))
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      String events = market.resolve("events").resolve(day.toString()).toString();
      // The feed carries malformed lines on purpose; keep what ingest would accept.
      Dataset<Row> trades = spark.read().json(events + "/trades.jsonl")
          .filter(col("kind").equalTo("trade"))
          .select(col("buyer_id"), col("seller_id"), col("category"),
              expr("try_cast(price_minor as bigint)").as("price_minor"), col("status"),
              expr("try_to_timestamp(created_at)").as("created_at"), expr("try_to_timestamp(paid_at)").as("paid_at"),
              expr("try_to_timestamp(confirmed_at)").as("confirmed_at"), col("device_id").as("device_key"),
              col("ip_address").as("ip_key"), col("shipping_address").as("address_key"))
          .na().drop(new String[] {"buyer_id", "seller_id", "category", "price_minor", "status", "created_at",
              "device_key", "ip_key", "address_key"})
          .dropDuplicates().cache();
      Dataset<Row> ratings = spark.read().json(events + "/ratings.jsonl")
          .filter(col("kind").equalTo("rating"))
          .select(col("rater_id"), col("ratee_id"), col("direction"), col("score"),
              expr("try_cast(item_as_described as int)").as("item_as_described"),
              expr("try_cast(service as int)").as("service"), expr("try_cast(logistics as int)").as("logistics"),
              expr("try_to_timestamp(rated_at)").as("rated_at"))
          .na().drop(new String[] {"rater_id", "ratee_id", "direction", "score", "rated_at"})
          .dropDuplicates().cache();
      long tradeCount = trades.count();
      ratings.count();

      long started = System.nanoTime();
      RingOptions options = RingOptions.defaults(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
      RingResult result = new RingDetection(options).detect(trades, ratings);
      Dataset<Row> members = result.members().cache();
      long rings = result.rings().count();
      members.count();
      double seconds = (System.nanoTime() - started) / 1e9;

      Dataset<Row> truth = spark.read().option("header", "true").csv(market.resolve("truth/ring_members.csv").toString());
      long flagged = members.select("account_id").distinct().count();
      long truthAccounts = truth.select("account_id").distinct().count();
      long hits = members.select("account_id").distinct().join(truth.select("account_id").distinct(), "account_id").count();
      Dataset<Row> truthSellers = truth.filter(col("role").equalTo("seller")).select("account_id").distinct();
      long sellerHits = members.filter(col("role").equalTo("seller")).select("account_id").distinct()
          .join(truthSellers, "account_id").count();
      Dataset<Row> popularHonest = trades.groupBy(col("seller_id").as("account_id"))
          .agg(countDistinct("buyer_id").as("buyers"))
          .join(truthSellers, new String[] {"account_id"}, "left_anti")
          .orderBy(col("buyers").desc()).limit(100);
      long popularFlagged = popularHonest.join(members.select("account_id").distinct(), "account_id").count();

      double precision = flagged == 0 ? 0 : (double) hits / flagged;
      double recall = (double) hits / truthAccounts;
      double sellerRecall = (double) sellerHits / truthSellers.count();
      String report = String.format(
          "trades %d%nrings.found %d%nrings.account_precision %.4f%nrings.account_recall %.4f%n"
              + "rings.seller_recall %.4f%nrings.popular_honest_flagged %d%nrings.seconds %.1f%n",
          tradeCount, rings, precision, recall, sellerRecall, popularFlagged, seconds);
      System.out.print(report);
      Path out = Path.of(System.getProperty("rings.report", "target/rings-evaluation.txt"));
      Files.writeString(out, report);
      result.rings().orderBy(col("suspiciousness").desc()).show(100, false);
      assertTrue(rings > 0, "no ring found");
    } finally {
      spark.stop();
    }
  }
}
