package org.chengxin.jobs.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.RatingTables;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.jobs.SparkTestSession;
import org.chengxin.jobs.frame.JobOptions;
import org.chengxin.jobs.frame.SparkWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hand-built marketplace with every pattern and its look-alikes, run through the job and the
 * warehouse once; each test reads one part of the outputs.
 */
class RaterReliabilityJobTest {
  private static final LocalDate EVENTS_DAY = LocalDate.of(2026, 11, 1);
  private static final LocalDate RUN_DAY = LocalDate.of(2026, 12, 15);
  private static SparkSession spark;
  private static Map<String, Set<String>> patternsByRating;
  private static Map<String, Row> flagsById;
  private static Map<String, Row> raters;

  @TempDir static Path root;

  @BeforeAll
  static void runTheJob() {
    spark = SparkTestSession.start();
    RatingInputs in = new RatingInputs();
    // Extortion: b1 retaliates an hour after its complaint against s1 was rejected, and rates s2
    // badly later without a complaint. Look-alikes, each on its own seller (several new buyers'
    // negatives on one seller would be a burst): after an upheld complaint (b2), before the
    // rejection (b3), long after it (b4).
    in.complaint("c1", "b1", "s1", "rejected", 100).rating("e1", "b1", "s1", "negative", 101)
        .rating("e1b", "b1", "s2", "negative", 150);
    in.complaint("c2", "b2", "s21", "upheld", 100).rating("e2", "b2", "s21", "negative", 101);
    in.complaint("c3", "b3", "s22", "rejected", 100).rating("e3", "b3", "s22", "negative", 99);
    in.complaint("c4", "b4", "s23", "rejected", 100).rating("e4", "b4", "s23", "negative", 200);
    // An honest buyer: four positives over a month, one unlucky negative.
    for (int i = 0; i < 4; i++) {
      in.rating("h5-" + i, "b5", "s" + (10 + i), "positive", 24.0 * 7 * i);
    }
    in.rating("h5-neg", "b5", "s3", "negative", 600);
    // A serial negative rater: six sellers rated badly, one well, no complaint anywhere. A heavy
    // honest buyer: 18 positives and two negatives, about what the market's share predicts.
    for (int i = 0; i < 6; i++) {
      in.rating("sn6-" + i, "b6", "s" + (50 + i), "negative", 48.0 * i);
    }
    in.rating("sp6", "b6", "s56", "positive", 300);
    for (int i = 0; i < 20; i++) {
      in.rating("h7-" + i, "b7", "s" + (100 + i), i % 10 == 4 ? "negative" : "positive", 48.0 * i);
    }
    // Competitor attack on small seller s9: four fresh accounts within three hours.
    for (int i = 0; i < 4; i++) {
      in.rating("old9-" + i, "o" + i, "s9", "positive", 10 + i).rating("old9x-" + i, "o" + i, "s14", "positive", 20 + i);
      in.rating("x" + i, "x" + i, "s9", "negative", 300 + 0.5 * i);
    }
    // Busy seller s8: 400 positives in a day and three ordinary negatives from new buyers.
    for (int i = 0; i < 400; i++) {
      in.rating("p8-" + i, "q" + i, "s8", "positive", 400 + 0.06 * i);
    }
    for (int i = 0; i < 3; i++) {
      in.rating("n8-" + i, "n" + i, "s8", "negative", 401 + 5 * i);
    }
    // Popular seller s30: a clean first day of 300 positives, then a day of 300 positives and six
    // negatives from new buyers, the market's share of unlucky buyers: no attack.
    for (int i = 0; i < 300; i++) {
      in.rating("p30a-" + i, "u" + i, "s30", "positive", 700 + 0.08 * i).rating("p30b-" + i, "v" + i, "s30", "positive", 800 + 0.08 * i);
    }
    for (int i = 0; i < 6; i++) {
      in.rating("n30-" + i, "w" + i, "s30", "negative", 801 + 3 * i);
    }
    // Sellers s7 and s6: 60 positives in a day and three negatives from new buyers; on s7 the three
    // share a device, on s6 they do not.
    for (int i = 0; i < 60; i++) {
      in.rating("p7-" + i, "k" + i, "s7", "positive", 500 + 0.3 * i).rating("p6-" + i, "m" + i, "s6", "positive", 500 + 0.3 * i);
    }
    // Two more new buyers unhappy with s7 in the same window, sharing nothing: not part of the attack.
    for (int i = 0; i < 2; i++) {
      in.rating("yu" + i, "yu" + i, "s7", "negative", 501.5 + i).trade("tyu" + i, "yu" + i, "s7", "dev-yu" + i, "ip-yu" + i, "addr-yu" + i);
    }
    for (int i = 0; i < 3; i++) {
      in.rating("y" + i, "y" + i, "s7", "negative", 501 + i).trade("ty" + i, "y" + i, "s7", "dev-y", "ip-y" + i, "addr-y" + i);
      in.rating("z" + i, "z" + i, "s6", "negative", 501 + i).trade("tz" + i, "z" + i, "s6", "dev-z" + i, "ip-z" + i, "addr-z" + i);
    }
    // Shared-key boost: four raters of s5 on one IP; on s4 a household of two shares an address.
    for (int i = 0; i < 4; i++) {
      in.rating("g" + i, "r" + i, "s5", "positive", 50 + i).trade("tr" + i, "r" + i, "s5", "dev-r" + i, "ip-ring", "addr-r" + i);
    }
    for (int i = 0; i < 5; i++) {
      in.rating("f" + i, "f" + i, "s4", "positive", 60 + i)
          .trade("tf" + i, "f" + i, "s4", "dev-f" + i, "ip-f" + i, i < 2 ? "addr-home" : "addr-f" + i);
    }
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root.toString());
    warehouse.writeDay(EventTables.RATINGS, EVENTS_DAY, in.ratings(spark));
    warehouse.writeDay(EventTables.COMPLAINTS, EVENTS_DAY, in.complaints(spark));
    warehouse.writeDay(EventTables.TRADES, EVENTS_DAY, in.trades(spark));

