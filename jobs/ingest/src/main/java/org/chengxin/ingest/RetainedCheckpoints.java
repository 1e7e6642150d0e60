package org.chengxin.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints a continuous ingest retains under its checkpoint folder, as Flink lays them out:
 * {@code DIR/JOB-ID/chk-N/_metadata}, one job folder per start (a restored job gets a new id). A
 * checkpoint is complete once its {@code _metadata} is written: a process killed while it wrote
 * one leaves a folder without it, which is never chosen.
 */
final class RetainedCheckpoints {
  /** What {@code --restore-from} takes for {@link #latest}. */
  static final String LATEST = "latest";

  private RetainedCheckpoints() {}

  /**
   * The complete checkpoint written last under {@code dir}, whichever job wrote it (by the time its
   * metadata was written: checkpoint numbers restart with a job started afresh); empty when there
   * is none.
   */
  static Optional<Path> latest(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> metadata = Files.find(dir, 3, (path, attributes) -> path.getFileName().toString().equals("_metadata")
        && path.getParent().getFileName().toString().startsWith("chk-"))) {
      return metadata.max(Comparator.comparing(RetainedCheckpoints::modified)).map(Path::getParent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the checkpoints in " + dir, e);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
