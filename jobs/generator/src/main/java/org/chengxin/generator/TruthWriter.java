package org.chengxin.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chengxin.core.csv.Delimited;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.event.WireEnum;
import org.chengxin.generator.Catalog.Brand;

/**
 * The ground truth in {@code truth/}: CSV files with a header, plus manifest.json. Only evaluation
 * reads these; docs/generator.md documents every file and column.
 */
final class TruthWriter implements Closeable {
  private final Path dir;
  private final Delimited.Rows maliciousRatings;
  /** Null unless revisions are planted: only then are there revisions.csv and revision_buyers.csv. */
  private final Delimited.Rows revisions;
  private final Delimited.Rows revisionBuyers;

  TruthWriter(Path dir, boolean revisions) throws IOException {
    this.dir = Files.createDirectories(dir);
    maliciousRatings = csv(dir.resolve("malicious_ratings.csv"), "rating_id", "rater_id", "ratee_id", "pattern");
    this.revisions = revisions
        ? csv(dir.resolve("revisions.csv"), "revision_id", "rating_id", "rater_id", "ratee_id", "pattern", "rated_at",
            "revised_at")
        : null;
    this.revisionBuyers = revisions
        ? csv(dir.resolve("revision_buyers.csv"), "seller_id", "burst_from", "burst_to", "revisions")
        : null;
  }