    // A loose tolerance keeps the test short; the fixed point itself is ReliabilityBlocksTest's.
    RatingDetectionOptions options = RatingDetectionOptions.defaults();
    options = options.withScoring(options.scoring().withReliability(options.scoring().reliability().withIterationLimits(1e-3, 100)));
    new RaterReliabilityJob().run(spark, RaterReliabilityJob.Options.of(JobOptions.of(root.toString(), RUN_DAY), options));

    patternsByRating = new HashMap<>();
    flagsById = new HashMap<>();
    for (Row r : warehouse.read(RatingTables.RATING_FLAGS, RUN_DAY, RUN_DAY).collectAsList()) {
      patternsByRating.computeIfAbsent(r.getAs("rating_id"), k -> new HashSet<>()).add(r.getAs("pattern"));
      flagsById.put(r.getAs("rating_id"), r);
    }
    raters = new HashMap<>();
    for (Row r : warehouse.read(RatingTables.RATER_SCORES, RUN_DAY, RUN_DAY).collectAsList()) {
      raters.put(r.getAs("rater_id"), r);
    }
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void extortionIsANegativeRightAfterTheRatersOwnRejectedComplaint() {
    assertEquals(Set.of("extortion"), patternsByRating.get("e1"));
    Row flag = flagsById.get("e1");
    assertEquals(1.0, flag.<Double>getAs("hours_after_rejection"), 1e-9);
    assertEquals(1 - 1.0 / 96, flag.<Double>getAs("score"), 1e-9);
    assertEquals("rater_reliability", flag.getAs("detector"));
    for (String lookAlike : new String[] {"e2", "e3", "e4"}) {
      assertFalse(patternsByRating.containsKey(lookAlike), lookAlike + " is ordinary dissatisfaction");
    }
  }

  @Test
  void aRetaliatorsOtherNegativesAreExtortionRepeats() {
    assertEquals(Set.of("extortion_repeat"), patternsByRating.get("e1b"));
    assertEquals(0.5, flagsById.get("e1b").<Double>getAs("score"), 1e-9);
    assertEquals(1L, flagsById.get("e1b").<Long>getAs("extortion_flags"));
  }

