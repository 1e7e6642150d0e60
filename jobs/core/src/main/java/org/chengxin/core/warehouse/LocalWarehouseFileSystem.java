package org.chengxin.core.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@link WarehouseFileSystem} on a local or POSIX-mounted file system. */
public final class LocalWarehouseFileSystem implements WarehouseFileSystem {

  @Override
  public boolean exists(String path) {
    return Files.exists(Path.of(path));
  }

  @Override
  public void rename(String from, String to) {
    Path target = Path.of(to);
    if (Files.exists(target)) {
      throw new IllegalStateException("rename target exists: " + to);
    }
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.move(Path.of(from), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename " + from + " to " + to, e);
    }
  }

  @Override
  public void deleteRecursively(String path) {
    Path root = Path.of(path);
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException ignored) {
      // deleted concurrently: the goal is reached
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  @Override
  public void mkdirs(String path) {
    try {
      Files.createDirectories(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + path, e);
    }
  }

  @Override
  public byte[] read(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  @Override
  public void writeAtomically(String path, byte[] content) {
    Path target = Path.of(path).toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      Files.write(temp, content);
      readableByAll(temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /**
   * A temporary file is made readable by its owner only; the file it becomes is read by others (a
   * web server serving an export, a dashboard reading run summaries), as the tables' files are.
   */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own defaults apply
    }
  }

  @Override
  public List<String> list(String directory) {
    Path dir = Path.of(directory);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      List<String> names = new ArrayList<>();
      children.forEach(p -> names.add(p.getFileName().toString()));
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }
}