  /** A seller that bought revisions: the burst's window and how many revisions it got. */
  void revisionBuyer(String sellerId, String burstFrom, String burstTo, int count) {
    try {
      revisionBuyers.row(sellerId, burstFrom, burstTo, count);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One planted revision (honest ones included): every emitted rating_revision has a row. */
  void revision(String revisionId, String ratingId, String raterId, String rateeId, RevisionPattern pattern,
      String ratedAt, String revisedAt) {
    try {
      revisions.row(revisionId, ratingId, raterId, rateeId, pattern.wire(), ratedAt, revisedAt);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void maliciousRating(String ratingId, String raterId, String rateeId, MaliciousPattern pattern) {
    try {
      maliciousRatings.row(ratingId, raterId, rateeId, pattern.wire());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes everything known only at the end of the run. */
  void finish(GeneratorOptions options, Population pop, RunStats stats, FeedFiles feed) throws IOException {
    WireText text = new WireText(options.startDate(), options.days());
    try (Delimited.Rows members = csv(dir.resolve("ring_members.csv"), "account_id", "role", "ring_id", "hijacked");
        Delimited.Rows rings = csv(dir.resolve("rings.csv"),
            "ring_id", "seller_ids", "buyer_count", "first_trade_at", "last_trade_at", "camouflage")) {
      for (int r = 0; r < pop.rings.size(); r++) {
        Population.Ring ring = pop.rings.get(r);
        List<String> sellerIds = new ArrayList<>();
        for (int s : ring.sellers()) {
          sellerIds.add(pop.sellerId(s));
          members.row(pop.sellerId(s), "seller", ring.ringId(), false);
        }
        for (int i = 0; i < ring.buyers().length; i++) {
          members.row(pop.buyerId(ring.buyers()[i]), "buyer", ring.ringId(), ring.hijacked()[i]);
        }
        rings.row(ring.ringId(), String.join(";", sellerIds), ring.buyers().length,
            text.timestamp(stats.ringFirstTrade[r]), text.timestamp(stats.ringLastTrade[r]), ring.camouflage());
      }
    }
    try (Delimited.Rows attacks = csv(dir.resolve("attacks.csv"),
        "attack_id", "target_seller_id", "attacker_count", "shared_keys", "orders_from", "ratings_from")) {
      for (Population.Attack a : pop.attacks) {
        attacks.row(a.attackId(), pop.sellerId(a.target()), a.attackers().length, a.sharedKeys(),
            text.timestamp(a.windowStart()), text.timestamp(a.ratingMoment()));
      }
    }
    try (Delimited.Rows raters = csv(dir.resolve("malicious_raters.csv"), "account_id", "pattern")) {
      for (Population.Ring ring : pop.rings) {
        for (int b : ring.buyers()) {
          raters.row(pop.buyerId(b), MaliciousPattern.RING_BOOST.wire());
        }
      }
      for (Population.Attack a : pop.attacks) {
        for (int b : a.attackers()) {
          raters.row(pop.buyerId(b), MaliciousPattern.COMPETITOR_ATTACK.wire());
        }
      }
      for (Population.Extortioner e : pop.extortioners) {
        raters.row(pop.buyerId(e.buyer()), MaliciousPattern.EXTORTION.wire());
      }
    }
    try (Delimited.Rows counterfeit = csv(dir.resolve("counterfeit_sellers.csv"), "seller_id", "brands")) {
      for (int s : pop.counterfeitSellers) {
        List<String> brands = new ArrayList<>();
        for (Brand b : pop.sellerBrands[s]) {
          brands.add(b.slug());
        }
        counterfeit.row(pop.sellerId(s), String.join(";", brands));
      }
    }
    try (Delimited.Rows sellers = csv(dir.resolve("seller_truth.csv"), "seller_id", "category",
        "true_dissatisfaction_rate", "kind", "trades_emitted", "popularity_rank")) {
      for (int s = 0; s < pop.sellerCount; s++) {
        sellers.row(pop.sellerId(s), pop.category(s).slug(), pop.upheldRate[s], pop.sellerKind[s].wire(),
            stats.sellerTrades[s], pop.sellerRank[s] + 1);
      }
    }
    writeManifest(options, pop, stats, feed);
  }

  private void writeManifest(GeneratorOptions options, Population pop, RunStats stats, FeedFiles feed)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("generator", "chengxin-generator");
    ObjectNode params = root.putObject("parameters");
    params.put("trades", options.trades());
    params.put("seed", options.seed());
    params.put("start_date", options.startDate().toString());
    params.put("days", options.days());
    FraudMix mix = options.mix();
    ObjectNode fraud = params.putObject("fraud_mix");
    fraud.put("trades_per_ring", mix.tradesPerRing());
    fraud.put("ring_sellers", mix.ringSellers().toString());
    fraud.put("ring_buyers", mix.ringBuyers().toString());
    fraud.put("ring_trades_per_buyer", mix.ringTradesPerBuyer().toString());
    fraud.put("ring_camouflage_share", mix.camouflageShare());
    fraud.put("ring_hijacked_share", mix.hijackedShare());
    fraud.put("trades_per_attack", mix.tradesPerAttack());
    fraud.put("attackers", mix.attackers().toString());
    fraud.put("trades_per_extortioner", mix.tradesPerExtortioner());
    fraud.put("extortion_trades", mix.extortionTrades().toString());
    fraud.put("trades_per_counterfeit_seller", mix.tradesPerCounterfeitSeller());
    fraud.put("honest_upheld_rate", mix.honestUpheldRate());
    fraud.put("counterfeit_upheld_rate", mix.counterfeitUpheldRate());
    ObjectNode faults = params.putObject("feed_faults");
    faults.put("malformed_rate", options.faults().malformedRate());
    faults.put("duplicate_rate", options.faults().duplicateRate());
    faults.put("late_rate", options.faults().lateRate());
    RevisionMix revisionMix = options.revisions();
    if (revisionMix.any()) {
      params.putObject("revisions")
          .put("paid_off_share", revisionMix.paidOffShare())
          .put("trades_per_revision_buyer", revisionMix.tradesPerRevisionBuyer())
          .put("honest_revision_rate", revisionMix.honestRevisionRate());
    }

    ObjectNode population = root.putObject("population");
    population.put("sellers", pop.sellerCount);
    population.put("honest_buyers", pop.honestBuyerCount);
    population.put("buyer_accounts", pop.buyerCount);
    population.put("rings", pop.rings.size());
    population.put("ring_buyers", pop.rings.stream().mapToInt(r -> r.buyers().length).sum());
    population.put("competitor_attacks", pop.attacks.size());
    population.put("extortioners", pop.extortioners.size());
    population.put("counterfeit_sellers", pop.counterfeitSellers.size());
    population.put("campaign_trades", pop.campaignTrades());

    ObjectNode emitted = root.putObject("emitted");
    emitted.put("trades", stats.trades());
    putCounts(emitted.putObject("trades_by_status"), stats.tradesByStatus);
    putCounts(emitted.putObject("buyer_ratings_by_score"), stats.buyerRatingsByScore);
    putCounts(emitted.putObject("seller_ratings_by_score"), stats.sellerRatingsByScore);
    putCounts(emitted.putObject("complaints_by_outcome"), stats.complaintsByOutcome);
    putCounts(emitted.putObject("malicious_ratings_by_pattern"), stats.maliciousRatings);
    emitted.put("certificates", stats.certificates);
    if (revisionMix.any()) {
      ObjectNode byPattern = emitted.putObject("revisions_by_pattern");
      for (RevisionPattern pattern : RevisionPattern.values()) {
        byPattern.put(pattern.wire(), stats.revisions.getOrDefault(pattern, 0L));
      }
      population.put("revision_buyers", stats.revisionBuyers);
    }

    ObjectNode days = root.putObject("days");
    FeedFiles.Counts[] totals = new FeedFiles.Counts[EventKind.values().length];
    for (int i = 0; i < totals.length; i++) {
      totals[i] = new FeedFiles.Counts();
    }
    for (int d = 0; d < options.days(); d++) {
      ObjectNode day = days.putObject(options.startDate().plusDays(d).toString());
      for (EventKind kind : feed.kinds()) {
        FeedFiles.Counts c = feed.counts(d, kind);
        putFileCounts(day.putObject(kind.table()), c);
        FeedFiles.Counts t = totals[kind.ordinal()];
        t.valid += c.valid;
        t.duplicates += c.duplicates;
        t.lateRedeliveries += c.lateRedeliveries;
        for (int f = 0; f < c.malformed.length; f++) {
          t.malformed[f] += c.malformed[f];
        }
      }
    }
    ObjectNode total = root.putObject("totals");
    for (EventKind kind : feed.kinds()) {
      putFileCounts(total.putObject(kind.table()), totals[kind.ordinal()]);
    }
    mapper.writeValue(dir.resolve("manifest.json").toFile(), root);
  }

  private static void putFileCounts(ObjectNode node, FeedFiles.Counts c) {
    node.put("lines", c.lines());
    node.put("valid", c.valid);
    node.put("duplicates", c.duplicates);
    node.put("late_redeliveries", c.lateRedeliveries);
    node.put("malformed", c.malformedTotal());
    ObjectNode byFault = node.putObject("malformed_by_fault");
    for (FaultKind f : FaultKind.values()) {
      byFault.put(f.wire(), c.malformed[f.ordinal()]);
    }
  }

  private static <K extends WireEnum> void putCounts(ObjectNode node, Map<K, Long> counts) {
    counts.forEach((k, v) -> node.put(k.wire(), v));
  }

  /** A truth CSV with its header written. */
  private static Delimited.Rows csv(Path path, String... header) throws IOException {
    return Delimited.CSV.write(Files.newBufferedWriter(path, StandardCharsets.UTF_8), header);
  }

  @Override
  public void close() throws IOException {
    if (revisions != null) {
      revisions.close();
      revisionBuyers.close();
    }
    maliciousRatings.close();
  }
}
