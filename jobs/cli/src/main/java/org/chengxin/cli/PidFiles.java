package org.chengxin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The background processes a command starts and stops later (the loopback clusters, the Kafka
 * broker), one {@code NAME.pid} file each in a folder, their output in {@code logs/NAME.log}.
 * A pid file holds the process id and its start time: a pid the system later gives another
 * process is not ours to stop.
 */
final class PidFiles {
  private final Path dir;

  PidFiles(Path dir) {
    this.dir = dir;
  }

  /** Starts one process, its output in logs/NAME.log, and records its pid file. */
  Process start(String name, ProcessBuilder builder) throws IOException {
    Files.createDirectories(dir.resolve("logs"));
    Process process = builder.redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
    Files.writeString(dir.resolve(name + ".pid"),
        process.pid() + " " + process.toHandle().info().startInstant().map(Object::toString).orElse(""));
    return process;
  }

  Path log(String name) {
    return dir.resolve("logs/" + name + ".log");
  }

  /**
   * The recorded processes still running: a live process under a recorded pid counts only if it
   * started when the recorded one did.
   */
  List<ProcessHandle> alive() throws IOException {
    List<ProcessHandle> alive = new ArrayList<>();
    for (Path pid : pidFiles()) {
      String[] recorded = Files.readString(pid).trim().split(" ", 2);
      String started = recorded.length > 1 ? recorded[1] : "";
      ProcessHandle.of(Long.parseLong(recorded[0]))
          .filter(ProcessHandle::isAlive)
          .filter(p -> started.isEmpty() || p.info().startInstant().map(Object::toString).orElse("").equals(started))
          .ifPresent(alive::add);
    }
    return alive;
  }

  /** Stops every recorded process still running (killed after 20 s) and deletes the pid files; returns how many ran. */
  int stopAll() throws IOException {
    List<ProcessHandle> running = alive();
    running.forEach(ProcessHandle::destroy);
    for (ProcessHandle process : running) {
      try {
        process.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception notYet) {
        process.destroyForcibly();
      }
    }
    for (Path pid : pidFiles()) {
      Files.delete(pid);
    }
    return running.size();
  }

  private List<Path> pidFiles() throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".pid")).toList();
    }
  }
}
