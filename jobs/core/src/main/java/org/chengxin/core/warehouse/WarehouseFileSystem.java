package org.chengxin.core.warehouse;

import java.util.List;

/**
 * The few file operations the warehouse conventions need. Local runs use
 * {@link LocalWarehouseFileSystem}; an engine can supply one backed by its own file system
 * abstraction (Hadoop, Flink) for cluster storage. Paths are plain strings: local paths or URIs.
 */
public interface WarehouseFileSystem {

  boolean exists(String path);

  /** Renames a file or directory; the target must not exist. Atomic where the store allows. */
  void rename(String from, String to);

  /** Deletes a file or directory tree; no error if it does not exist. */
  void deleteRecursively(String path);

  void mkdirs(String path);

  byte[] read(String path);

  /** Writes a whole small file atomically (temporary file, then rename over the target). */
  void writeAtomically(String path, byte[] content);

  /** Names (not paths) of the direct children of a directory, sorted; empty if it does not exist. */
  List<String> list(String directory);
}
