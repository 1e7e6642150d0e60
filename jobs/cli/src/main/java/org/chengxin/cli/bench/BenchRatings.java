package org.chengxin.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chengxin.cli.Launcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chengxin bench-ratings}: the rater_reliability job on the reference rating graphs. */
@Command(name = "bench-ratings", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {
        "Benchmark of the rater_reliability job. For each size (ratings): writes the synthetic rating graph of "
            + "../shared/bench/rating_graph.py (N edges, seed 1; needs python3 with numpy), imports it "
            + "(import-ratings) and ingests it into WORK/N/warehouse (kept for the next run), then times "
            + "run-job rater_reliability on its last day as a whole process (JVM start included) with its peak "
            + "memory (/usr/bin/time).",
        "Prints one JSON line per size (wall seconds with JVM start, the job's own seconds, peak RSS, rounds, "
            + "blocks, ratings/s), then one of the ratios between the last and the first size.",
        "The JVM heap is --heap, else $CHENGXIN_HEAP, else the job's 6g."})
final class BenchRatings extends Benchmark {
  /** The fixed point's start. */
  enum Start {
    cold, warm
  }

  @Mixin private Sizes sizes;

  @Mixin private WorkFolder work = new WorkFolder("/tmp/chengxin-bench-ratings");

  @Option(names = "--ratings-per-block", paramLabel = "N", converter = Counts.Positive.class,
      description = "force the fixed point's block size (e.g. N / 64 for 64 blocks; default: the job's)")
  private Long ratingsPerBlock;

  @Option(names = "--start", paramLabel = "cold|warm", defaultValue = "cold",
      description = "the fixed point's start (default: ${DEFAULT-VALUE}: every size from scratch)")
  private Start start;

  BenchRatings(Launcher launcher) {
    super(launcher);
  }

  @Override
  void run(Steps steps, PrintStream out) throws IOException {
    Path graph = steps.home().resolve("../shared/bench/rating_graph.py").normalize();
    if (!Files.isRegularFile(graph)) {
      throw new Steps.Failed(graph + " is not there: the benchmark's input comes from ../shared/bench (nothing measured)", 2);
    }
    Steps.requirePeakMemory();
    List<String> jobArgs = new ArrayList<>(List.of("--reliability-start", start.name()));
    if (ratingsPerBlock != null) {
      jobArgs.addAll(List.of("--reliability-ratings-per-block", ratingsPerBlock.toString()));
    }
    List<ObjectNode> lines = new ArrayList<>();
    for (long n : sizes.values()) {
      Path dir = work.of(n);
      LocalDate last = ingested(steps, graph, n, dir);
      progress("[bench] rater_reliability on %d ratings (%s) ...", n, last);
      JobTiming timing = JobTiming.time(steps, List.of("--job", "rater_reliability"), Market.warehouse(dir), last,
          jobArgs, true);
      ObjectNode line = line(n, timing.summary().job("rater_reliability"), timing.wallSeconds(),
          timing.peakRssKib().orElseThrow());
      out.println(Results.json(line));
      lines.add(line);
    }
    if (lines.size() >= 2) {
      out.println(Results.json(ratios(lines.get(0), lines.get(lines.size() - 1))));
    }
  }

  /**
   * The rating graph of {@code n} edges imported and ingested into {@code dir} (once: {@code dir/last-day}
   * says it is done); returns its last day.
   */
  private static LocalDate ingested(Steps steps, Path graph, long n, Path dir) throws IOException {
    Path lastDay = dir.resolve("last-day");
    if (!Files.exists(lastDay)) {
      Folders.delete(dir);
      Files.createDirectories(dir);
      progress("[bench] rating graph of %d edges: generate, import, ingest ...", n);
      Path csv = dir.resolve("ratings.csv");
      Steps.external(List.of("python3", graph.toString(), Long.toString(n), "1", csv.toString()),
          "python3 with numpy is needed to write the rating graph (Debian packages: python3, python3-numpy)");
      Path raw = Market.raw(dir);
      String imported = steps.output("import-ratings", ImportedRatings.arguments(csv, raw));
      Files.writeString(dir.resolve("import.json"), imported);
      ImportedRatings.Days days = ImportedRatings.Days.of(imported);
      steps.run("ingest", List.of("--input", raw.resolve("events").toString(), "--warehouse",
          Market.warehouse(dir).toString(), "--from-date", days.first().toString(), "--date", days.last().toString(),
          "--pseudonym-key-file", ImportedRatings.throwawayKey(dir).toString()));
      Files.delete(csv);
      Files.writeString(lastDay, days.last() + "\n");
    }
    return LocalDate.parse(Files.readString(lastDay).trim());
  }

  /** One size's JSON line, its keys in the documented order. */
  static ObjectNode line(long ratings, RunSummary.Job job, double wallSeconds, long peakRssKib) {
    ObjectNode line = Results.JSON.createObjectNode();
    line.put("ratings", ratings);
    line.put("wall_seconds", Results.round(wallSeconds, 1));
    line.set("job_seconds", job.get("seconds"));
    line.put("peak_rss_mib", Results.round(peakRssKib / 1024.0));
    line.put("rounds", (long) job.number("reliability_iterations"));
    line.put("converged", job.text("reliability_converged").equals("true"));
    line.put("start", job.text("reliability_start"));
    line.put("blocks", (long) job.number("reliability_blocks"));
    line.put("largest_block_mib", job.number("reliability_largest_block_mib"));
    line.put("ratings_per_second", Results.round(ratings / wallSeconds));
    return line;
  }

  /** The ratios of the last size's line to the first's: sizes, wall seconds, job seconds. */
  static ObjectNode ratios(ObjectNode first, ObjectNode last) {
    ObjectNode ratios = Results.JSON.createObjectNode();
    ratios.put("size_ratio", Results.round(last.get("ratings").asDouble() / first.get("ratings").asDouble(), 1));
    ratios.put("wall_ratio", Results.round(last.get("wall_seconds").asDouble() / first.get("wall_seconds").asDouble(), 2));
    ratios.put("job_ratio", Results.round(last.get("job_seconds").asDouble() / first.get("job_seconds").asDouble(), 2));
    return ratios;
  }
}
