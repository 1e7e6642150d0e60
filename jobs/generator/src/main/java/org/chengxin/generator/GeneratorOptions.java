package org.chengxin.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;

/**
 * Options of the generator job, parsed from {@code --name value} arguments: each option declared
 * once with its default and range.
 */
record GeneratorOptions(
    Path out, long trades, long seed, LocalDate startDate, int days, FraudMix mix, FeedFaults faults,
    RevisionMix revisions) {

  /** Longest run: bounds the per-day file bookkeeping; a year of days is plenty for evaluation. */
  static final int MAX_DAYS = 366;
  static final long MIN_TRADES = 1_000;

  /** Parses the command line; empty when help was printed. */
  static Optional<GeneratorOptions> parse(String[] args) {
    Arguments cli = new Arguments("scripts/generate", "Writes a synthetic marketplace: DIR/events/YYYY-MM-DD/*.jsonl "
        + "and the ground truth in DIR/truth/ (see docs/generator.md).");
    Arg<Path> out = cli.requiredPath("out", "DIR", "output folder; DIR/events and DIR/truth must not exist yet");
    Arg<Long> trades = cli.requiredWhole("trades", "N", "total trades over all days", MIN_TRADES, Long.MAX_VALUE);
    Arg<Long> seed = cli.whole("seed", "S", "random seed: same arguments, byte-identical output", 1, Long.MIN_VALUE,
        Long.MAX_VALUE);
    Arg<LocalDate> startDate = cli.date("start-date", "first UTC day", LocalDate.of(2026, 11, 1));
    Arg<Long> days = cli.whole("days", "D", "number of days", 1, 1, MAX_DAYS);
    Arg<Long> tradesPerRing = campaignRate(cli, "trades-per-ring", "one credit-boosting ring per N trades", 20_000);
    Arg<IntRange> ringSellers = range(cli, "ring-sellers", "sellers boosted by one ring", "1-3");
    Arg<IntRange> ringBuyers = range(cli, "ring-buyers", "colluding buyer accounts per ring", "10-60");
    Arg<IntRange> ringTradesPerBuyer = range(cli, "ring-trades-per-buyer", "ring trades per colluding buyer", "3-12");
    Arg<Double> camouflageShare = share(cli, "ring-camouflage-share",
        "share of rings also buying from popular honest sellers", 0.5);
    Arg<Double> hijackedShare = share(cli, "ring-hijacked-share",
        "share of rings run partly through hijacked old accounts", 0.3);
    Arg<Long> tradesPerAttack = campaignRate(cli, "trades-per-attack", "one competitor attack per N trades", 50_000);
    Arg<IntRange> attackers = range(cli, "attackers", "accounts in one competitor attack", "5-20");
    Arg<Long> tradesPerExtortioner = campaignRate(cli, "trades-per-extortioner", "one extortion buyer per N trades",
        25_000);
    Arg<IntRange> extortionTrades = range(cli, "extortion-trades", "trades of one extortion buyer", "10-25");
    Arg<Long> tradesPerCounterfeitSeller = campaignRate(cli, "trades-per-counterfeit-seller",
        "one counterfeit luxury seller per N trades", 50_000);
    Arg<Double> honestUpheldRate = share(cli, "honest-upheld-rate",
        "mean upheld complaints per completed trade, honest sellers", 0.00002);
    Arg<Double> counterfeitUpheldRate = share(cli, "counterfeit-upheld-rate",
        "mean upheld complaints per completed trade, counterfeit sellers", 0.03);
    Arg<Double> paidOffShare = share(cli, "paid-off-share",
        "revisions: share of extortion negatives paid off (an upheld complaint) and then revised to positive (0: none)", 0);
    Arg<Long> tradesPerRevisionBuyer = campaignRate(cli, "trades-per-revision-buyer",
        "revisions: one seller buying revisions of its negatives, in a burst, per N trades", 0);
    Arg<Double> honestRevisionRate = share(cli, "honest-revision-rate",
        "revisions: share of honest negative and neutral buyer ratings revised to positive 1-25 days later (0: none)", 0);
    Arg<Double> malformedRate = share(cli, "malformed-rate", "malformed lines per valid event line", 0.001);
    Arg<Double> duplicateRate = share(cli, "duplicate-rate", "same-day duplicate re-deliveries per valid event line",
        0.002);
    Arg<Double> lateRate = share(cli, "late-rate", "re-deliveries 1-3 days late per valid event line", 0.0005);
    if (!cli.parse(args)) {
      return Optional.empty();
    }
    FraudMix mix = new FraudMix(tradesPerRing.value(), ringSellers.value(), ringBuyers.value(), ringTradesPerBuyer.value(),
        camouflageShare.value(), hijackedShare.value(), tradesPerAttack.value(), attackers.value(),
        tradesPerExtortioner.value(), extortionTrades.value(), tradesPerCounterfeitSeller.value(), honestUpheldRate.value(),
        counterfeitUpheldRate.value());
    FeedFaults faults = new FeedFaults(malformedRate.value(), duplicateRate.value(), lateRate.value());
    RevisionMix revisions = new RevisionMix(paidOffShare.value(), tradesPerRevisionBuyer.value(), honestRevisionRate.value());
    return Optional.of(new GeneratorOptions(out.value(), trades.value(), seed.value(), startDate.value(),
        days.value().intValue(), mix, faults, revisions));
  }

  /** One campaign per N trades; 0 switches the kind off. */
  private static Arg<Long> campaignRate(Arguments cli, String name, String help, long defaultValue) {
    return cli.whole(name, "N", help + " (0: none)", defaultValue, 0, Long.MAX_VALUE);
  }

  /** A count drawn per campaign, as MIN-MAX (or one number). */
  private static Arg<IntRange> range(Arguments cli, String name, String help, String defaultValue) {
    return cli.value(name, "MIN-MAX", help, defaultValue, IntRange::parse);
  }

  /** A share or rate in [0, 1]. */
  private static Arg<Double> share(Arguments cli, String name, String help, double defaultValue) {
    return cli.number(name, "P", help, defaultValue, 0, 1);
  }
}
