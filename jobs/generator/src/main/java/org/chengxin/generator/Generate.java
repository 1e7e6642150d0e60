package org.chengxin.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.SplittableRandom;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.event.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generator job: {@code scripts/generate --out DIR --trades N ...}. Writes the raw feed to
 * {@code DIR/events/} and the ground truth to {@code DIR/truth/}.
 */
public final class Generate {
  private static final Logger LOG = LoggerFactory.getLogger(Generate.class);
  /** Campaigns may take at most this share of all trades; beyond it the marketplace is not "mostly honest". */
  private static final double MAX_CAMPAIGN_SHARE = 0.5;

  private Generate() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Optional<GeneratorOptions> options = GeneratorOptions.parse(args);
      if (options.isPresent()) {
        run(options.get());
      }
    });
  }

  /** Generates one marketplace; the same options always give byte-identical output. */
  static RunStats run(GeneratorOptions options) throws IOException {
    Path events = options.out().resolve("events");
    Path truthDir = options.out().resolve("truth");
    for (Path p : new Path[] {events, truthDir}) {
      if (Files.exists(p)) {
        throw new UsageException(p + " already exists; remove it or choose another --out");
      }
    }
    // Separate streams: changing fault rates does not change the marketplace, and vice versa.
    SplittableRandom root = new SplittableRandom(options.seed());
    SplittableRandom populationRng = root.split();
    SplittableRandom marketRng = root.split();
    SplittableRandom faultRng = root.split();
    SplittableRandom revisionRng = root.split();
    Population pop = new Population(options, populationRng);
    if (pop.campaignTrades() > MAX_CAMPAIGN_SHARE * options.trades()) {
      throw new UsageException(
          "planted campaigns need " + pop.campaignTrades() + " of " + options.trades()
              + " trades; raise --trades or the trades-per-* options");
    }
    LOG.info(
        "stage=population sellers={} buyers={} rings={} attacks={} extortioners={} counterfeit_sellers={}",
        pop.sellerCount, pop.buyerCount, pop.rings.size(), pop.attacks.size(), pop.extortioners.size(),
        pop.counterfeitSellers.size());
    long started = System.nanoTime();
    RunStats stats;
    boolean revisions = options.revisions().any();
    try (TruthWriter truth = new TruthWriter(truthDir, revisions);
        FeedFiles feed = new FeedFiles(events, options.startDate(), options.days(), options.faults(), faultRng,
            revisions ? EnumSet.allOf(EventKind.class) : EnumSet.complementOf(EnumSet.of(EventKind.RATING_REVISION)))) {
      stats = new MarketplaceSimulator(options, pop, marketRng, revisionRng, feed, truth).run();
      feed.close();
      truth.finish(options, pop, stats, feed);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    LOG.info("stage=done trades={} seconds={} rate={} trades/s", stats.trades(),
        Math.round(seconds * 10) / 10.0, Math.round(stats.trades() / seconds));
    return stats;
  }
}
