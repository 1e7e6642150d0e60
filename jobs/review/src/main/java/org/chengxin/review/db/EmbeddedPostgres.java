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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server on a data directory of our own, started with PostgreSQL's own
 * {@code pg_ctl} from the binaries the build ships ({@link PostgresBinaries}). It listens on
 * 127.0.0.1 only and asks every connection for a password (SCRAM-SHA-256): another account on the
 * machine reaching the port gets nowhere. Two roles: the superuser {@code postgres}, for the
 * migrations and the server's own care, and {@value #APPLICATION_ROLE}, no superuser, that the
 * console, the terminal queue and the nightly sync connect as, with only the rights to read and write
 * the queue's rows ({@link #applicationUrl}). Their random passwords are kept in
 * {@code superuser.password} and {@code application.password} beside the data directory, readable
 * by their owner only. A data directory made when the server trusted every local connection is
 * moved to passwords the first time it is started by this version.
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
  /** The role the applications connect as: no superuser, owner of nothing, only the queue's rows to read and write. */
  public static final String APPLICATION_ROLE = "chengxin_app";
  private static final int START_TIMEOUT_SECONDS = 60;
  // Serialises the role's set-up across processes (two GRANTs at once can fail with "tuple concurrently updated").
  private static final long ROLE_LOCK = 0x6368656e67786eL;

  private final Path home;
  private final Path data;
  private final Path superuserPassword;
  private final Path applicationPassword;
  /** The port {@link #start()} found or started the server on; 0 before. */
  private int port;

  /** A server whose data directory is {@code home/data}; nothing is created until {@link #start()}. */
  public EmbeddedPostgres(Path home) {
    this.home = home.toAbsolutePath().normalize();
    this.data = this.home.resolve("data");
    this.superuserPassword = this.home.resolve("superuser.password");
    this.applicationPassword = this.home.resolve("application.password");
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
   * returns the superuser's JDBC URL, password included: for migrations and set-up, not for the
   * applications ({@link #applicationUrl}).
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
        port = running.isPresent() ? running.get() : freePort();
        if (running.isEmpty()) {
          LOG.info("starting the embedded PostgreSQL on 127.0.0.1:{} with data in {}", port, data);
          run(bin.resolve("pg_ctl").toString(), "start", "-D", data.toString(), "-l", home.resolve("postgres.log").toString(),
              "-w", "-t", Integer.toString(START_TIMEOUT_SECONDS),
              "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
        }
        if (trustsConnections()) {
          requirePasswords(bin, port);
        }
        return jdbcUrl(port, SUPERUSER, secret(superuserPassword));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not move the embedded PostgreSQL in " + home + " to password authentication", e);
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
    secret(superuserPassword);
    run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "-A", "scram-sha-256",
        "--pwfile=" + superuserPassword, "-E", "UTF-8", "--no-locale", "--no-instructions");
  }

  /**
   * The applications' JDBC URL: {@value #APPLICATION_ROLE}, made on first use, with the rights to
   * read and write every table of the queue's schema but {@code flyway_schema_history} and nothing
   * else (no DDL: it owns no table, so it can neither alter them nor drop their triggers).
   * Called after {@link #start()} and the migrations (the tables must exist to be granted).
   */
  public synchronized String applicationUrl() throws SQLException {
    if (port == 0) {
      throw new IllegalStateException("the embedded PostgreSQL in " + home + " was not started by this process");
    }
    String password;
    String superuserUrl;
    try {
      superuserUrl = jdbcUrl(port, SUPERUSER, secret(superuserPassword));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection c = DriverManager.getConnection(superuserUrl); Statement sql = c.createStatement()) {
      c.setAutoCommit(false);
      sql.execute("SELECT pg_advisory_xact_lock(" + ROLE_LOCK + ")");
      // Read or made under the lock: two processes on their first use would otherwise each make one.
      try {
        password = secret(applicationPassword);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try (ResultSet exists = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APPLICATION_ROLE + "'")) {
        if (!exists.next()) {
          sql.execute("CREATE ROLE " + APPLICATION_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
        }
      }
      // The password is hex (below), so it is a safe literal; the server stores only its SCRAM verifier.
      sql.execute("ALTER ROLE " + APPLICATION_ROLE + " PASSWORD '" + password + "'");
      sql.execute("GRANT USAGE ON SCHEMA public TO " + APPLICATION_ROLE);
      sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + APPLICATION_ROLE);
      sql.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + APPLICATION_ROLE);
      sql.execute("REVOKE ALL ON TABLE flyway_schema_history FROM " + APPLICATION_ROLE);
      c.commit();
    }
    return jdbcUrl(port, APPLICATION_ROLE, password);
  }

  /** Whether pg_hba.conf still lets connections in without a password (a data directory of an earlier version). */
  private boolean trustsConnections() throws IOException {
    return Files.readAllLines(data.resolve("pg_hba.conf"), StandardCharsets.UTF_8).stream()
        .map(String::strip).anyMatch(line -> !line.startsWith("#") && line.matches(".*\\strust$"));
  }

  /**
   * Moves a trusting server to passwords: gives the superuser one (through the trusted connection,
   * the last one), then has every pg_hba.conf line ask for SCRAM and the server reload it.
   */
  private void requirePasswords(Path bin, int port) throws IOException, SQLException {
    LOG.info("moving the embedded PostgreSQL in {} from trust to password (SCRAM) authentication", data);
    try (Connection c = DriverManager.getConnection(jdbcUrl(port, SUPERUSER, null)); Statement sql = c.createStatement()) {
      sql.execute("SET password_encryption = 'scram-sha-256'");
      sql.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + secret(superuserPassword) + "'");
    }
    Path hba = data.resolve("pg_hba.conf");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
      lines.add(line.strip().startsWith("#") ? line : line.replaceFirst("\\btrust\\s*$", "scram-sha-256"));
    }
    Files.write(hba, lines, StandardCharsets.UTF_8);
    run(bin.resolve("pg_ctl").toString(), "reload", "-D", data.toString());
  }

  /** The password kept in {@code file}, made (32 random bytes as hex, readable by the owner only) when there is none. */
  private static String secret(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temp, password + "\n", StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    return password;
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

  private static String jdbcUrl(int port, String user, String password) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + user + (password == null ? "" : "&password=" + password);
  }
}
