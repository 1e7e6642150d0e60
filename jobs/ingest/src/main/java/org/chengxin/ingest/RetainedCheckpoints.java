package org.chengxin.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The checkpoints a continuous ingest retains under its checkpoint folder, as Flink lays them out:
 * {@code DIR/JOB-ID/chk-N/_metadata}, one job folder per start (a restored job gets a new id). A
 * checkpoint is complete once its {@code _metadata} is written: a process killed while it wrote
 * one leaves a folder without it, which is never chosen. Read through Flink's file systems, so the
 * folder may be local or a URI (the default lies beside the warehouse, which may be on HDFS).
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
  static Optional<Path> latest(String dir) {
    Path root = new Path(dir);
    try {
      FileSystem fs = root.getFileSystem();
      if (!fs.exists(root)) {
        return Optional.empty();
      }
      Path latest = null;
      long latestWritten = Long.MIN_VALUE;
      for (FileStatus job : list(fs, root)) {
        for (FileStatus checkpoint : list(fs, job.getPath())) {
          Path metadata = new Path(checkpoint.getPath(), "_metadata");
          if (checkpoint.isDir() && checkpoint.getPath().getName().startsWith("chk-") && fs.exists(metadata)) {
            long written = fs.getFileStatus(metadata).getModificationTime();
            if (written > latestWritten) {
              latest = checkpoint.getPath();
              latestWritten = written;
            }
          }
        }
      }
      return Optional.ofNullable(latest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the checkpoints in " + dir, e);
    }
  }

  private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
    if (!fs.getFileStatus(dir).isDir()) {
      return new FileStatus[0];
    }
    FileStatus[] children = fs.listStatus(dir);
    return children == null ? new FileStatus[0] : children;
  }
}
