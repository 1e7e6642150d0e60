package org.chengxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVMs record an archive, then map the main's class from it. */
class ClassDataArchiveTest {

  private static final String CLASS_FILE = "org/chengxin/cli/ArchivedMain.class";

  @TempDir Path home;
  private Path classes;
  private JavaMain main;

  @BeforeEach
  void aModuleWithOneMain() throws Exception {
    classes = home.resolve("jobs/demo/target/classes");
    Path target = classes.resolve(CLASS_FILE);
    Files.createDirectories(target.getParent());
    Files.copy(Path.of(ArchivedMain.class.getResource("ArchivedMain.class").toURI()), target);
    main = new JavaMain("jobs/demo", ArchivedMain.class.getName(), "64m");
  }

  @Test
  void theFirstRunRecordsTheArchiveAndTheNextMapsTheMainFromIt() throws Exception {
    ClassDataArchive archives = new ClassDataArchive(home);
    ClassDataArchive.Use first = archives.prepare(main, List.of(classes.toString()), List.of("a")).orElseThrow();
    assertTrue(first.recording().isPresent(), "no archive yet: the run records one");
    Path jar = Path.of(first.classpath());
    try (JarFile contents = new JarFile(jar.toFile())) {
      assertTrue(contents.getEntry(CLASS_FILE) != null, "the module's classes run from a jar");
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertTrue(loader.getResource("org/chengxin/cli") != null, "a folder is found as resource scanners (Flyway) look for it");
    }
    assertEquals(0, run(first, List.of()).status());
    first.finish(0);
    assertTrue(Files.isRegularFile(first.archive()));
    assertFalse(Files.exists(first.recording().get()), "the recording was moved into place");

    ClassDataArchive.Use second = archives.prepare(main, List.of(classes.toString()), List.of("b")).orElseThrow();
    assertTrue(second.recording().isEmpty());
    Result mapped = run(second, List.of("-Xlog:class+load=info"));
    assertEquals(0, mapped.status());
    assertTrue(mapped.output().lines().anyMatch(line -> line.contains(ArchivedMain.class.getName() + " source: shared objects file")),
        "the main class came from the archive:\n" + mapped.output());
  }

  @Test
  void aFailedRunKeepsNoArchive() throws Exception {
    ClassDataArchive.Use use = new ClassDataArchive(home).prepare(main, List.of(classes.toString()), List.of()).orElseThrow();
    run(use, List.of());
    use.finish(1);
    assertFalse(Files.exists(use.archive()));
    assertFalse(Files.exists(use.recording().get()));
  }

  @Test
  void aChangedClassRemakesTheJarAndRecordsAgain() throws Exception {
    ClassDataArchive archives = new ClassDataArchive(home);
    ClassDataArchive.Use first = archives.prepare(main, List.of(classes.toString()), List.of()).orElseThrow();
    run(first, List.of());
    first.finish(0);
    Path jar = Path.of(first.classpath());
    FileTime made = Files.getLastModifiedTime(jar);
    Files.setLastModifiedTime(classes.resolve(CLASS_FILE), FileTime.from(Instant.now().plusSeconds(60)));

    ClassDataArchive.Use again = archives.prepare(main, List.of(classes.toString()), List.of()).orElseThrow();
    assertTrue(Files.getLastModifiedTime(jar).compareTo(made) > 0, "the jar was made again");
    assertTrue(again.recording().isPresent(), "an archive older than its jars is recorded again");
    assertFalse(Files.exists(again.archive()));
  }

  @Test
  void helpDryAndContinuousRunsRecordNothingAndOtherFoldersRunAsTheyAre() throws IOException {
    ClassDataArchive archives = new ClassDataArchive(home);
    assertEquals(Optional.empty(), archives.prepare(main, List.of(classes.toString()), List.of("--help")));
    assertEquals(Optional.empty(), archives.prepare(main, List.of(classes.toString()), List.of("--dry-run")));
    assertEquals(Optional.empty(), archives.prepare(main, List.of(classes.toString()), List.of("--mode", "continuous")));
    assertFalse(Files.exists(home.resolve("target/class-archive/jars")), "runs that record nothing make no jar");
    Path other = Files.createDirectories(home.resolve("somewhere/else"));
    assertEquals(Optional.empty(), archives.prepare(main, List.of(classes.toString(), other.toString()), List.of()));
  }

  private record Result(int status, String output) {}

  private Result run(ClassDataArchive.Use use, List<String> moreFlags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(use.flags());
    command.addAll(moreFlags);
    command.addAll(List.of("-cp", use.classpath(), main.className()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    return new Result(process.waitFor(), output);
  }
}
