package org.chengxin.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A class-data archive (the JDK's dynamic AppCDS) per main class, in {@code target/class-archive/}:
 * the classes a run of the main loaded, already parsed and verified, mapped into the next run's
 * JVM instead of being read from jars again. An engine's JVM loads tens of thousands of classes
 * before its first row; mapping them saved a seventh of a sample day's Spark wall time (docs/rings.md).
 *
 * <p>The first successful run of a main records the archive as it exits (that run is slower by the
 * dump: 40 s for the Spark jobs here); later runs use it. An archive only holds classes from jars,
 * so the checkout's module class folders run from jars made of them here, remade when a class changes; an archive
 * older than any of its jars is recorded again. A run that fails, asks for help, is a dry run or a
 * continuous ingest records nothing, and a recording becomes the archive only once its run has
 * exited 0 (moved into place, so a killed run leaves none half-written).
 * {@code CHENGXIN_CLASS_ARCHIVE=off} runs without.
 */
final class ClassDataArchive {

  /** Environment switch: {@code off} runs every JVM without an archive. */
  static final String SWITCH = "CHENGXIN_CLASS_ARCHIVE";

  /** Help and dry runs load few classes: they record nothing. */
  private static final List<String> NOT_RECORDED = List.of("--help", "-h", "--dry-run", "--version", "-V");

  private final Path home;
  private final Path folder;

  ClassDataArchive(Path home) {
    this.home = home.toAbsolutePath().normalize();
    this.folder = this.home.resolve("target/class-archive");
  }

  /**
   * How one run of {@code main} uses the archive.
   *
   * @param flags the JVM flags to add
   * @param classpath the classpath to run with (jars only)
   * @param recording where this run records an archive at its exit, if it does
   */
  record Use(List<String> flags, String classpath, Optional<Path> recording, Path archive) {
    /** After the run: a recording of a run that exited 0 becomes the archive; any other is deleted. */
    void finish(int status) {
      if (recording.isEmpty()) {
        return;
      }
      Path recorded = recording.get();
      try {
        if (status == 0 && Files.isRegularFile(recorded) && Files.size(recorded) > 0) {
          Files.move(recorded, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.deleteIfExists(recorded);
        }
      } catch (IOException e) {
        // The archive only saves time: a run is never failed for it.
        System.err.println("[chengxin] class-data archive not kept: " + e.getMessage());
      }
    }
  }

  /**
   * The flags and classpath for one run of {@code main}, or empty when it runs as it is: the
   * classpath has a folder that is not a module's classes in the checkout, or the run records
   * nothing and finds no archive (then no jar is made either).
   *
   * @param classpath the run's classpath entries (jars, and module class folders of the checkout)
   */
  Optional<Use> prepare(JavaMain main, List<String> classpath, List<String> args) {
    Path archive = folder.resolve(main.className() + ".jsa");
    boolean records = args.stream().noneMatch(NOT_RECORDED::contains) && !continuous(args);
    if (!records && !Files.isRegularFile(archive)) {
      return Optional.empty();
    }
    try {
      Files.createDirectories(folder.resolve("jars"));
      List<Path> jars = new ArrayList<>();
      for (String entry : classpath) {
        Path path = Path.of(entry);
        if (Files.isDirectory(path)) {
          Path absolute = path.toAbsolutePath().normalize();
          if (!absolute.startsWith(home) || !absolute.endsWith(Path.of("target", "classes"))) {
            return Optional.empty();
          }
          jars.add(jarOf(absolute));
        } else if (Files.isRegularFile(path)) {
          jars.add(path);
        }
      }
      String jarPath = String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
      if (Files.isRegularFile(archive) && !olderThanAny(archive, jars)) {
        return Optional.of(new Use(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off"), jarPath, Optional.empty(), archive));
      }
      if (!records) {
        return Optional.empty();
      }
      Files.deleteIfExists(archive);
      Path recording = Files.createTempFile(folder, main.className() + "-", ".jsa.recording");
      // The JVM writes the archive itself and refuses an existing file.
      Files.delete(recording);
      // The dump warns about every class it cannot keep (generated accessors, old class files):
      // into a log beside the archive, not the job's output.
      return Optional.of(new Use(List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds*=off",
              "-Xlog:cds*=warning:file=" + folder.resolve(main.className() + ".log")),
          jarPath, Optional.of(recording), archive));
    } catch (IOException e) {
      System.err.println("[chengxin] running without a class-data archive: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A continuous ingest ({@code --mode continuous}) ends only when stopped: its exit is no place for a dump. */
  private static boolean continuous(List<String> args) {
    int mode = args.indexOf("--mode");
    return args.contains("--mode=continuous") || (mode >= 0 && mode + 1 < args.size() && args.get(mode + 1).equals("continuous"));
  }

  /** A jar of a module's class folder, made again when any file in the folder is newer than it. */
  private Path jarOf(Path classes) throws IOException {
    // HOME/jobs/spark/target/classes -> jobs-spark.jar, HOME/models/target/classes -> models.jar
    String module = home.relativize(classes.getParent().getParent()).toString().replace(File.separatorChar, '-');
    Path jar = folder.resolve("jars").resolve(module + ".jar");
    if (Files.isRegularFile(jar) && !newerFileIn(classes, Files.getLastModifiedTime(jar))) {
      return jar;
    }
    Path building = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".building");
    try (OutputStream out = Files.newOutputStream(building); JarOutputStream jarOut = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(file -> !file.equals(classes)).sorted().toList()) {
        String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
        // Folders get entries too, as the jar tool writes them: resource scanners (Flyway's
        // migrations) list a folder through its entry.
        boolean folder = Files.isDirectory(file);
        jarOut.putNextEntry(new JarEntry(folder ? name + "/" : name));
        if (!folder) {
          Files.copy(file, jarOut);
        }
        jarOut.closeEntry();
      }
    }
    Files.move(building, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return jar;
  }

  private static boolean newerFileIn(Path folder, FileTime than) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.anyMatch(file -> {
        try {
          return Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean olderThanAny(Path archive, List<Path> jars) throws IOException {
    FileTime recorded = Files.getLastModifiedTime(archive);
    for (Path jar : jars) {
      if (Files.getLastModifiedTime(jar).compareTo(recorded) > 0) {
        return true;
      }
    }
    return false;
  }
}
