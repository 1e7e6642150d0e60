package org.chengxin.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.review.AccountStore;
import org.chengxin.review.AuditLog;
import org.chengxin.review.CaseStore;
import org.chengxin.review.Channel;
import org.chengxin.review.PasswordHash;
import org.chengxin.review.QueueStats;
import org.chengxin.review.cli.DatabaseOptions;
import org.chengxin.review.db.ReviewDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scripts/console}: the review console on the JDK's own HTTP server (no framework to keep up
 * to date; the pages are plain forms). It listens on 127.0.0.1 by default: anything wider goes
 * through a reverse proxy that terminates TLS (see {@code --base-path} and {@code --secure-cookies}).
 */
public final class ConsoleServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
  // Requests are short database round trips; a few threads serve a team of reviewers.
  private static final int THREADS = 8;

  private final HttpServer server;
  private final ExecutorService threads;
  private final Duck duck;

  /**
   * Starts serving the review database {@code db}, with the evidence of the warehouse at {@code tables}
   * and the risk models' held-out figures under {@code models}; {@code settings.port()} 0 takes a free port.
   */
  public ConsoleServer(ReviewDatabase db, Path tables, Path models, Clock clock, PasswordHash hashes, ConsoleSettings settings)
      throws IOException, SQLException {
    duck = new Duck();
    Partitions partitions = new Partitions(tables, duck);
    WarehouseEvidence evidence = new WarehouseEvidence(partitions, duck);
    // Before listening: the first reviewers' pages then read memory, not each a copy of the partitions it needs.
    long warming = System.nanoTime();
    int copies = evidence.warm();
    LOG.info("stage=console warm partitions={} seconds={}", copies, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - warming) / 1e9));
    Console console = new Console(new CaseStore(db, clock, Channel.CONSOLE), new AccountStore(db, clock, hashes), new AuditLog(db),
        new QueueStats(db), evidence, new DashboardFigures(partitions, models, duck), clock, settings);
    server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 64);
    server.createContext("/", console);
    threads = Executors.newFixedThreadPool(THREADS);
    server.setExecutor(threads);
    server.start();
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    try {
      duck.close();
    } catch (SQLException e) {
      LOG.warn("closing the console's DuckDB failed: {}", e.getClass().getName());
    }
  }

  public static void main(String[] args) {
    Arguments.runMain(() -> run(args, System.getenv()));
  }

  /** The repository's models/risk (the scripts set CHENGXIN_HOME), else ./models/risk, as the nightly's seller_risk finds it. */
  private static Path repositoryModels(Map<String, String> env) {
    String home = env.get("CHENGXIN_HOME");
    return (home == null ? Path.of("") : Path.of(home)).resolve("models").resolve("risk").toAbsolutePath();
  }

  private static void run(String[] args, Map<String, String> env) throws Exception {
    Arguments cli = new Arguments("scripts/console", "Serves the review console: the queue, each case with its evidence, and"
        + " decisions, for the accounts made with `scripts/chengxin console-user add` (docs/console.md).");
    Arg<String> bind = cli.text("bind", "ADDRESS", "address to listen on (127.0.0.1: this machine only)", "127.0.0.1");
    Arg<Long> port = cli.whole("port", "PORT", "port to listen on (0: any free port)", 8470, 0, 65535);
    Arg<String> basePath = cli.text("base-path", "PATH",
        "the path prefix a reverse proxy serves the console under, like /review (default: none)");
    Arg<Boolean> secure = cli.flag("secure-cookies", "mark the session cookie Secure (the proxy in front speaks HTTPS)");
    Arg<Path> tables = cli.path("tables", "DIR", "warehouse whose Parquet tables the case page reads (default: the --warehouse)");
    Arg<Path> models = cli.path("models", "DIR",
        "the risk model versions, for the dashboard's calibration (default: models/risk of the repository)");
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, System.out)) {
      return;
    }
    DatabaseOptions where = database.get();
    ConsoleSettings settings = new ConsoleSettings(bind.value(), port.value().intValue(), basePath.optional().orElse(""),
        secure.value());
    ConsoleServer server = new ConsoleServer(where.open(), tables.optional().orElse(where.warehouse()),
        models.optional().orElse(repositoryModels(env)), Clock.systemUTC(),
        new PasswordHash(), settings);
    LOG.info("stage=console listening={}:{} base_path={}", settings.bindAddress(), server.port(), settings.basePath());
    System.out.println("console at http://" + settings.bindAddress() + ":" + server.port() + "/ (Ctrl-C stops it)");
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
  }
}
