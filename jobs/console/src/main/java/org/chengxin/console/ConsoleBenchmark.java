package org.chengxin.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.review.AccountStore;
import org.chengxin.review.CaseStore;
import org.chengxin.review.Channel;
import org.chengxin.review.Evidence;
import org.chengxin.review.FlaggedSeller;
import org.chengxin.review.PasswordHash;
import org.chengxin.review.RecommendedAction;
import org.chengxin.review.Role;
import org.chengxin.review.db.EmbeddedPostgres;
import org.chengxin.review.db.ReviewDatabase;

/**
 * {@code scripts/bench-console}: the console under load, on loopback only. A fresh embedded
 * PostgreSQL in a temporary folder gets {@code --cases} open cases and one account per session;
 * {@code --sessions} reviewers then log in through the console and, until {@code --seconds} have
 * passed, each loads the queue page, takes a case shown on it, loads the case page and decides the
 * case. It prints the cases decided, those decided twice and those lost (both must be 0: checked
 * against the database, not only the sessions' own counts), and the 95th percentile of the queue
 * and case pages in milliseconds. The folder is deleted at the end.
 */
public final class ConsoleBenchmark {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static final String PASSWORD = "benchmark password of a reviewer";

  private ConsoleBenchmark() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/bench-console", "The console under load on loopback: --sessions reviewers taking and deciding "
        + "cases of a fresh queue of --cases for --seconds; prints the cases decided, none twice, none lost, and the queue and case pages' p95.");
    Arg<Long> caseCount = cli.whole("cases", "N", "open cases in the queue at the start", 100_000, 1, 10_000_000);
    Arg<Long> sessionCount = cli.whole("sessions", "N", "concurrent reviewer sessions", 8, 1, 64);
    Arg<Long> seconds = cli.whole("seconds", "S", "how long the sessions work", 120, 1, 3600);
    Arg<Path> tables = cli.path("tables", "DIR", "a warehouse the case pages read their evidence from: "
        + "the sellers of its latest seller_features partition get every --evidence-every'th case from the top (default: none, an empty folder)");
    Arg<Long> evidenceEvery = cli.whole("evidence-every", "N", "with --tables, every Nth case by priority is a warehouse seller's", 25, 1, 1_000_000);
    if (!cli.parse(args, System.out)) {
      return;
    }
    Path folder = Files.createTempDirectory("chengxin-bench-console");
    EmbeddedPostgres postgres = new EmbeddedPostgres(folder.resolve("postgres"));
    try {
      ReviewDatabase db = ReviewDatabase.embedded(postgres);
      int cases = caseCount.value().intValue();
      int sessions = sessionCount.value().intValue();
      long seeding = System.nanoTime();
      Path warehouse = tables.optional().orElse(Files.createDirectories(folder.resolve("warehouse")));
      WarehouseSellers known = WarehouseSellers.of(warehouse);
      int every = evidenceEvery.value().intValue();
      seed(db, cases, sessions, known, every);
      String theirs = known.sellers().isEmpty() ? "no warehouse sellers" : String.format(Locale.ROOT,
          "%,d of them the warehouse's sellers of %s, one in %d by priority from the top", Math.min((cases + every - 1) / every,
              known.sellers().size()), known.day(), every);
      System.out.printf(Locale.ROOT, "seeded %,d open cases (%s) and %d reviewer accounts in %.1f s%n", cases, theirs, sessions,
          (System.nanoTime() - seeding) / 1e9);
      ConsoleSettings loopback = new ConsoleSettings("127.0.0.1", 0, "", false);
      try (ConsoleServer server = new ConsoleServer(db, warehouse, folder.resolve("models"), Clock.systemUTC(), new PasswordHash(), loopback)) {
        long working = System.nanoTime();
        List<BenchReviewer.Outcome> outcomes = work(server.port(), sessions, seconds.value());
        report(db, cases, (System.nanoTime() - working) / 1e9, outcomes, known);
      }
    } finally {
      postgres.stop();
      deleteTree(folder);
    }
  }

  /**
   * The sellers of the warehouse's latest {@code seller_features} partition and its day: the
   * benchmark's top cases are theirs, so each case page reads real evidence (none without a warehouse).
   */
  record WarehouseSellers(List<String> sellers, LocalDate day) {
    static WarehouseSellers of(Path warehouse) throws SQLException {
      try (Duck duck = new Duck(); Connection c = duck.connect()) {
        Partitions partitions = new Partitions(warehouse, duck);
        Optional<LocalDate> latest = partitions.days(SellerFeatures.TABLE).stream().max(Comparator.naturalOrder());
        if (latest.isEmpty()) {
          return new WarehouseSellers(List.of(), DAY);
        }
        DuckQuery ids = DuckQuery.run(c, "SELECT DISTINCT seller_id FROM " + partitions.latest(SellerFeatures.TABLE).orElseThrow()
            + " ORDER BY seller_id");
        return new WarehouseSellers(ids.rows().stream().map(row -> (String) row.get(0)).toList(), latest.get());
      }
    }
  }

  /**
   * {@code cases} open cases (warnings: a confirmed one is decided at once, no second reviewer) and
   * the reviewers' accounts. The warehouse's sellers, if any, hold every {@code evidenceEvery}th
   * case by priority from the top: the sessions meet them all through the run, not only in its
   * first seconds, while the JVM compiles and the reviewers' logins hash their passwords.
   */
  private static void seed(ReviewDatabase db, int cases, int sessions, WarehouseSellers known, int evidenceEvery) throws SQLException {
    List<FlaggedSeller> flagged = new ArrayList<>(cases);
    for (int rank = 0; rank < cases; rank++) {
      Evidence evidence = new Evidence(List.of("ring-" + (rank % 997)), List.of(), List.of(), List.of());
      int warehouseSeller = rank % evidenceEvery == 0 ? rank / evidenceEvery : Integer.MAX_VALUE;
      boolean inWarehouse = warehouseSeller < known.sellers().size();
      double priority = 1 - rank / (double) cases;
      LocalDate day = inWarehouse ? known.day() : DAY;
      flagged.add(new FlaggedSeller(inWarehouse ? known.sellers().get(warehouseSeller) : String.format("seller-%07d", rank), priority,
          List.of("in a rating ring"), evidence, RecommendedAction.WARN, day, day, evidence.fingerprint()));
    }
    new CaseStore(db, Clock.systemUTC()).sync(known.day().isAfter(DAY) ? known.day() : DAY, flagged);
    AccountStore accounts = new AccountStore(db, Clock.systemUTC(), new PasswordHash());
    for (int i = 0; i < sessions; i++) {
      accounts.create(reviewer(i), Role.REVIEWER, PASSWORD.toCharArray(), Channel.CONSOLE_USER);
    }
  }

  private static String reviewer(int i) {
    return "bench-reviewer-" + i;
  }

  /** Every session's outcome, after {@code seconds} of work. */
  private static List<BenchReviewer.Outcome> work(int port, int sessions, long seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ConcurrentHashMap<Long, String> decidedBy = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(sessions);
    try {
      List<Future<BenchReviewer.Outcome>> running = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        BenchReviewer reviewer = new BenchReviewer("http://127.0.0.1:" + port, reviewer(i), PASSWORD, i);
        running.add(pool.submit(() -> reviewer.work(deadline, decidedBy)));
      }
      List<BenchReviewer.Outcome> outcomes = new ArrayList<>();
      for (Future<BenchReviewer.Outcome> outcome : running) {
        outcomes.add(outcome.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void report(ReviewDatabase db, int cases, double seconds, List<BenchReviewer.Outcome> outcomes, WarehouseSellers known)
      throws SQLException {
    long decided = outcomes.stream().mapToLong(BenchReviewer.Outcome::decided).sum();
    long twiceBySessions = outcomes.stream().mapToLong(BenchReviewer.Outcome::decidedTwice).sum();
    List<Long> queue = new ArrayList<>();
    List<Long> casePage = new ArrayList<>();
    outcomes.forEach(o -> {
      queue.addAll(o.queueMillis());
      casePage.addAll(o.caseMillis());
    });
    long conflicts = outcomes.stream().mapToLong(BenchReviewer.Outcome::takeConflicts).sum();
    try (Connection c = db.connection(); Statement sql = c.createStatement()) {
      long decisions = single(sql, "SELECT count(*) FROM decisions");
      long twiceInDb = single(sql, "SELECT count(*) FROM (SELECT case_id FROM decisions GROUP BY case_id HAVING count(*) > 1) twice");
      long decidedCases = single(sql, "SELECT count(*) FROM cases WHERE status IN ('confirmed', 'cleared')");
      long open = single(sql, "SELECT count(*) FROM cases WHERE status = 'open'");
      long inReview = single(sql, "SELECT count(*) FROM cases WHERE status = 'in_review'");
      // Lost: a case the sessions decided without a decision row, or one that left the queue without a decision.
      long lost = Math.abs(decided - decisions) + (cases - open - decidedCases) + inReview;
      System.out.printf(Locale.ROOT, "%d sessions for %.0f s (until the last finished its case) over %,d cases: %,d decided (%.1f/s), %,d takes lost to another session%n",
          outcomes.size(), seconds, cases, decided, decided / seconds, conflicts);
      System.out.printf(Locale.ROOT, "decided twice: %d (sessions) %d (database); lost: %d (decisions %,d, cases decided %,d, open %,d, "
          + "still in review %d)%n", twiceBySessions, twiceInDb, lost, decisions, decidedCases, open, inReview);
      System.out.printf(Locale.ROOT, "queue page p95 %d ms (median %d, %,d loads); case page p95 %d ms (median %d, %,d loads)%n",
          percentile(queue, 95), percentile(queue, 50), queue.size(), percentile(casePage, 95), percentile(casePage, 50), casePage.size());
      if (!known.sellers().isEmpty()) {
        // Apart: the pages of the warehouse's own sellers, which show real evidence (the others find none).
        List<Long> withEvidence = withEvidence(c, outcomes, known.sellers());
        System.out.printf(Locale.ROOT, "case page with the warehouse's evidence p95 %d ms (median %d, %,d loads)%n",
            percentile(withEvidence, 95), percentile(withEvidence, 50), withEvidence.size());
      }
      if (twiceBySessions + twiceInDb + lost > 0) {
        throw new IllegalStateException("a case was decided twice or lost");
      }
    }
  }

  /** The case page times of the cases whose seller is one of {@code sellers}. */
  private static List<Long> withEvidence(Connection c, List<BenchReviewer.Outcome> outcomes, List<String> sellers) throws SQLException {
    Set<Long> theirs = new HashSet<>();
    try (PreparedStatement query = c.prepareStatement("SELECT case_id FROM cases WHERE seller_id = ANY(?)")) {
      query.setArray(1, c.createArrayOf("text", sellers.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          theirs.add(rows.getLong(1));
        }
      }
    }
    List<Long> millis = new ArrayList<>();
    for (BenchReviewer.Outcome outcome : outcomes) {
      for (int i = 0; i < outcome.caseIds().size(); i++) {
        if (theirs.contains(outcome.caseIds().get(i))) {
          millis.add(outcome.caseMillis().get(i));
        }
      }
    }
    return millis;
  }

  private static long single(Statement sql, String query) throws SQLException {
    try (ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** The nearest-rank {@code p}th percentile; 0 of none. */
  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
