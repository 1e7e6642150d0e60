package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {
  @TempDir Path tmp;

  @Test
  void theLatestIsTheLastCompleteCheckpointOfAnyJob() throws Exception {
    assertTrue(RetainedCheckpoints.latest(tmp.resolve("none").toString()).isEmpty(), "no folder: a fresh start");
    assertTrue(RetainedCheckpoints.latest(tmp.toString()).isEmpty(), "no checkpoint: a fresh start");
    checkpoint("job-a/chk-57", "2026-12-05T01:00:00Z");
    // A later job restored from job a's checkpoint, then one started afresh (its numbers begin again).
    checkpoint("job-b/chk-58", "2026-12-05T01:10:00Z");
    Path latest = checkpoint("job-c/chk-3", "2026-12-05T01:20:00Z");
    // Killed while writing its next checkpoint: no metadata yet.
    Files.createDirectories(tmp.resolve("job-c/chk-4"));
    Files.createDirectories(tmp.resolve("job-c/shared"));
    assertEquals(Optional.of(latest.toString()), RetainedCheckpoints.latest(tmp.toString()).map(path -> path.toUri().getPath()));
  }

  private Path checkpoint(String path, String written) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(path));
    Path metadata = Files.writeString(dir.resolve("_metadata"), "x");
    Files.setLastModifiedTime(metadata, FileTime.from(Instant.parse(written)));
    return dir;
  }
}
