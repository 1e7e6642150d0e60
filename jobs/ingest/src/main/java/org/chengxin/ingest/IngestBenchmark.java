package org.chengxin.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.validation.EventValidator;
import org.chengxin.core.validation.ValidationResult;

/**
 * Measures ingest throughput against two single-core references on the same lines: plain Jackson
 * streaming over every token (the parsing ceiling) and the validator alone (parse, check,
 * pseudonymise). Then runs the whole bounded job and reports its events per second, overall and
 * per core, and then two engine floors on the same input: reading alone, and reading plus one keyed
 * exchange (what deduplication needs at least), which bound what any job on this engine can reach.
 * The single-core references run on at most the first {@link #SAMPLE_LINES} lines, held in memory.
 * scripts/bench-ingest drives it.
 */
public final class IngestBenchmark {
  private static final JsonFactory JSON = new JsonFactory();
  static final int SAMPLE_LINES = 1_000_000;

  private IngestBenchmark() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("IngestBenchmark", "Times the ingest stages one by one on one day of raw events.");
      Arg<String> inputArg = cli.requiredText("input", "DIR", "raw JSON Lines of one day");
      Arg<String> warehouse = cli.requiredText("warehouse", "DIR", "scratch warehouse the job writes");
      Arg<LocalDate> date = cli.date("date", "the day");
      Arg<Long> parallelismArg = IngestOptions.declareParallelism(cli, "job parallelism");
      if (!cli.parse(args)) {
        return;
      }
      String input = inputArg.value();
      LocalDate day = date.value();
      List<byte[]> lines = readLines(Path.of(input));
      double ceiling = best(() -> jacksonTokens(lines), lines.size());
      double validator = best(() -> validate(lines, day), lines.size());
      int parallelism = parallelismArg.value().intValue();
      IngestOptions options = IngestOptions.parse(new String[] {"--input", input, "--warehouse", warehouse.value(),
          "--date", day.toString(), "--parallelism", Integer.toString(parallelism)}).orElseThrow();
      long started = System.nanoTime();
      long cpuBefore = processCpuNanos();
      ObjectNode summary = new IngestJob(options).runBounded();
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
      long read = summary.path("totals").path("read").asLong();
      double readFloor = read / engineFloorCpuSeconds(input, parallelism, false);
      double exchangeFloor = read / engineFloorCpuSeconds(input, parallelism, true);
      // The machine is shared: events per CPU-second is the per-core rate whatever else runs.
      System.out.printf("events=%d  ingest_wall=%.0f events/s (%.1f s, parallelism %d)  ingest_cpu=%.0f events/cpu-s"
              + "  validator=%.0f events/cpu-s  jackson_ceiling=%.0f events/cpu-s"
              + "  read_floor=%.0f events/cpu-s  keyed_exchange_floor=%.0f events/cpu-s%n",
          read, read / seconds, seconds, parallelism, read / cpuSeconds, validator, ceiling, readFloor, exchangeFloor);
    });
  }

  /**
   * What the engine alone costs on the same input, in CPU-seconds of the whole JVM: the
   * job's source reading every line into a discarding sink, or (keyed) the lines also crossing one
   * keyed BATCH exchange (partition, sort by key, hand to a keyed operator), as deduplication needs.
   * No validation, no Parquet: whatever the job does per event comes on top.
   */
  private static double engineFloorCpuSeconds(String input, int parallelism, boolean keyed) throws Exception {
    Configuration conf = IngestJob.engineConfiguration();
    conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    DataStream<RawLine> lines = env.fromSource(
        FileSource.forBulkFileFormat(new JsonLinesFormat(EventValidator.DEFAULT_MAX_LINE_BYTES),
            new org.apache.flink.core.fs.Path(input)).build(), WatermarkStrategy.noWatermarks(), "ReadRawLines");
    if (keyed) {
      lines = lines.keyBy(line -> (long) Arrays.hashCode(line.bytes), Types.LONG)
          .process(new PassOn()).returns(RawLine.class);
    }
    lines.sinkTo(new DiscardingSink<>());
    long cpuBefore = processCpuNanos();
    env.execute("ingest engine floor");
    return (processCpuNanos() - cpuBefore) / 1e9;
  }

  /** The keyed operator of the exchange floor: hands every line on. */
  private static final class PassOn extends KeyedProcessFunction<Long, RawLine, RawLine> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(RawLine line, Context ctx, Collector<RawLine> out) {
      out.collect(line);
    }
  }

  private static List<byte[]> readLines(Path root) throws IOException {
    List<byte[]> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        // ISO-8859-1 maps bytes to chars one to one, so the bytes come back exactly.
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
          for (String line = reader.readLine(); line != null && lines.size() < SAMPLE_LINES; line = reader.readLine()) {
            lines.add(line.getBytes(StandardCharsets.ISO_8859_1));
          }
        }
      }
    }
    return lines;
  }

  /** Best of three single-threaded passes, in lines per CPU-second (the first pass warms the JIT). */
  private static double best(Runnable pass, int count) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double best = 0;
    for (int i = 0; i < 3; i++) {
      long started = threads.getCurrentThreadCpuTime();
      pass.run();
      best = Math.max(best, count / ((threads.getCurrentThreadCpuTime() - started) / 1e9));
    }
    return best;
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void jacksonTokens(List<byte[]> lines) {
    long tokens = 0;
    for (byte[] line : lines) {
      try (JsonParser p = JSON.createParser(line)) {
        while (p.nextToken() != null) {
          tokens++;
        }
      } catch (IOException malformed) {
        tokens++;
      }
    }
    if (tokens == 0 && !lines.isEmpty()) {
      throw new UncheckedIOException(new IOException("no tokens"));
    }
  }

  private static void validate(List<byte[]> lines, LocalDate day) {
    // Nothing is stored here: a throwaway key measures the same hashing as any other.
    byte[] throwawayKey = new byte[32];
    new SecureRandom().nextBytes(throwawayKey);
    EventValidator validator = new EventValidator(new Pseudonymiser(throwawayKey),
        ValidateFunction.latestPlausible(day), EventValidator.DEFAULT_MAX_LINE_BYTES);
    int accepted = 0;
    for (byte[] line : lines) {
      if (validator.validate(line, 0, line.length, "bench", 1) instanceof ValidationResult.Accepted) {
        accepted++;
      }
    }
    if (accepted < 0) {
      throw new IllegalStateException();
    }
  }

}
