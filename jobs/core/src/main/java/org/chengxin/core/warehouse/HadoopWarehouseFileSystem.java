package org.chengxin.core.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@link WarehouseFileSystem} on any Hadoop file system (HDFS, object stores with a Hadoop
 * connector), so a warehouse on a cluster gets the same atomic partition swap. On HDFS a
 * directory rename is atomic; on object stores it is a copy, which the warehouse's trash-and-restore
 * commit still makes safe against a failed run.
 */
public final class HadoopWarehouseFileSystem implements WarehouseFileSystem {

  private final Configuration conf;

  public HadoopWarehouseFileSystem(Configuration conf) {
    this.conf = conf;
  }

  /**
   * Opens the warehouse at {@code root}: a local directory through the local file system, anything
   * else (hdfs://, s3a://, or a bare path when the default file system is not local) through Hadoop.
   */
  public static Warehouse open(String root, Configuration conf) {
    Path path = new Path(root);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (fs instanceof LocalFileSystem) {
        return Warehouse.local(java.nio.file.Path.of(path.toUri().getPath()).toAbsolutePath().toString());
      }
      return new Warehouse(fs.makeQualified(path).toString(), new HadoopWarehouseFileSystem(conf));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open warehouse " + root, e);
    }
  }

  @Override
  public boolean exists(String path) {
    return call(path, fs -> fs.exists(new Path(path)));
  }

  @Override
  public void rename(String from, String to) {
    Path target = new Path(to);
    call(to, fs -> {
      if (fs.exists(target)) {
        throw new IllegalStateException("rename target exists: " + to);
      }
      fs.mkdirs(target.getParent());
      if (!fs.rename(new Path(from), target)) {
        throw new IOException("rename refused: " + from + " -> " + to);
      }
      return null;
    });
  }

  @Override
  public void deleteRecursively(String path) {
    call(path, fs -> fs.delete(new Path(path), true));
  }

  @Override
  public void mkdirs(String path) {
    call(path, fs -> fs.mkdirs(new Path(path)));
  }

  @Override
  public byte[] read(String path) {
    return call(path, fs -> {
      try (InputStream in = fs.open(new Path(path))) {
        return in.readAllBytes();
      }
    });
  }

  @Override
  public void writeAtomically(String path, byte[] content) {
    Path target = new Path(path);
    Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    call(path, fs -> {
      try (OutputStream out = fs.create(temp, false)) {
        out.write(content);
      }
      // Hadoop's rename never replaces: remove the old file first (readers see old or new, or briefly none).
      fs.delete(target, false);
      if (!fs.rename(temp, target)) {
        fs.delete(temp, false);
        throw new IOException("rename refused: " + temp + " -> " + target);
      }
      return null;
    });
  }

  @Override
  public List<String> list(String directory) {
    return call(directory, fs -> {
      Path dir = new Path(directory);
      List<String> names = new ArrayList<>();
      if (fs.exists(dir)) {
        for (FileStatus status : fs.listStatus(dir)) {
          names.add(status.getPath().getName());
        }
      }
      names.sort(null);
      return names;
    });
  }

  private <T> T call(String path, IoFunction<T> action) {
    try {
      return action.apply(new Path(path).getFileSystem(conf));
    } catch (IOException e) {
      throw new UncheckedIOException("warehouse file operation failed on " + path, e);
    }
  }

  @FunctionalInterface
  private interface IoFunction<T> {
    T apply(FileSystem fs) throws IOException;
  }
}
