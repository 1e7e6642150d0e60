package org.chengxin.review.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server on a data directory of our own, started with PostgreSQL's own
 * {@code pg_ctl} from the binaries the build ships ({@link PostgresBinaries}). It listens on
 * 127.0.0.1 only, with trust authentication, for this machine's tools.
 *
 * <p>The server outlives the process that started it: every command of {@code scripts/queue} and
 * the nightly run find it running and connect, so reviewers working at the same time share one
 * server and its row locks. {@link #stop()} shuts it down. Starting and stopping are serialised
 * across processes by a file lock beside the data directory.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root, its commands run through
 * {@code unshare --user} (a user namespace where we are not root), which keeps the files owned by
 * the real user: no chown, no second account.
 */
public final class EmbeddedPostgres {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  private static final String SUPERUSER = "postgres";
  private static final int START_TIMEOUT_SECONDS = 60;

  private final Path home;
  private final Path data;

  /** A server whose data directory is {@code home/data}; nothing is created until {@link #start()}. */
  public EmbeddedPostgres(Path home) {
    this.home = home.toAbsolutePath().normalize();
    this.data = this.home.resolve("data");
  }

  /** The review database's home inside a warehouse: {@code WAREHOUSE/_review_db}. */
  public static EmbeddedPostgres inWarehouse(Path warehouse) {
    return new EmbeddedPostgres(warehouse.resolve("_review_db"));
  }

  public Path home() {
    return home;
  }

  /**
   * Starts the server unless it is running already (creating the data directory on first use) and
   * returns its JDBC URL.
   */
  public synchronized String start() {
    try {
      Files.createDirectories(home);
      try (FileChannel channel = FileChannel.open(home.resolve("server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock ignored = channel.lock()) {
        Path bin = PostgresBinaries.home().resolve("bin");
        if (!Files.exists(data.resolve("PG_VERSION"))) {
          initdb(bin);
        }
        Optional<Integer> running = runningPort(bin);
        if (running.isPresent()) {
          return jdbcUrl(running.get());
        }
        int port = freePort();
        LOG.info("starting the embedded PostgreSQL on 127.0.0.1:{} with data in {}", port, data);
        run(bin.resolve("pg_ctl").toString(), "start", "-D", data.toString(), "-l", home.resolve("postgres.log").toString(),
            "-w", "-t", Integer.toString(START_TIMEOUT_SECONDS),
            "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
        return jdbcUrl(port);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL in " + home + " (its log: "
          + home.resolve("postgres.log") + ")", e);
    }
  }

  /** Shuts the server down (fast: open transactions roll back); nothing happens when it is not running. */
  public synchronized void stop() {
    if (!Files.exists(data.resolve("PG_VERSION"))) {
      return;
    }
    try (FileChannel channel = FileChannel.open(home.resolve("server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock ignored = channel.lock()) {
      Path bin = PostgresBinaries.home().resolve("bin");
      if (runningPort(bin).isPresent()) {
        LOG.info("stopping the embedded PostgreSQL in {}", data);
        run(bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast", "-w");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop the embedded PostgreSQL in " + home, e);
    }
  }

  /** Whether a server is running on this data directory. */
  public synchronized boolean isRunning() {
    if (!Files.exists(data.resolve("PG_VERSION"))) {
      return false;
    }
    try {
      return runningPort(PostgresBinaries.home().resolve("bin")).isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void initdb(Path bin) throws IOException {
    if (Files.isDirectory(data)) {
      try (var entries = Files.list(data)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(data + " is not empty but holds no PostgreSQL data directory (no PG_VERSION)");
        }
      }
    }
    LOG.info("creating the review database's data directory {}", data);
    run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "-A", "trust",
        "-E", "UTF-8", "--no-locale", "--no-instructions");
  }

  /** The running server's port: {@code pg_ctl status} says whether it runs, postmaster.pid says where. */
  private Optional<Integer> runningPort(Path bin) throws IOException {
    Process status = command(bin.resolve("pg_ctl").toString(), "status", "-D", data.toString()).start();
    String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (waitFor(status) != 0) {
      return Optional.empty();
    }
    List<String> pid = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
    if (pid.size() < 4) {
      throw new IOException("unreadable postmaster.pid in " + data + "; pg_ctl said: " + output.strip());
    }
    return Optional.of(Integer.parseInt(pid.get(3).strip()));
  }

  private static void run(String... args) throws IOException {
    Process process = command(args).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = waitFor(process);
    if (exit != 0) {
      throw new IOException(Path.of(args[0]).getFileName() + " " + args[1] + " failed (exit " + exit + "): " + output.strip());
    }
  }

  private static ProcessBuilder command(String... args) {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.add("unshare");
      command.add("--user");
      command.add("--");
    }
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
  }

  private static boolean isRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  private static int waitFor(Process process) throws IOException {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + process.info().command().orElse("a PostgreSQL command"), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String jdbcUrl(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SUPERUSER;
  }
}
