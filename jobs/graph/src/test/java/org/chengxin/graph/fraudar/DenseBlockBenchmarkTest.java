package org.chengxin.graph.fraudar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's loading, output and skipping on small files; its figure on the shared 1M file when present. */
class DenseBlockBenchmarkTest {

  /** The checkout, seen from this module's folder (where the tests run). */
  private static final Path HOME = Path.of("../..").toAbsolutePath().normalize();

  @Test
  void ratingPairsAreDistinctAndNumberedInNumericIdOrderQuotedOrNot(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("r.csv"), "10,200,5,0\n9,200,1,0\n\n10,200,-3,9\n10,31,2,0\n\"7\",\"5\",1,1\n");
    RatingPairs all = RatingPairs.read(file, ',', 0, 1, Long.MAX_VALUE);
    assertEquals(5, all.lines());
    assertArrayEquals(new String[] {"7", "9", "10"}, all.raterIds(), "9 before 10: by value, not as text");
    assertArrayEquals(new String[] {"5", "31", "200"}, all.rateeIds());
    assertEquals(4, all.pairCount(), "10 rated 200 twice: one pair");
    assertArrayEquals(new int[] {0, 1, 2, 2}, all.rater());
    assertArrayEquals(new int[] {0, 2, 1, 2}, all.ratee());
    assertEquals(2.0, all.adjacency().weightedDegree(3 + 2), "ratee 200: raters 9 and 10, one weight each");

    RatingPairs prefix = RatingPairs.read(file, ',', 1, 0, 2);
    assertEquals(2, prefix.lines());
    assertArrayEquals(new String[] {"200"}, prefix.raterIds(), "fields chosen by number");

    Files.writeString(dir.resolve("text.csv"), "b,x\na10,x\na9,y\n");
    assertArrayEquals(new String[] {"a10", "a9", "b"}, RatingPairs.read(dir.resolve("text.csv"), ',', 0, 1, 9).raterIds());
    Files.writeString(dir.resolve("short.csv"), "1,2\n3\n");
    IOException error = assertThrows(IOException.class, () -> RatingPairs.read(dir.resolve("short.csv"), ',', 0, 1, 9));
    assertTrue(error.getMessage().contains("line 2"), error.getMessage());
  }

  @Test
  void printsALinePerSizeWithTheBlockAndItsJaccardThenTheRatios(@TempDir Path dir) throws IOException {
    // Noise over 3000 raters and 600 ratees, then a block of raters 5000-5019 on ratees 9000-9011.
    SplittableRandom random = new SplittableRandom(1);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      lines.add(random.nextInt(3000) + "," + (6000 + random.nextInt(600)) + ",1,0");
    }
    for (int r = 5000; r < 5020; r++) {
      for (int c = 9000; c < 9012; c++) {
        lines.add(r + "," + c + ",10,0");
      }
    }
    Path file = Files.write(dir.resolve("ratings.csv"), lines);
    Path raters = Files.writeString(dir.resolve("block.raters"), "5000\n5001\n");
    Path ratees = Files.writeString(dir.resolve("block.ratees"), "9000\n");
    List<JsonNode> out = run(dir, "--input", file.toString(), "--sizes", "1000,3000", "--repeat", "3",
        "--reference-raters", raters.toString(), "--reference-ratees", ratees.toString());
    assertEquals(4, out.size(), "sizes 1000, 3000, the whole file, then the ratios");
    assertEquals(1000, out.get(0).get("edges").asLong());
    assertTrue(out.get(0).has("peel_cpu_seconds"), "the peel's CPU time beside its wall time");
    assertTrue(out.get(0).path("jaccard_members").isMissingNode(), "a prefix is not the reference's file");
    JsonNode whole = out.get(2);
    assertEquals(6240, whole.get("edges").asLong());
    assertEquals(20, whole.get("block_raters").asInt());
    assertEquals(12, whole.get("block_ratees").asInt());
    assertEquals(240 / Math.log(20 + 5) / 32, whole.get("density").asDouble(), 1e-6);
    assertEquals(0.1, whole.get("jaccard_raters").asDouble());
    assertEquals(0.0833, whole.get("jaccard_ratees").asDouble());
    assertEquals(0.0938, whole.get("jaccard_members").asDouble(), "3 of the 32 members");
    assertEquals(round(whole.get("pairs").asDouble() / out.get(0).get("pairs").asDouble()),
        out.get(3).get("pairs_ratio").asDouble());
  }

  @Test
  void withoutInputAndWithoutTheSharedFolderItSkips(@TempDir Path home) throws IOException {
    assertTrue(DenseBlockBenchmark.parse(new String[0], home).isEmpty());
  }

  @Test
  void findsFraudarsReferenceBlockOnTheShared1mFile() throws IOException, InterruptedException {
    Path bench = HOME.resolve("../shared/bench");
    assumeTrue(Files.isRegularFile(bench.resolve("rating_graph.py")), "../shared/bench is absent");
    assumeTrue(new ProcessBuilder("python3", "-c", "import numpy").start().waitFor() == 0, "python3 with numpy is absent");
    List<JsonNode> out = run(HOME, "--sizes", "100000", "--warmup", "0", "--repeat", "1");
    JsonNode whole = out.get(1);
    assertEquals(1_000_000, whole.get("edges").asLong());
    assertEquals(412, whole.get("block_raters").asInt());
    assertEquals(557, whole.get("block_ratees").asInt());
    assertTrue(whole.get("jaccard_members").asDouble() >= 0.95, whole.toString());
  }

  private static List<JsonNode> run(Path home, String... args) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new DenseBlockBenchmark(DenseBlockBenchmark.parse(args, home).orElseThrow())
        .run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(json.readTree(line));
    }
    return lines;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
