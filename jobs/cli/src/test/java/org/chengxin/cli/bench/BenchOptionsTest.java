package org.chengxin.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.chengxin.cli.Launcher;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The benchmarks' options: typed, range-checked, defaults as documented; nothing is run. */
class BenchOptionsTest {
  private static final Launcher LAUNCHER = new Launcher(Path.of("/repo"), Map.of());

  private static <T> T value(Benchmark command, String option, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.parseArgs(args);
    return cli.getCommandSpec().findOption(option).getValue();
  }

  @Test
  void sizesAreCommaSeparatedCountsWithTheDocumentedDefault() {
    assertEquals(List.of(20_000L, 40_000L), value(new BenchRings(LAUNCHER), "--sizes", "--sizes", "20000,40000"));
    assertEquals(List.of(1_000_000L), value(new BenchRatings(LAUNCHER), "--sizes", "--sizes", "1000000"));
    assertEquals(List.of(1_000_000L, 10_000_000L), value(new BenchNightly(LAUNCHER), "--sizes"));
  }

  @Test
  void aSizeBelowOneOrNotANumberIsAUsageError() {
    for (String bad : List.of("0", "-5", "1e6", "20000,,40000", "many")) {
      ParameterException e = assertThrows(ParameterException.class,
          () -> new CommandLine(new BenchDissatisfaction(LAUNCHER)).parseArgs("--sizes", bad), bad);
      assertTrue(e.getMessage().contains("--sizes"), e.getMessage());
    }
  }

  @Test
  void marketsAreTradesTimesDaysWithinTheJobsWindow() {
    assertEquals(List.of(new Market(200_000, 14, OptionalLong.empty()), new Market(300_000, 7, OptionalLong.empty())),
        value(new SweepDissatisfaction(LAUNCHER), "--markets", "--markets", "200000x14,300000x7"));
    assertEquals(List.of(new Market(200_000, 14, OptionalLong.empty()), new Market(300_000, 14, OptionalLong.empty()),
        new Market(300_000, 7, OptionalLong.empty())), value(new SweepDissatisfaction(LAUNCHER), "--markets"));
    for (String bad : List.of("200000x91", "200000x0", "200000", "x14", "200000x14x2", "0x14")) {
      assertThrows(ParameterException.class,
          () -> new CommandLine(new SweepDissatisfaction(LAUNCHER)).parseArgs("--markets", bad), bad);
    }
  }

  @Test
  void seedsAreWholeNumbersFromZero() {
    assertEquals(List.of(101L, 202L, 303L), value(new SweepDissatisfaction(LAUNCHER), "--seeds"));
    assertEquals(List.of(0L, 7L), value(new SweepDissatisfaction(LAUNCHER), "--seeds", "--seeds", "0,7"));
    assertThrows(ParameterException.class, () -> new CommandLine(new SweepDissatisfaction(LAUNCHER)).parseArgs("--seeds", "-1"));
    assertEquals(3L, (long) value(new BenchRings(LAUNCHER), "--seed"));
  }

  @Test
  void theWorkFolderDefaultsArePerBenchmark() {
    assertEquals(Path.of("/tmp/chengxin-bench-rings"), value(new BenchRings(LAUNCHER), "--work"));
    assertEquals(Path.of("/tmp/chengxin-bench"), value(new BenchNightly(LAUNCHER), "--work"));
    assertEquals(Path.of("/tmp/chengxin-bench"), value(new BenchDissatisfaction(LAUNCHER), "--work"));
    assertEquals(Path.of("/tmp/chengxin-bench-ratings"), value(new BenchRatings(LAUNCHER), "--work"));
    assertEquals(Path.of("/tmp/chengxin-sweep-dissatisfaction"), value(new SweepDissatisfaction(LAUNCHER), "--work"));
    assertEquals(Path.of("/w"), value(new BenchRings(LAUNCHER), "--work", "--work", "/w"));
  }

  @Test
  void daysOutOfRangeStopBeforeAnythingRuns() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new BenchRings(LAUNCHER)).setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("--days", "31"));
    assertTrue(err.toString().contains("--days must be a whole number 1-30, got: 31"), err.toString());
  }

  @Test
  void backfillOptionsAndTheRatingsStart() {
    assertEquals(List.of(1L, 30L), value(new BenchIngest(LAUNCHER), "--backfill-days", "--backfill-days", "1,30"));
    assertEquals(List.of(400_000L), value(new BenchIngest(LAUNCHER), "--backfill-lines"));
    assertEquals(BenchRatings.Start.warm, value(new BenchRatings(LAUNCHER), "--start", "--start", "warm"));
    assertThrows(ParameterException.class, () -> new CommandLine(new BenchRatings(LAUNCHER)).parseArgs("--start", "hot"));
  }

  @Test
  void helpShowsTheDefaults() {
    String help = new CommandLine(new SweepDissatisfaction(LAUNCHER)).getUsageMessage();
    assertTrue(help.contains("(default: 200000x14,300000x14,300000x7)"), help);
    assertTrue(help.contains("/tmp/chengxin-sweep-dissatisfaction"), help);
  }
}
