package org.chengxin.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import org.chengxin.cli.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chengxin sweep-dissatisfaction}: the dissatisfaction figures over market sizes and seeds. */
@Command(name = "sweep-dissatisfaction", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {
        "The dissatisfaction figures over market sizes and seeds. For each market (N trades over D days, from "
            + "2026-11-01) and each seed: generates it (generate), ingests every day in one backfill run (ingest "
            + "--from-date), runs on the last day the detector jobs whose tables flag sellers for the dissatisfaction "
            + "job (rings, rater_reliability, counterfeit_signals), then dissatisfaction, and evaluates against the "
            + "generator's truth (evaluate). A market's warehouse under --work is reused when its detector tables "
            + "exist, so a re-run after a change to the estimates only re-runs dissatisfaction and the evaluation.",
        "Prints one JSON line per market and seed (trades, days, seed and the dissatisfaction.* figures: "
            + "shrunk_mse_ratio, shrunk_mse_ratio_honest, shrunk_mse_ratio_flagged, interval_coverage, sellers, "
            + "flagged_sellers), then one summary line per size: the worst and mean of each ratio over the seeds, "
            + "the seeds with shrunk_mse_ratio <= 0.5 and with the flagged ratio <= 1, and the coverage range.",
        "The seeds are fixed in advance (the defaults were chosen before any result was seen)."})
final class SweepDissatisfaction extends Benchmark {
  /** The evaluation's dissatisfaction keys left out of the lines: the errors behind the ratios, the platform's rate. */
  static final Set<String> LEFT_OUT = Set.of("raw_mse", "shrunk_mse", "platform_rate", "platform_target_met");

  static final String PREFIX = "dissatisfaction.";

  @Option(names = "--markets", split = ",", paramLabel = "NxD", converter = Market.Spec.class,
      defaultValue = "200000x14,300000x14,300000x7",
      description = "markets as trades x days (days 1-90), comma-separated (default: ${DEFAULT-VALUE})")
  private List<Market> markets;

  @Option(names = "--seeds", split = ",", paramLabel = "S", converter = Counts.Seed.class, defaultValue = "101,202,303",
      description = "generator seeds, comma-separated (default: ${DEFAULT-VALUE})")
  private List<Long> seeds;

  @Mixin private WorkFolder work = new WorkFolder("/tmp/chengxin-sweep-dissatisfaction");

  SweepDissatisfaction(Launcher launcher) {
    super(launcher);
  }

  @Override
  void run(Steps steps, PrintStream out) throws IOException {
    List<ObjectNode> lines = new ArrayList<>();
    for (Market size : markets) {
      for (long seed : seeds) {
        Market market = size.withSeed(seed);
        Path dir = work.of(market.trades() + "x" + market.days() + "-seed" + seed);
        Path warehouse = Market.warehouse(dir);
        String day = market.lastDay().toString();
        String tag = Results.format("[sweep] %d trades x %d days, seed %d:", market.trades(), market.days(), seed);
        if (market.build(steps, dir, "counterfeit_signals/ds=" + day, Market.Ingest.BACKFILL, tag)) {
          // The jobs whose tables FlaggedSellers reads: ring_members, rating_flags, counterfeit_signals.
          steps.run("run-job", List.of("--job", "rings", "--job", "rater_reliability", "--job", "counterfeit_signals",
              "--warehouse", warehouse.toString(), "--date", day));
        }
        progress("%s dissatisfaction and evaluation ...", tag);
        steps.run("run-job", List.of("--job", "dissatisfaction", "--warehouse", warehouse.toString(), "--date", day));
        String evaluation = steps.output("evaluate", List.of("--truth", Market.raw(dir).resolve("truth").toString(),
            "--warehouse", warehouse.toString(), "--date", day));
        ObjectNode line = line(market, Results.JSON.readTree(evaluation));
        out.println(Results.json(line));
        lines.add(line);
      }
    }
    summaries(lines).forEach(summary -> out.println(Results.json(summary)));
  }

