package org.chengxin.review.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.review.CaseStatus;
import org.chengxin.review.CaseStore;
import org.chengxin.review.Decision;
import org.chengxin.review.FlaggedSeller;
import org.chengxin.review.Outcome;
import org.chengxin.review.ReviewCase;
import org.chengxin.review.ReviewException;
import org.chengxin.review.ReviewJson;
import org.chengxin.review.SyncResult;
import org.chengxin.review.db.EmbeddedPostgres;
import org.chengxin.review.db.ReviewDatabase;

/**
 * {@code scripts/queue}: the reviewers' command for the flagged-seller queue (take, decide, list,
 * export labels), plus sync of a day's flagged sellers from a file and stopping the embedded
 * database. Every command talks to the database named by {@code --db-url} / CHENGXIN_DB_URL, or
 * to the warehouse's embedded PostgreSQL.
 */
public final class QueueCli {
  static final String ENV_DB_URL = "CHENGXIN_DB_URL";
  private static final String OVERVIEW = """
      usage: scripts/queue COMMAND [options]

      The flagged-seller review queue on PostgreSQL. Commands:
        take --reviewer R [--n 10]                 take the highest-priority open cases (atomic: no case goes to two reviewers)
        decide CASE --outcome confirmed|cleared --note TEXT --reviewer R
                                                   decide a case you hold; confirmed imposes the recommended action
        list [--status S] [--format table|json]    list cases, highest priority first
        history --seller S                         one seller's cases, decisions and penalties (JSON)
        export-labels --out FILE                   every decision as a training label (CSV)
        sync --date YYYY-MM-DD --cases FILE        bring a day's flagged sellers (JSON Lines) into the queue
        db-stop                                    stop the warehouse's embedded PostgreSQL

      Database (every command): --db-url JDBC_URL (or env CHENGXIN_DB_URL), else the embedded
      PostgreSQL of --warehouse DIR (default ./warehouse), started on first use and left running.
      `scripts/queue COMMAND --help` shows a command's options.
      """;

  /** Where the command's database is: a JDBC URL or a warehouse's embedded server. */
  record DatabaseOptions(Optional<String> dbUrl, Path warehouse) {
    /** Declares --db-url and --warehouse; returns the database once the arguments are parsed. */
    static Supplier<DatabaseOptions> declare(Arguments cli, Map<String, String> env) {
      Arg<String> dbUrl = cli.text("db-url", "JDBC_URL", "PostgreSQL JDBC URL (default: env " + ENV_DB_URL + ", else embedded)");
      Arg<Path> warehouse = cli.path("warehouse", "DIR",
          "warehouse whose _review_db holds the embedded PostgreSQL (default: ./warehouse)");
      return () -> {
        if (dbUrl.value() != null && warehouse.value() != null) {
          throw new UsageException("--db-url and --warehouse exclude each other: the queue lives in one database");
        }
        Optional<String> url = dbUrl.optional().or(() -> Optional.ofNullable(env.get(ENV_DB_URL)).filter(u -> !u.isBlank()));
        url.filter(u -> !u.startsWith("jdbc:postgresql:")).ifPresent(u -> {
          throw new UsageException("the database URL must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB?user=U)");
        });
        return new DatabaseOptions(url, warehouse.optional().orElse(Path.of("warehouse")));
      };
    }

    CaseStore open(Clock clock) throws SQLException {
      return new CaseStore(ReviewDatabase.open(dbUrl, warehouse), clock);
    }
  }

  record TakeOptions(String reviewer, int n) {}

  record DecideOptions(long caseId, Outcome outcome, String note, String reviewer) {}

  record ListOptions(Optional<CaseStatus> status, boolean json, int limit) {}

  record SyncOptions(LocalDate day, Path cases) {}

  private final PrintStream out;
  private final Map<String, String> env;
  private final Clock clock;

  QueueCli(PrintStream out, Map<String, String> env, Clock clock) {
    this.out = out;
    this.env = env;
    this.clock = clock;
  }

  public static void main(String[] args) {
    Arguments.runMain(() -> new QueueCli(System.out, System.getenv(), Clock.systemUTC()).run(args));
  }

