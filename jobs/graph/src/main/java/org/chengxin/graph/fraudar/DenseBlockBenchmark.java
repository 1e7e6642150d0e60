package org.chengxin.graph.fraudar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.graph.kernels.BipartiteAdjacency;
import org.chengxin.graph.kernels.DenseBlockPeeling;
import org.chengxin.graph.kernels.DenseBlockPeeling.Peel;

/**
 * {@code scripts/bench-dense-block}: the dense-block kernel with FRAUDAR's objective on a rating
 * file, timed, its block compared with FRAUDAR's reference block. For each size (a prefix of the
 * file's lines, the whole file last) it loads the distinct rater x ratee pairs, then weights the
 * columns and peels, warm-up runs first, and prints one JSON line; then the ratios between the last
 * and the first size.
 */
public final class DenseBlockBenchmark {

  /** The file FRAUDAR's reference block was found on: {@code rating_graph.py 1000000 1}. */
  static final long REFERENCE_EDGES = 1_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Which weighting the peel runs on. */
  enum Weighting {
    /** FRAUDAR's {@code logWeightedAveDegree}: columns weighted 1 / ln(column sum + offset). */
    LOG,
    /** Every pair weight 1. */
    PLAIN
  }

  /** FRAUDAR's block as its reference code printed it: original ids. */
  record Reference(Set<String> raters, Set<String> ratees) {
    static Reference read(Path raters, Path ratees) throws IOException {
      return new Reference(ids(raters), ids(ratees));
    }

