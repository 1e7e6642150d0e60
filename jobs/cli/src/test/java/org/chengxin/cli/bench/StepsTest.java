package org.chengxin.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chengxin.cli.ForwardedCommand;
import org.chengxin.cli.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the steps read from their children and the files the benchmarks write; no JVM or engine starts. */
class StepsTest {
  @Test
  void aCommandPrefixRunsInFrontOfTheChildJvm(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("jobs/generator/target"));
    Files.writeString(home.resolve("jobs/generator/target/classpath.txt"), "/m2/g.jar\n");
    Launcher launcher = new Launcher(home, Map.of());
    // echo in front prints the child's command line instead of starting it
    Process process = launcher.start(List.of("echo", "PREFIX"), ForwardedCommand.mainOf("generate"), Optional.of("1g"),
        List.of("--trades", "1000"), Redirect.PIPE);
    String line = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, process.waitFor());
    assertTrue(line.startsWith("PREFIX ") && line.contains(" -Xmx1g ")
        && line.endsWith(" org.chengxin.generator.Generate --trades 1000"), line);
  }

  @Test
  void theChildKnowsTheCheckoutWhereverTheCommandRuns(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("jobs/generator/target"));
    Files.writeString(home.resolve("jobs/generator/target/classpath.txt"), "/m2/g.jar\n");
    Process process = new Launcher(home, Map.of()).start(List.of("sh", "-c", "echo $CHENGXIN_HOME", "sh"),
        ForwardedCommand.mainOf("generate"), Optional.empty(), List.of(), Redirect.PIPE);
    assertEquals(home.toAbsolutePath().toString(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    assertEquals(0, process.waitFor());
  }

  @Test
  void peakMemoryIsTheLastLineGnuTimeWrote(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rss");
    Files.writeString(file, "Command exited with non-zero status 1\n2559000\n");
    assertEquals(2_559_000, Steps.peakKib(file));
  }

  @Test
  void aBenchmarkMainsResultLineIsFoundAmongItsOutput() {
    assertEquals("events=1024782  ingest_wall=34210 events/s",
        Steps.line("log line\nevents=1024782  ingest_wall=34210 events/s\n", "events=", "ingest-benchmark"));
    assertThrows(Steps.Failed.class, () -> Steps.line("nothing\n", "lines=", "backfill-benchmark"));
    assertEquals("lines=20000 days=30  backfill=630 lines/s  process_wall=53123 ms (JVM start included)",
        BenchIngest.backfillLine("lines=20000 days=30  backfill=630 lines/s", 53.1239));
  }

  @Test
  void theImportsDayRangeComesFromItsLastLine() throws IOException {
    ImportedRatings.Days days = ImportedRatings.Days.of(
        "reading ...\n{\"lines\":3,\"first_day\":\"2010-01-01\",\"last_day\":\"2010-01-30\"}\n");
    assertEquals(new ImportedRatings.Days(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 1, 30)), days);
    assertThrows(Steps.Failed.class, () -> ImportedRatings.Days.of("{\"lines\":0,\"first_day\":null,\"last_day\":null}"));
  }

  @Test
  void aBackfillsRatingsSpreadEvenlyOverItsDays(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("ratings.csv");
    BenchIngest.writeRatings(csv, 3000, 30);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(3000, lines.size());
    long firstDay = Long.MAX_VALUE;
    long lastDay = Long.MIN_VALUE;
    for (String line : lines) {
      String[] f = line.split(",");
      long rater = Long.parseLong(f[0]);
      long ratee = Long.parseLong(f[1]);
      int score = Integer.parseInt(f[2]);
      assertTrue(rater >= 1 && rater <= 600 && ratee > 3000 && ratee <= 3150, line);
      assertTrue(score >= -10 && score <= 10 && score != 0, line);
      long day = (Long.parseLong(f[3]) - BenchIngest.BACKFILL_START) / 86_400;
      firstDay = Math.min(firstDay, day);
      lastDay = Math.max(lastDay, day);
    }
    assertEquals(0, firstDay);
    assertEquals(29, lastDay);
    Path again = dir.resolve("again.csv");
    BenchIngest.writeRatings(again, 3000, 30);
    assertEquals(lines, Files.readAllLines(again), "same arguments, same file");
  }
}
