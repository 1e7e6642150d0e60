package org.chengxin.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of the generator job, parsed from {@code --name value} arguments: defaults, help text and
 * validation in one place.
 */
record GeneratorOptions(
    Path out, long trades, long seed, LocalDate startDate, int days, FraudMix mix, FeedFaults faults) {

  /** Longest run: bounds the per-day file bookkeeping; a year of days is plenty for evaluation. */
  static final int MAX_DAYS = 366;
  static final long MIN_TRADES = 1_000;

  /** An argument problem, reported to the user with exit code 2. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private record Option(String name, String value, String defaultValue, String help) {}

  private static final List<Option> OPTIONS =
      List.of(
          new Option("out", "DIR", null, "output folder; DIR/events and DIR/truth must not exist yet"),
          new Option("trades", "N", null, "total trades over all days (>= " + MIN_TRADES + ")"),
          new Option("seed", "S", "1", "random seed: same arguments, byte-identical output"),
          new Option("start-date", "YYYY-MM-DD", "2026-11-01", "first UTC day"),
          new Option("days", "D", "1", "number of days (1.." + MAX_DAYS + ")"),
          new Option("trades-per-ring", "N", "20000", "one credit-boosting ring per N trades (0: none)"),
          new Option("ring-sellers", "MIN-MAX", "1-3", "sellers boosted by one ring"),
          new Option("ring-buyers", "MIN-MAX", "10-60", "colluding buyer accounts per ring"),
          new Option("ring-trades-per-buyer", "MIN-MAX", "3-12", "ring trades per colluding buyer"),
          new Option("ring-camouflage-share", "P", "0.5", "share of rings also buying from popular honest sellers"),
          new Option("ring-hijacked-share", "P", "0.3", "share of rings run partly through hijacked old accounts"),
          new Option("trades-per-attack", "N", "50000", "one competitor attack per N trades (0: none)"),
          new Option("attackers", "MIN-MAX", "5-20", "accounts in one competitor attack"),
          new Option("trades-per-extortioner", "N", "25000", "one extortion buyer per N trades (0: none)"),
          new Option("extortion-trades", "MIN-MAX", "10-25", "trades of one extortion buyer"),
          new Option("trades-per-counterfeit-seller", "N", "50000", "one counterfeit luxury seller per N trades (0: none)"),
          new Option("honest-upheld-rate", "P", "0.00002", "mean upheld complaints per completed trade, honest sellers"),
          new Option("counterfeit-upheld-rate", "P", "0.03", "mean upheld complaints per completed trade, counterfeit sellers"),
          new Option("malformed-rate", "P", "0.001", "malformed lines per valid event line"),
          new Option("duplicate-rate", "P", "0.002", "same-day duplicate re-deliveries per valid event line"),
          new Option("late-rate", "P", "0.0005", "re-deliveries 1-3 days late per valid event line"));

  static String help() {
    StringBuilder sb =
        new StringBuilder(
            "usage: scripts/generate --out DIR --trades N [--seed S] [--start-date YYYY-MM-DD] [--days D]"
                + " [fraud-mix and feed-fault options]\n"
                + "Writes a synthetic marketplace: DIR/events/YYYY-MM-DD/*.jsonl and the ground truth in"
                + " DIR/truth/ (see docs/generator.md).\n\noptions:\n");
    for (Option o : OPTIONS) {
      String flag = "  --" + o.name() + " " + o.value();
      sb.append(flag).append(" ".repeat(Math.max(1, 40 - flag.length()))).append(o.help());
      sb.append(o.defaultValue() == null ? " (required)" : " (default " + o.defaultValue() + ")");
      sb.append('\n');
    }
    return sb.append("  --help                                  this text\n").toString();
  }

  static GeneratorOptions parse(String[] args) throws UsageException {
    Map<String, String> values = new LinkedHashMap<>();
    for (Option o : OPTIONS) {
      if (o.defaultValue() != null) {
        values.put(o.name(), o.defaultValue());
      }
    }
    java.util.Set<String> given = new java.util.HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || OPTIONS.stream().noneMatch(o -> o.name().equals(arg.substring(2)))) {
        throw new UsageException("unknown argument '" + arg + "'");
      }
      String name = arg.substring(2);
      if (!given.add(name)) {
        throw new UsageException("--" + name + " given twice");
      }
      if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
        throw new UsageException("--" + name + " needs a value");
      }
      values.put(name, args[++i]);
    }
    for (Option o : OPTIONS) {
      if (!values.containsKey(o.name())) {
        throw new UsageException("--" + o.name() + " " + o.value() + " is required");
      }
    }
    Typed t = new Typed(values);
    long trades = t.count("trades", MIN_TRADES);
    int days = (int) t.count("days", 1);
    if (days > MAX_DAYS) {
      throw new UsageException("--days must be at most " + MAX_DAYS + ", got " + days);
    }
    FraudMix mix =
        new FraudMix(
            t.count("trades-per-ring", 0),
            t.range("ring-sellers"),
            t.range("ring-buyers"),
            t.range("ring-trades-per-buyer"),
            t.probability("ring-camouflage-share"),
            t.probability("ring-hijacked-share"),
            t.count("trades-per-attack", 0),
            t.range("attackers"),
            t.count("trades-per-extortioner", 0),
            t.range("extortion-trades"),
            t.count("trades-per-counterfeit-seller", 0),
            t.probability("honest-upheld-rate"),
            t.probability("counterfeit-upheld-rate"));
    FeedFaults faults =
        new FeedFaults(
            t.probability("malformed-rate"), t.probability("duplicate-rate"), t.probability("late-rate"));
    return new GeneratorOptions(
        Path.of(values.get("out")), trades, t.count("seed", Long.MIN_VALUE), t.date("start-date"), days, mix, faults);
  }

  /** Typed access to the raw values, with messages naming the option. */
  private record Typed(Map<String, String> values) {
    long count(String name, long min) throws UsageException {
      String v = values.get(name);
      try {
        long n = Long.parseLong(v);
        if (n < min) {
          throw new UsageException("--" + name + " must be at least " + min + ", got " + v);
        }
        return n;
      } catch (NumberFormatException e) {
        throw new UsageException("--" + name + " must be an integer, got '" + v + "'");
      }
    }

    double probability(String name) throws UsageException {
      String v = values.get(name);
      try {
        double p = Double.parseDouble(v);
        if (!(p >= 0 && p <= 1)) {
          throw new UsageException("--" + name + " must be between 0 and 1, got " + v);
        }
        return p;
      } catch (NumberFormatException e) {
        throw new UsageException("--" + name + " must be a number between 0 and 1, got '" + v + "'");
      }
    }

    IntRange range(String name) throws UsageException {
      try {
        return IntRange.parse(values.get(name));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--" + name + ": " + e.getMessage());
      }
    }

    LocalDate date(String name) throws UsageException {
      try {
        return LocalDate.parse(values.get(name));
      } catch (DateTimeParseException e) {
        throw new UsageException("--" + name + " must be YYYY-MM-DD, got '" + values.get(name) + "'");
      }
    }
  }
}