  void run(String[] args) throws Exception {
    if (args.length == 0) {
      throw new UsageException("a command is required: take|decide|list|history|export-labels|sync|db-stop (see --help)");
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "-h", "--help" -> out.print(OVERVIEW);
        case "take" -> take(rest);
        case "decide" -> decide(rest);
        case "list" -> list(rest);
        case "history" -> history(rest);
        case "export-labels" -> exportLabels(rest);
        case "sync" -> sync(rest);
        case "db-stop" -> dbStop(rest);
        default -> throw new UsageException("unknown command '" + args[0] + "' (see --help)");
      }
    } catch (ReviewException | IllegalArgumentException e) {
      // The queue refused the request (unknown or decided case, bad reviewer name, ...): a usage error.
      throw new UsageException(e.getMessage());
    }
  }

  private void take(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue take",
        "Takes the highest-priority open cases (atomic: no case goes to two reviewers).");
    Arg<String> reviewer = cli.requiredText("reviewer", "R", "who takes the cases (letters, digits, . _ @ -)");
    Arg<Long> n = cli.whole("n", "N", "how many cases to take", 10, 1, 1000);
    Arg<String> format = format(cli);
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    TakeOptions options = new TakeOptions(reviewer.value(), n.value().intValue());
    boolean json = format.value().equals("json");
    List<ReviewCase> taken = database.get().open(clock).take(options.reviewer(), options.n());
    printCases(taken, json);
  }

  private void decide(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue decide CASE",
        "Decides a case you hold (CASE: its number); confirmed imposes the recommended action.");
    Arg<String> outcome = cli.requiredText("outcome", "OUTCOME",
        "confirmed (the seller is penalised) or cleared (not flagged again without new evidence)");
    Arg<String> note = cli.requiredText("note", "TEXT", "why: what the reviewer found (kept with the decision)");
    Arg<String> reviewer = cli.requiredText("reviewer", "R", "who decides; must be the reviewer who took the case");
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (args.length > 0 && !args[0].startsWith("-")) {
      long caseId = parseCaseId(args[0]);
      if (!cli.parse(Arrays.copyOfRange(args, 1, args.length), out)) {
        return;
      }
      DecideOptions options = new DecideOptions(caseId, Outcome.fromWire(outcome.value()), note.value(), reviewer.value());
      Decision decision = database.get().open(clock)
          .decide(options.caseId(), options.reviewer(), options.outcome(), options.note());
      out.println("case " + decision.caseId() + " " + decision.outcome().wire() + " by " + decision.reviewer() + " at "
          + decision.decidedAt() + " (decision " + decision.decisionId() + ")");
      return;
    }
    if (cli.parse(args, out)) {
      throw new UsageException("decide needs the case number first: scripts/queue decide CASE --outcome ... (see --help)");
    }
  }

  private void list(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue list", "Lists cases, highest priority first.");
    Arg<CaseStatus> status = cli.value("status", "S", CaseStatus.words() + " (default: all)", CaseStatus::fromWire);
    Arg<String> format = format(cli);
    Arg<Long> limit = cli.whole("limit", "N", "at most N cases", 100, 1, 1_000_000);
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    ListOptions options = new ListOptions(status.optional(), format.value().equals("json"), limit.value().intValue());
    printCases(database.get().open(clock).list(options.status(), options.limit()), options.json());
  }

  private void history(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue history", "One seller's cases, decisions and penalties (JSON).");
    Arg<String> sellerId = cli.requiredText("seller", "S", "the seller id");
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    String seller = sellerId.value();
    CaseStore store = database.get().open(clock);
    Map<String, Object> history = new LinkedHashMap<>();
    history.put("seller_id", seller);
    history.put("cases", store.casesOf(seller));
    history.put("decisions", store.decisions(Optional.of(seller)));
    history.put("penalties", store.penalties(seller));
    out.println(ReviewJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(history));
  }

  private void exportLabels(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue export-labels", "Writes every decision as a training label (CSV).");
    Arg<Path> outFile = cli.requiredPath("out", "FILE", "CSV to write: " + Labels.HEADER);
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    Path file = outFile.value();
    if (Files.isDirectory(file)) {
      throw new UsageException("--out must be a file, " + file + " is a folder");
    }
    List<Decision> decisions = database.get().open(clock).decisions(Optional.empty());
    Labels.write(decisions, file);
    out.println("wrote " + decisions.size() + " labels to " + file);
  }

  private void sync(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue sync", "Brings a day's flagged sellers (JSON Lines) into the queue.");
    Arg<LocalDate> date = cli.date("date", "the day the sellers were flagged");
    Arg<Path> cases = cli.requiredPath("cases", "FILE", "JSON Lines, one flagged seller per line (see docs/review-queue.md)");
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    SyncOptions options = new SyncOptions(date.value(), cases.value());
    List<FlaggedSeller> flagged = readFlagged(options.cases());
    SyncResult result = database.get().open(clock).sync(options.day(), flagged);
    out.println("synced " + result.flagged() + " flagged sellers for " + result.day() + ": " + result.opened() + " new cases, "
        + result.refreshed() + " refreshed, " + result.leftInReview() + " left in review, " + result.suppressed()
        + " suppressed (already decided on this evidence)");
  }

  private void dbStop(String[] args) {
    Arguments cli = new Arguments("scripts/queue db-stop", "Stops the warehouse's embedded PostgreSQL.");
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    DatabaseOptions options = database.get();
    if (options.dbUrl().isPresent()) {
      throw new UsageException("db-stop stops the embedded PostgreSQL only; this command was given a database URL");
    }
    EmbeddedPostgres server = EmbeddedPostgres.inWarehouse(options.warehouse());
    boolean wasRunning = server.isRunning();
    server.stop();
    out.println(wasRunning ? "stopped the embedded PostgreSQL in " + server.home() : "the embedded PostgreSQL was not running");
  }

  static List<FlaggedSeller> readFlagged(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException("--cases: no such file " + file);
    }
    List<FlaggedSeller> flagged = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        flagged.add(ReviewJson.MAPPER.readValue(lines.get(i), FlaggedSeller.class));
      } catch (JsonProcessingException e) {
        // The parser's own message names the field; the cause of a failed record check is the useful part.
        Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
        throw new UsageException(file + " line " + (i + 1) + ": " + firstLine(cause.getMessage()));
      }
    }
    return flagged;
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
  }

  private static long parseCaseId(String text) {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new UsageException("CASE must be a case number (see scripts/queue list), got '" + text + "'");
  }

  /** --format, of the commands that print cases. */
  private static Arg<String> format(Arguments cli) {
    return cli.choice("format", "table or json", "table", "table", "json");
  }

  private void printCases(List<ReviewCase> cases, boolean json) throws JsonProcessingException {
    if (json) {
      out.println(ReviewJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(cases));
    } else {
      out.print(CaseTable.render(cases));
    }
  }
}
