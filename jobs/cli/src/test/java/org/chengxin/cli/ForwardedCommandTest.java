package org.chengxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class ForwardedCommandTest {
  private final Launcher launcher = new Launcher(Path.of("/repo"), Map.of("CHENGXIN_HEAP", "3g"));

  private ForwardedCommand parse(String... args) {
    ParseResult result = Chengxin.commandLine(launcher).parseArgs(args);
    return (ForwardedCommand) result.subcommand().commandSpec().userObject();
  }

  @Test
  void theJobsOwnArgumentsPassThroughInOrderAndTheLeadingWordBecomesItsOption() {
    ForwardedCommand runJob = parse("run-job", "rater_reliability", "--warehouse", "W", "--date", "2026-11-30",
        "--reliability-start", "cold", "--spark-master", "spark://m:7077");
    assertEquals(List.of("--job", "rater_reliability", "--warehouse", "W", "--date", "2026-11-30",
        "--reliability-start", "cold", "--master", "spark://m:7077"), runJob.forwardedArguments());
  }

  @Test
  void helpIsTheJobsOwnAndTheHeapIsTheCommandsAndNotPassedOn() {
    ForwardedCommand ingest = parse("ingest", "--heap", "4g", "--input", "D", "--help");
    assertEquals(List.of("--input", "D", "--help"), ingest.forwardedArguments());
    assertEquals(Optional.of("4g"), ingest.heap());

    ForwardedCommand show = parse("show", "--help");
    assertEquals(List.of("--help"), show.forwardedArguments(), "a leading option is no table name");
  }

  @Test
  void theDenseBlockBenchmarkRunsInTheGraphModulesJvmWithoutSpark() {
    ForwardedCommand bench = parse("bench-dense-block", "--input", "g1m.csv", "--sizes", "100000", "--repeat", "9");
    assertEquals(List.of("--input", "g1m.csv", "--sizes", "100000", "--repeat", "9"), bench.forwardedArguments());
    JavaMain main = ForwardedCommand.mainOf("bench-dense-block");
    assertEquals("jobs/graph", main.module());
    assertEquals("org.chengxin.graph.fraudar.DenseBlockBenchmark", main.className());
    assertFalse(main.needsSparkFlags(), "the kernel runs without Spark");
  }

  @Test
  void theSparkMasterIsRefusedWhereNoSparkRuns() {
    ForwardedCommand generate = parse("generate", "--out", "O", "--spark-master", "local[2]");
    assertThrows(CommandLine.ParameterException.class, generate::forwardedArguments);
  }

  @Test
  void aStepsJvmGetsItsModulesClasspathTheHeapAndSparksFlagsOnlyWhereSparkRuns(@TempDir Path home) throws IOException {
    for (String module : List.of("jobs/spark", "jobs/ingest")) {
      Files.createDirectories(home.resolve(module + "/target"));
      Files.writeString(home.resolve(module + "/target/classpath.txt"), "/m2/" + module + ".jar\n");
      Files.writeString(home.resolve(module + "/target/classpath-provided.txt"), "/m2/log.jar");
    }
    Launcher local = new Launcher(home, Map.of("CHENGXIN_HEAP", "3g"));
    JavaMain spark = new JavaMain(JavaMain.SPARK, "org.chengxin.jobs.NightlySparkJobs", "6g");
    JavaMain ingest = new JavaMain("jobs/ingest", "org.chengxin.ingest.IngestJob", "6g");

    List<String> sparkCommand = local.command(spark, Optional.empty(), List.of("--date", "2026-11-01"));
    assertTrue(sparkCommand.contains("-Xmx3g"), "CHENGXIN_HEAP when --heap is not given: " + sparkCommand);
    assertTrue(sparkCommand.contains("--add-opens=java.base/java.nio=ALL-UNNAMED"), "Spark's JVM flags from the build");
    assertEquals(List.of(home.resolve("jobs/spark/target/classes") + ":/m2/jobs/spark.jar:/m2/log.jar",
        "org.chengxin.jobs.NightlySparkJobs", "--date", "2026-11-01"), sparkCommand.subList(sparkCommand.size() - 4, sparkCommand.size()));

    List<String> ingestCommand = local.command(ingest, Optional.of("8g"), List.of());
    assertTrue(ingestCommand.contains("-Xmx8g"));
    assertTrue(ingestCommand.stream().noneMatch(arg -> arg.startsWith("--add-opens")), "no Spark flags for Flink");
    assertEquals("6g", new Launcher(home, Map.of()).heap(ingest, Optional.empty()), "the main's own default");
  }

  @Test
  void anIngestOnAFlinkClusterIsGivenTheShadedJobJar(@TempDir Path home) throws IOException {
    Files.createDirectories(home.resolve("jobs/ingest/target"));
    Files.writeString(home.resolve("jobs/ingest/target/classpath.txt"), "/m2/flink.jar\n");
    Launcher launcher = new Launcher(home, Map.of());
    Path jar = Files.createFile(home.resolve("jobs/ingest/target/chengxin-ingest-" + launcher.version() + "-job.jar"));
    JavaMain ingest = ForwardedCommand.mainOf("ingest");

    List<String> onCluster = launcher.command(ingest, Optional.empty(), List.of("--date", "2026-11-01", "--flink-master", "h:8081"));
    assertEquals(List.of("--flink-master", "h:8081", "--job-jar", jar.toString()), onCluster.subList(onCluster.size() - 4, onCluster.size()));
    List<String> embedded = launcher.command(ingest, Optional.empty(), List.of("--date", "2026-11-01"));
    assertEquals(List.of("--date", "2026-11-01"), embedded.subList(embedded.size() - 2, embedded.size()), "an embedded run sends no jar");
  }
}