  @Test
  void aBurstOfNegativesFromNewAccountsOnASmallSellerIsAnAttack() {
    for (int i = 0; i < 4; i++) {
      assertEquals(Set.of("competitor_attack"), patternsByRating.get("x" + i));
    }
    assertEquals(4, flagsById.get("x0").<Integer>getAs("burst_raters"));
    assertEquals(0.75, flagsById.get("x0").<Double>getAs("score"), 1e-9);
  }

  @Test
  void negativesABusySellerUsuallyGetsAreNoAttack() {
    for (int i = 0; i < 3; i++) {
      assertFalse(patternsByRating.containsKey("n8-" + i), "ordinary negatives of a busy seller");
      assertFalse(patternsByRating.containsKey("z" + i), "three unrelated new buyers on a mid-size seller");
    }
    for (int i = 0; i < 6; i++) {
      assertFalse(patternsByRating.containsKey("n30-" + i), "a popular seller's clean history does not lower the market's share");
    }
  }

  @Test
  void sharedKeysTurnAnUnsurprisingBurstIntoAnAttack() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Set.of("competitor_attack"), patternsByRating.get("y" + i));
      assertEquals(2, flagsById.get("y" + i).<Integer>getAs("linked_raters"));
    }
    for (int i = 0; i < 2; i++) {
      assertFalse(patternsByRating.containsKey("yu" + i), "an unlinked buyer in a window that is an attack only through linked raters");
    }
  }

  @Test
  void positivesFromAccountsSharingKeysAreABoostButAHouseholdIsNot() {
    for (int i = 0; i < 4; i++) {
      assertEquals(Set.of("shared_key_boost"), patternsByRating.get("g" + i));
    }
    for (int i = 0; i < 5; i++) {
      assertFalse(patternsByRating.containsKey("f" + i));
    }
  }

  @Test
  void aRaterWhoRatesManySellersBadlyIsASerialNegativeRaterButAHeavyBuyerIsNot() {
    for (int i = 0; i < 6; i++) {
      assertEquals(Set.of("serial_negative"), patternsByRating.get("sn6-" + i));
    }
    Row flag = flagsById.get("sn6-0");
    assertEquals(7L, flag.<Long>getAs("rater_ratings"));
    assertEquals(6L, flag.<Long>getAs("rater_negatives"));
    double market = flag.<Double>getAs("expected_negatives") / 7;
    assertEquals((6.0 / 7 - market) / (1 - market), flag.<Double>getAs("score"), 1e-9);
    assertFalse(patternsByRating.containsKey("sp6"), "a positive is not a serial negative");
    for (String id : patternsByRating.keySet()) {
      assertFalse(id.startsWith("h7"), "two negatives in twenty ratings is about the market's share: " + id);
    }
  }

  @Test
  void anHonestBuyerWithOneUnluckyNegativeIsNotFlaggedNorDiscounted() {
    for (String id : patternsByRating.keySet()) {
      assertFalse(id.startsWith("h5"), id);
    }
    Row b5 = raters.get("b5");
    assertEquals(5L, b5.<Long>getAs("ratings_given"));
    assertEquals(0L, b5.<Long>getAs("flagged_ratings"));
    assertTrue(b5.<Double>getAs("reliability") > 0.8, "reliability " + b5.getAs("reliability"));
  }

  @Test
  void raterScoresCombineEverySignal() {
    Row b1 = raters.get("b1");
    assertEquals(2L, b1.<Long>getAs("flagged_ratings"));
    assertEquals(1 - 1.0 / 96, b1.<Double>getAs("extortion"), 1e-9);
    assertTrue(b1.<Double>getAs("suspicion") > raters.get("b5").<Double>getAs("suspicion"));
    assertTrue(b1.<Double>getAs("reliability") < 0.05, "a retaliator's ratings weigh little");
    assertEquals(1.0, raters.get("r0").<Double>getAs("shared_key_boost"), 1e-9);
    assertEquals(0.0, raters.get("b5").<Double>getAs("ring_member"));
    // Every account that gave a rating has a row; sellers that only received none.
    assertFalse(raters.containsKey("s8"));
    assertEquals(400 + 3 + 300 + 300 + 6 + 120 + 6 + 4 + 5 + 4 + 4 + 5 + 2 + 2, raters.size());
  }

  @Test
  void theRunSummaryRecordsTheFixedPoint() {
    var entry = new RunSummaries(SparkWarehouse.open(spark, root.toString()).warehouse()).read(RUN_DAY)
        .path("jobs").path(RaterReliabilityJob.NAME);
    assertEquals("succeeded", entry.path("status").asText());
    assertEquals("true", entry.path("reliability_converged").asText());
    assertTrue(entry.path("outputs").path("rater_scores").asLong() > 0);
    assertEquals("cold", entry.path("reliability_start").asText(), "nothing earlier to start from");
    assertEquals("1", entry.path("reliability_blocks").asText());
  }

  /**
   * The next night starts from this night's account_reliability: with no new rating it is already
   * near the fixed point, so a round or two confirm it (the cold night took many more), and the
   * scores stay within the tolerance; run
   * twice, it writes the same state (it never starts from its own day's partition). A history of
   * one day holds no rating: the job writes empty snapshots and says so.
   */
  @Test
  void theNextNightStartsWarmAndABoundedHistoryMayBeEmpty() {
    SparkWarehouse warehouse = SparkWarehouse.open(spark, root.toString());
    LocalDate next = RUN_DAY.plusDays(1);
    RatingDetectionOptions options = RatingDetectionOptions.defaults();
    options = options.withScoring(options.scoring().withReliability(options.scoring().reliability().withIterationLimits(1e-3, 100)));
    RaterReliabilityJob.Options warm = RaterReliabilityJob.Options.of(JobOptions.of(root.toString(), next), options);
    new RaterReliabilityJob().run(spark, warm);
    var entry = new RunSummaries(warehouse.warehouse()).read(next).path("jobs").path(RaterReliabilityJob.NAME);
    assertEquals("warm", entry.path("reliability_start").asText());
    int cold = new RunSummaries(warehouse.warehouse()).read(RUN_DAY).path("jobs").path(RaterReliabilityJob.NAME)
        .path("reliability_iterations").asInt();
    int warmRounds = entry.path("reliability_iterations").asInt();
    assertTrue(warmRounds <= 2 && warmRounds < cold / 3, "warm " + warmRounds + " rounds, cold " + cold);
    Map<String, Double> first = fairness(warehouse, next);
    for (Map.Entry<String, Row> r : raters.entrySet()) {
      assertEquals(r.getValue().<Double>getAs("fairness"), first.get(r.getKey()), 2e-3, "fairness of " + r.getKey());
    }
    new RaterReliabilityJob().run(spark, warm);
    assertEquals(first, fairness(warehouse, next), "a re-run starts from the same state");

    LocalDate later = RUN_DAY.plusDays(2);
    new RaterReliabilityJob().run(spark, new RaterReliabilityJob.Options(JobOptions.of(root.toString(), later), options, 0, true, 1));
    entry = new RunSummaries(warehouse.warehouse()).read(later).path("jobs").path(RaterReliabilityJob.NAME);
    assertEquals(0, entry.path("inputs").path("ratings").asLong(), "one day of history: no rating");
    assertEquals(0, entry.path("outputs").path("rater_scores").asLong());
    assertEquals("true", entry.path("reliability_converged").asText());
  }

  private static Map<String, Double> fairness(SparkWarehouse warehouse, LocalDate day) {
    Map<String, Double> fairness = new HashMap<>();
    for (Row r : warehouse.read(RatingTables.ACCOUNT_RELIABILITY, day, day).collectAsList()) {
      if (r.getAs("fairness") != null) {
        fairness.put(r.getAs("account_id"), r.getAs("fairness"));
      }
    }
    return fairness;
  }
}
