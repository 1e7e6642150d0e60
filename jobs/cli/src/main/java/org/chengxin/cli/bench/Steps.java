package org.chengxin.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.chengxin.cli.ForwardedCommand;
import org.chengxin.cli.Launcher;

/**
 * The steps of a benchmark, each a subcommand's main class in a child JVM (through the
 * {@link Launcher}), or an external program: run to their end, their standard output sent on to
 * standard error (results are the benchmark's own lines) or captured, optionally timed with their
 * peak memory. A step that fails ends the benchmark ({@link Failed}).
 */
final class Steps {
  /** Measures a child's peak resident set (GNU time, Debian package {@code time}). */
  static final Path TIME = Path.of("/usr/bin/time");

  /** A step that ended with a non-zero status, or a benchmark that cannot run; the status is the command's. */
  static final class Failed extends RuntimeException {
    private final int status;

    Failed(String message, int status) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /**
   * One timed step: wall seconds from start to exit (JVM start included), its peak resident set in
   * KiB when asked, and its standard output when captured (else empty).
   */
  record Timed(double wallSeconds, OptionalLong peakRssKib, String output) {}

  private final Launcher launcher;
  private final Optional<String> heap;

  Steps(Launcher launcher, Optional<String> heap) {
    this.launcher = launcher;
    this.heap = heap;
  }

  /** The same steps with another JVM heap. */
  Steps withHeap(String otherHeap) {
    return new Steps(launcher, Optional.of(otherHeap));
  }

  Path home() {
    return launcher.home();
  }

  /** Runs subcommand {@code command}'s main with {@code args}; its output goes to standard error. */
  void run(String command, List<String> args) {
    execute(command, args, false, false);
  }

  /** Runs subcommand {@code command}'s main with {@code args}; returns its standard output. */
  String output(String command, List<String> args) {
    return execute(command, args, true, false).output();
  }

  /** Runs and times subcommand {@code command}'s main, with its peak memory if {@code peakRss}. */
  Timed timed(String command, List<String> args, boolean capture, boolean peakRss) {
    return execute(command, args, capture, peakRss);
  }

  /** Starts subcommand {@code command}'s main and returns at once (a step to stop or kill later); its output goes to {@code stdout}. */
  Process start(String command, List<String> args, Redirect stdout) {
    return launcher.start(List.of(), ForwardedCommand.mainOf(command), heap, args, stdout);
  }

  /** Runs an external program to its end; its output goes to standard error. */
  static void external(List<String> command, String missingHint) {
    try {
      Process process = new ProcessBuilder(command).inheritIO().redirectOutput(Redirect.PIPE).start();
      finish(String.join(" ", command), process, false);
    } catch (IOException e) {
      throw new Failed("could not start " + command.get(0) + ": " + missingHint, 2);
    }
  }

  /** Fails unless peak memory can be measured. */
  static void requirePeakMemory() {
    if (!Files.isExecutable(TIME)) {
      throw new Failed(TIME + " is needed for peak memory (Debian package: time)", 2);
    }
  }

  private Timed execute(String command, List<String> args, boolean capture, boolean peakRss) {
    Path rss = null;
    List<String> prefix = List.of();
    try {
      if (peakRss) {
        requirePeakMemory();
        rss = Files.createTempFile("chengxin-peak-rss", ".kib");
        prefix = List.of(TIME.toString(), "-f", "%M", "-o", rss.toString());
      }
      long started = System.nanoTime();
      Process process = launcher.start(prefix, ForwardedCommand.mainOf(command), heap, args, Redirect.PIPE);
      String output = finish(command + " " + String.join(" ", args), process, capture);
      double wall = (System.nanoTime() - started) / 1e9;
      return new Timed(wall, rss == null ? OptionalLong.empty() : OptionalLong.of(peakKib(rss)), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (rss != null) {
        rss.toFile().delete();
      }
    }
  }

  /** Waits for {@code process}, its standard output captured or passed to standard error. */
  private static String finish(String what, Process process, boolean capture) throws IOException {
    String output = "";
    try (InputStream out = process.getInputStream()) {
      if (capture) {
        output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      } else {
        out.transferTo(System.err);
      }
    }
    int status;
    try {
      status = process.waitFor();
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new Failed("interrupted while " + what + " ran", 130);
    }
    if (status != 0) {
      throw new Failed(what + " failed (exit " + status + ")", status);
    }
    return output;
  }

  /** The last line GNU time wrote with {@code -f %M}: the peak resident set in KiB. */
  static long peakKib(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.removeIf(String::isBlank);
    if (lines.isEmpty()) {
      throw new Failed(TIME + " wrote no peak memory to " + file, 2);
    }
    return Long.parseLong(lines.get(lines.size() - 1).trim());
  }

  /** The first line of {@code output} that starts with {@code prefix} (a benchmark main's result line). */
  static String line(String output, String prefix, String what) {
    return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new Failed(what + " printed no line starting with " + prefix, 1));
  }
}