  /** One market's line: trades, days, seed, then the evaluation's dissatisfaction.* figures without the prefix. */
  static ObjectNode line(Market market, JsonNode evaluation) {
    ObjectNode line = Results.JSON.createObjectNode();
    line.put("trades", market.trades());
    line.put("days", market.days());
    line.put("seed", market.seed().orElseThrow());
    for (Map.Entry<String, JsonNode> entry : evaluation.properties()) {
      String key = entry.getKey();
      if (key.startsWith(PREFIX) && !LEFT_OUT.contains(key.substring(PREFIX.length()))) {
        line.set(key.substring(PREFIX.length()), entry.getValue());
      }
    }
    return line;
  }

  /** One summary a market size (trades, days), in ascending order of size, over its seeds' lines. */
  static List<ObjectNode> summaries(List<ObjectNode> lines) {
    Map<List<Long>, List<ObjectNode>> bySize = new LinkedHashMap<>();
    lines.stream().sorted(Comparator.comparingLong((ObjectNode l) -> l.get("trades").asLong())
            .thenComparingLong(l -> l.get("days").asLong()))
        .forEach(l -> bySize.computeIfAbsent(List.of(l.get("trades").asLong(), l.get("days").asLong()),
            key -> new ArrayList<>()).add(l));
    List<ObjectNode> summaries = new ArrayList<>();
    bySize.forEach((size, group) -> {
      ObjectNode summary = Results.JSON.createObjectNode();
      summary.put("summary", size.get(0) + " trades x " + size.get(1) + " days");
      ArrayNode seeds = summary.putArray("seeds");
      group.forEach(l -> seeds.add(l.get("seed")));
      put(summary, "shrunk_mse_ratio_max", values(group, "shrunk_mse_ratio").max());
      put(summary, "shrunk_mse_ratio_mean", mean(values(group, "shrunk_mse_ratio")));
      put(summary, "shrunk_mse_ratio_honest_max", values(group, "shrunk_mse_ratio_honest").max());
      put(summary, "shrunk_mse_ratio_flagged_max", values(group, "shrunk_mse_ratio_flagged").max());
      put(summary, "shrunk_mse_ratio_flagged_mean", mean(values(group, "shrunk_mse_ratio_flagged")));
      seedsWhere(summary.putArray("seeds_ratio_at_most_0_5"), group, l -> number(l, "shrunk_mse_ratio", Double.NaN), 0.5);
      // A market without flagged sellers has no flagged ratio: it counts as meeting the bound.
      seedsWhere(summary.putArray("seeds_flagged_at_most_1"), group, l -> number(l, "shrunk_mse_ratio_flagged", 0), 1);
      put(summary, "interval_coverage_min", values(group, "interval_coverage").min());
      put(summary, "interval_coverage_max", values(group, "interval_coverage").max());
      summaries.add(summary);
    });
    return summaries;
  }

  /** The figure {@code key} of each line that has it (a missing or null figure is left out). */
  private static DoubleStream values(List<ObjectNode> group, String key) {
    return group.stream().filter(l -> l.path(key).isNumber()).mapToDouble(l -> l.get(key).asDouble());
  }

  /** The plain mean, summed in order (as {@code add / length}), none of no values. */
  private static OptionalDouble mean(DoubleStream values) {
    double[] all = values.toArray();
    double sum = 0;
    for (double value : all) {
      sum += value;
    }
    return all.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / all.length);
  }

  private static double number(ObjectNode line, String key, double missing) {
    return line.path(key).isNumber() ? line.get(key).asDouble() : missing;
  }

  private static void seedsWhere(ArrayNode into, List<ObjectNode> group, ToDoubleFunction<ObjectNode> figure, double atMost) {
    group.stream().filter(l -> figure.applyAsDouble(l) <= atMost).forEach(l -> into.add(l.get("seed")));
  }

  private static void put(ObjectNode summary, String key, OptionalDouble value) {
    if (value.isPresent()) {
      summary.put(key, value.getAsDouble());
    } else {
      summary.putNull(key);
    }
  }
}
