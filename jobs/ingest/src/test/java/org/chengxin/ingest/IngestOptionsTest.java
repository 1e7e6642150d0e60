package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.chengxin.core.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestOptionsTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void defaultsForABoundedDay() {
    IngestOptions o = parse("--input", tmp.toString(), "--warehouse", "/w", "--date", "2026-11-01");
    assertEquals(IngestOptions.Mode.BOUNDED, o.mode());
    assertEquals(LocalDate.parse("2026-11-01"), o.date());
    assertEquals("/w/_checkpoints/ingest", o.checkpointDir());
    assertEquals(Duration.ofHours(1), o.allowedLateness());
    assertEquals(30, o.lookbackDays());
  }

  @Test
  void continuousWithDurationsAndSeveralInputs() {
    java.nio.file.Path other = tmp.resolve("..");
    IngestOptions o = parse("--input", tmp + "," + other, "--warehouse", "/w", "--mode", "continuous",
        "--allowed-lateness", "90m", "--max-out-of-orderness", "PT30S", "--checkpoint-interval", "500ms");
    assertTrue(o.continuous());
    assertEquals(List.of(tmp.toString(), other.toString()), o.inputs());
    assertEquals(Duration.ofMinutes(90), o.allowedLateness());
    assertEquals(Duration.ofSeconds(30), o.maxOutOfOrderness());
    assertEquals(Duration.ofMillis(500), o.checkpointInterval());
  }

  @Test
  void rejectsWhatCannotRun() {
    String in = tmp.toString();
    assertThrows(UsageException.class, () -> parse("--input", in, "--warehouse", "/w"));
    assertThrows(UsageException.class, () -> parse("--input", in + "/missing", "--warehouse", "/w", "--date", "2026-11-01"));
    assertThrows(UsageException.class, () -> parse("--input", in, "--warehouse", "/w", "--date", "2026-11-01", "--mode", "fast"));
    assertThrows(UsageException.class, () -> parse("--input", in, "--warehouse", "/w", "--mode", "continuous", "--allowed-lateness", "soon"));
    assertThrows(UsageException.class, () -> parse("--input", in, "--warehouse", "/w", "--date", "2026-11-01", "--parallelism", "0"));
  }

  @Test
  void onAFlinkClusterThePathsAreAbsoluteAndTheJobJarIsRequired() throws java.io.IOException {
    java.nio.file.Path jar = java.nio.file.Files.createFile(tmp.resolve("job.jar"));
    String relativeInput = java.nio.file.Path.of("").toAbsolutePath().relativize(tmp).toString();
    IngestOptions o = parse("--input", relativeInput, "--warehouse", "w", "--date", "2026-11-01",
        "--flink-master", "127.0.0.1:8081", "--job-jar", jar.toString());
    assertEquals(java.net.InetSocketAddress.createUnresolved("127.0.0.1", 8081), o.flinkMaster());
    // The task manager runs elsewhere: relative paths would be resolved against its working folder.
    assertEquals(List.of(tmp.toString()), o.inputs());
    assertEquals(java.nio.file.Path.of("w").toAbsolutePath().toString(), o.warehouse());
    assertEquals(jar, o.jobJar());

    IngestOptions embedded = parse("--input", relativeInput, "--warehouse", "w", "--date", "2026-11-01");
    assertEquals("w", embedded.warehouse(), "embedded runs keep the paths as given");

    String in = tmp.toString();
    assertThrows(UsageException.class, () -> parse("--input", in, "--warehouse", "/w", "--date", "2026-11-01",
        "--flink-master", "127.0.0.1:8081"), "no jar to send");
    assertThrows(UsageException.class, () -> parse("--input", in, "--warehouse", "/w", "--date", "2026-11-01",
        "--flink-master", "127.0.0.1", "--job-jar", jar.toString()), "no port");
  }

  @Test
  void kafkaInputIsContinuousAndInsteadOfFiles() {
    IngestOptions o = parse("--kafka-bootstrap", "127.0.0.1:9092", "--warehouse", "/w", "--mode", "continuous",
        "--restore-from", "latest");
    assertTrue(o.fromKafka());
    assertEquals(List.of(), o.inputs());
    assertEquals("chengxin.", o.kafkaTopicPrefix());
    assertEquals("latest", o.restoreFrom());
    assertEquals("market.", parse("--kafka-bootstrap", "b:9092", "--kafka-topic-prefix", "market.", "--warehouse", "/w",
        "--mode", "continuous").kafkaTopicPrefix());
    assertThrows(UsageException.class, () -> parse("--kafka-bootstrap", "b:9092", "--warehouse", "/w", "--date", "2026-11-01"),
        "a bounded run has no end on a topic");
    assertThrows(UsageException.class, () -> parse("--kafka-bootstrap", "b:9092", "--input", tmp.toString(), "--warehouse", "/w",
        "--mode", "continuous"), "one source or the other");
    assertThrows(UsageException.class, () -> parse("--warehouse", "/w", "--mode", "continuous"), "no source");
  }

  private static IngestOptions parse(String... args) {
    return IngestOptions.parse(args).orElseThrow();
  }
}