    private static Set<String> ids(Path file) throws IOException {
      Set<String> ids = new HashSet<>();
      Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).forEach(ids::add);
      return ids;
    }
  }

  /**
   * @param input the rating file (no header)
   * @param sizes line counts of the prefixes measured before the whole file
   * @param reference the block to compare the whole file's with, if any
   */
  record Options(Path input, char delimiter, int raterField, int rateeField, List<Long> sizes, Weighting weighting,
      double offset, int warmups, int repeats, Optional<Reference> reference) {}

  private final Options options;

  DenseBlockBenchmark(Options options) {
    this.options = options;
  }

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Optional<Options> options = parse(args, Path.of(System.getenv().getOrDefault("CHENGXIN_HOME", ".")));
      if (options.isPresent()) {
        new DenseBlockBenchmark(options.get()).run(System.out);
      }
    });
  }

  /** One JSON line per size, then the ratios of the last to the first. */
  void run(PrintStream out) throws IOException {
    List<ObjectNode> lines = new ArrayList<>();
    for (long size : sizes()) {
      ObjectNode line = measure(size);
      out.println(JSON.writeValueAsString(line));
      lines.add(line);
    }
    if (lines.size() >= 2) {
      out.println(JSON.writeValueAsString(ratios(lines.get(0), lines.get(lines.size() - 1))));
    }
  }

  /** The prefixes asked for, shorter than the file, then the whole file ({@code Long.MAX_VALUE}). */
  private List<Long> sizes() throws IOException {
    long fileLines;
    try (var lines = Files.lines(options.input())) {
      fileLines = lines.filter(line -> !line.isBlank()).count();
    }
    List<Long> sizes = new ArrayList<>(options.sizes().stream().filter(n -> n < fileLines).sorted().distinct().toList());
    sizes.add(Long.MAX_VALUE);
    return sizes;
  }

  private ObjectNode measure(long maxLines) throws IOException {
    long started = System.nanoTime();
    RatingPairs pairs = RatingPairs.read(options.input(), options.delimiter(), options.raterField(),
        options.rateeField(), maxLines);
    BipartiteAdjacency graph = pairs.adjacency();
    double loadSeconds = seconds(System.nanoTime() - started);
    // Wall and this thread's CPU time: on a machine shared with other work the CPU time shows the
    // peel's own cost, the wall time what a user waits.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] peelSeconds = new double[options.repeats()];
    double[] peelCpuSeconds = new double[options.repeats()];
    Peel peel = null;
    for (int run = -options.warmups(); run < options.repeats(); run++) {
      long start = System.nanoTime();
      long startCpu = threads.getCurrentThreadCpuTime();
      peel = peel(graph);
      if (run >= 0) {
        peelSeconds[run] = seconds(System.nanoTime() - start);
        peelCpuSeconds[run] = seconds(threads.getCurrentThreadCpuTime() - startCpu);
      }
    }
    double median = median(peelSeconds);
    ObjectNode line = JSON.createObjectNode();
    line.put("edges", pairs.lines());
    line.put("pairs", pairs.pairCount());
    line.put("raters", pairs.raterIds().length);
    line.put("ratees", pairs.rateeIds().length);
    line.put("weighting", options.weighting().name().toLowerCase(Locale.ROOT));
    line.put("load_seconds", round(loadSeconds, 3));
    line.put("peel_seconds", round(median, 3));
    line.put("peel_seconds_min", round(Arrays.stream(peelSeconds).min().orElseThrow(), 3));
    line.put("peel_cpu_seconds", round(median(peelCpuSeconds), 3));
    line.put("repeats", options.repeats());
    line.put("pairs_per_second", Math.round(pairs.pairCount() / median));
    line.put("block_raters", peel.rows().length);
    line.put("block_ratees", peel.columns().length);
    line.put("density", round(peel.density(), 6));
    if (maxLines == Long.MAX_VALUE && options.reference().isPresent()) {
      compare(line, pairs, peel, options.reference().get());
    }
    return line;
  }

  private Peel peel(BipartiteAdjacency pairs) {
    BipartiteAdjacency graph = options.weighting() == Weighting.LOG ? pairs.logColumnWeighted(options.offset()) : pairs;
    return DenseBlockPeeling.densest(graph).orElseThrow(() -> new UsageException(options.input() + " has no rating"));
  }

  /** Jaccard of the block with the reference's raters, ratees and members (raters and ratees kept apart). */
  private static void compare(ObjectNode line, RatingPairs pairs, Peel peel, Reference reference) {
    Set<String> raters = new HashSet<>();
    Arrays.stream(peel.rows()).forEach(r -> raters.add(pairs.raterIds()[r]));
    Set<String> ratees = new HashSet<>();
    Arrays.stream(peel.columns()).forEach(c -> ratees.add(pairs.rateeIds()[c]));
    int sharedRaters = shared(raters, reference.raters());
    int sharedRatees = shared(ratees, reference.ratees());
    line.put("reference_raters", reference.raters().size());
    line.put("reference_ratees", reference.ratees().size());
    line.put("jaccard_raters", jaccard(sharedRaters, raters.size(), reference.raters().size()));
    line.put("jaccard_ratees", jaccard(sharedRatees, ratees.size(), reference.ratees().size()));
    line.put("jaccard_members", jaccard(sharedRaters + sharedRatees, raters.size() + ratees.size(),
        reference.raters().size() + reference.ratees().size()));
  }

  private static int shared(Set<String> found, Set<String> reference) {
    return (int) found.stream().filter(reference::contains).count();
  }

  private static double jaccard(int shared, int found, int reference) {
    return round((double) shared / (found + reference - shared), 4);
  }

  private static ObjectNode ratios(ObjectNode first, ObjectNode last) {
    ObjectNode ratios = JSON.createObjectNode();
    ratios.put("pairs_ratio", round(last.get("pairs").asDouble() / first.get("pairs").asDouble(), 2));
    ratios.put("load_ratio", round(last.get("load_seconds").asDouble() / first.get("load_seconds").asDouble(), 2));
    ratios.put("peel_ratio", round(last.get("peel_seconds").asDouble() / first.get("peel_seconds").asDouble(), 2));
    return ratios;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int half = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  /**
   * The options; empty when help was printed, or when the input is to be generated and
   * {@code ../shared/bench} is absent (the benchmark is skipped, with a word on stderr).
   *
   * @param home the checkout, whose {@code ../shared} holds the generator and the reference block
   */
  static Optional<Options> parse(String[] args, Path home) throws IOException {
    Arguments cli = new Arguments("scripts/bench-dense-block", String.join("\n",
        "Times the dense-block kernel with FRAUDAR's objective (columns weighted 1/ln(column sum + 5), greedy peeling",
        "of the weighted average degree) on a rating file, every distinct rater x ratee pair weight 1 (ratings and",
        "times ignored). For each size (the first N lines, then the whole file) prints one JSON line: lines read,",
        "distinct pairs, raters, ratees, load seconds (read, encode, adjacency), peel seconds (weighting and peel;",
        "median of the repeats after the warm-up runs; wall and the thread's CPU time), pairs per peel second,",
        "the block's raters x ratees and density; for the whole file, Jaccard with the reference block's raters,",
        "ratees and members. Then the ratios of the last size to the first.",
        "Without --input it writes SHARED/bench/rating_graph.py's 1M-rating file (seed 1; python3 with numpy)",
        "and compares with FRAUDAR's block on it, SHARED/bench/fraudar-block-1m-seed1.{raters,ratees}; when",
        "SHARED/bench is absent it says so and measures nothing (exit 0)."));
    Arg<Path> input = cli.path("input", "FILE", "rating file, no header (default: the generated 1M-rating file)");
    Arg<Character> delimiter = cli.delimiter("delimiter", "field separator", ',');
    Arg<Long> rater = cli.whole("rater", "N", "field of the rater id, counting from 0", 0, 0, 1000);
    Arg<Long> ratee = cli.whole("ratee", "N", "field of the ratee id, counting from 0", 1, 0, 1000);
    Arg<List<String>> sizes = cli.repeated("sizes", "N",
        "line counts of prefixes measured before the whole file, for growth (default 100000)");
    Arg<Weighting> weighting = cli.choice("weighting", "log: FRAUDAR's column weighting; plain: every pair 1",
        Weighting.LOG);
    Arg<Double> offset = cli.number("offset", "C", "the c of 1/ln(column sum + c), above 1", Suspiciousness.DEFAULT_OFFSET,
        1, Double.MAX_VALUE);
    Arg<Long> warmups = cli.whole("warmup", "N", "untimed peels before the timed ones", 2, 0, 100);
    Arg<Long> repeats = cli.whole("repeat", "N", "timed peels per size (the median is printed)", 5, 1, 1000);
    Arg<Path> shared = cli.path("shared", "DIR", "the shared folder (default: ../shared beside the checkout)");
    Arg<Path> referenceRaters = cli.path("reference-raters", "FILE",
        "reference block's raters, one id a line (default without --input: SHARED/bench/fraudar-block-1m-seed1.raters)");
    Arg<Path> referenceRatees = cli.path("reference-ratees", "FILE",
        "reference block's ratees, one id a line (default without --input: SHARED/bench/fraudar-block-1m-seed1.ratees)");
    if (!cli.parse(args)) {
      return Optional.empty();
    }
    if (offset.value() <= 1) {
      throw new UsageException("--offset must be above 1 so every weight stays finite, got " + offset.value());
    }
    if (referenceRaters.optional().isPresent() != referenceRatees.optional().isPresent()) {
      throw new UsageException("--reference-raters and --reference-ratees go together");
    }
    Path bench = shared.optional().orElse(home.resolve("../shared")).resolve("bench").normalize();
    Path file;
    Optional<Reference> reference = Optional.empty();
    if (input.optional().isPresent()) {
      file = input.value();
      if (!Files.isRegularFile(file)) {
        throw new UsageException(file + " is not a file");
      }
    } else if (!Files.isDirectory(bench)) {
      System.err.println("bench-dense-block: skipped, " + bench + " is absent (give --input, or --shared DIR)");
      return Optional.empty();
    } else {
      file = generated(bench);
      reference = Optional.of(Reference.read(bench.resolve("fraudar-block-1m-seed1.raters"),
          bench.resolve("fraudar-block-1m-seed1.ratees")));
    }
    if (referenceRaters.optional().isPresent()) {
      reference = Optional.of(Reference.read(referenceRaters.value(), referenceRatees.value()));
    }
    List<Long> prefixes = new ArrayList<>();
    for (String size : sizes.value().isEmpty() ? List.of("100000") : sizes.value()) {
      try {
        prefixes.add(Long.parseLong(size.replace("_", "")));
      } catch (NumberFormatException e) {
        throw new UsageException("--sizes takes line counts, got '" + size + "'");
      }
    }
    return Optional.of(new Options(file, delimiter.value(), rater.value().intValue(), ratee.value().intValue(),
        prefixes, weighting.value(), offset.value(), warmups.value().intValue(), repeats.value().intValue(), reference));
  }

  /** FRAUDAR's reference file, written once into the temporary folder by the shared generator. */
  private static Path generated(Path bench) throws IOException {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "chengxin-bench-dense-block", "ratings-1m-seed1.csv");
    if (!Files.isRegularFile(file)) {
      Files.createDirectories(file.getParent());
      Path partial = file.resolveSibling("partial.csv");
      System.err.println("bench-dense-block: writing the 1M-rating file with " + bench.resolve("rating_graph.py"));
      try {
        Process python = new ProcessBuilder("python3", bench.resolve("rating_graph.py").toString(),
            Long.toString(REFERENCE_EDGES), "1", partial.toString()).inheritIO().redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        if (python.waitFor() != 0) {
          throw new IOException("rating_graph.py failed (it needs python3 with numpy: Debian's python3-numpy)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing the rating file", e);
      }
      Files.move(partial, file);
    }
    return file;
  }
}
