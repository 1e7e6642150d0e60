package org.chengxin.review.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Function;
import java.util.function.Supplier;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.review.AccountStore;
import org.chengxin.review.AccountStore.Login;
import org.chengxin.review.AuditAction;
import org.chengxin.review.Channel;
import org.chengxin.review.ClosureProposal;
import org.chengxin.review.CaseStatus;
import org.chengxin.review.CaseStore;
import org.chengxin.review.Decision;
import org.chengxin.review.FlaggedSeller;
import org.chengxin.review.Outcome;
import org.chengxin.review.PasswordHash;
import org.chengxin.review.PenaltyEvent;
import org.chengxin.review.PenaltyStatus;
import org.chengxin.review.PenaltyStatus.Appeal;
import org.chengxin.review.PenaltyStatus.Certificates;
import org.chengxin.review.PenaltyStore;
import org.chengxin.review.ReviewCase;
import org.chengxin.review.ReviewException;
import org.chengxin.review.ReviewJson;
import org.chengxin.review.SyncResult;
import org.chengxin.review.Verdict;
import org.chengxin.review.db.EmbeddedPostgres;
import org.chengxin.review.db.ReviewDatabase;

/**
 * {@code scripts/queue}: the reviewers' command for the flagged-seller queue (take, decide, list,
 * export labels) and for penalties after the decision (list, lift, certificates, appeals), plus
 * sync of a day's flagged sellers from a file and stopping the embedded database. Every command
 * talks to the database named by {@code --db-url} / CHENGXIN_DB_URL, or to the warehouse's
 * embedded PostgreSQL.
 */
public final class QueueCli {
  private static final String OVERVIEW = """
      usage: scripts/queue COMMAND [options]

      The flagged-seller review queue on PostgreSQL. Commands:
        take --reviewer R [--n 10]                 take the highest-priority open cases (atomic: no case goes to two reviewers)
        decide CASE --outcome confirmed|cleared --note TEXT --reviewer R
                                                   decide a case you hold; confirmed imposes the recommended action,
                                                   except a seven-day closure, which it proposes
        closures                                   closures proposed and waiting for a second reviewer
        confirm-closure CASE --reviewer R          confirm a closure another reviewer proposed: it takes effect
        list [--status S] [--format table|json]    list cases, highest priority first
        history --seller S                         one seller's cases, decisions, penalties and their events (JSON)
        penalties [--seller S] [--active-on YYYY-MM-DD] [--format table|json]
                                                   penalties as they stand: effective end, certificates, appeal
        lift PENALTY --note TEXT --reviewer R      end a penalty in force today, before its term
        certificates PENALTY received|accepted|rejected --note TEXT --reviewer R
                                                   a certificate demand: certificates arrived, or were checked
        appeal PENALTY --note STATEMENT --reviewer R
                                                   file the seller's appeal of a penalty (R takes it)
        decide-appeal PENALTY --outcome upheld|rejected --note TEXT --reviewer R
                                                   decide an open appeal (not the case's own reviewer)
        export-labels --out FILE                   every decision as a training label (CSV)
        sync --date YYYY-MM-DD --cases FILE        bring a day's flagged sellers (JSON Lines) into the queue
        db-stop                                    stop the warehouse's embedded PostgreSQL

      --reviewer R names an account of a reviewer or a lead (scripts/chengxin console-user add), whose
      password comes from env CHENGXIN_CONSOLE_PASSWORD, else is asked at the terminal (not echoed), else
      is the first line of standard input; ten wrong passwords lock the account, as in the console. Every
      login, take, decision and penalty event is recorded in the audit log.

      Database (every command): --db-url JDBC_URL (or env CHENGXIN_DB_URL), else the embedded
      PostgreSQL of --warehouse DIR (default ./warehouse), started on first use and left running.
      `scripts/queue COMMAND --help` shows a command's options.
      """;

  record TakeOptions(String reviewer, int n) {}

  record DecideOptions(long caseId, Outcome outcome, String note, String reviewer) {}

  record ListOptions(Optional<CaseStatus> status, boolean json, int limit) {}

  record SyncOptions(LocalDate day, Path cases) {}

  record PenaltiesOptions(Optional<String> sellerId, Optional<LocalDate> activeOn, boolean json, int limit) {}

  /** What every penalty event command is given: the penalty, a step (certificates only, else null), why, and who records it. */
  record PenaltyEventOptions(long penaltyId, String step, String note, String reviewer) {}

  private final PrintStream out;
  private final InputStream in;
  private final Map<String, String> env;
  private final Clock clock;

  QueueCli(PrintStream out, InputStream in, Map<String, String> env, Clock clock) {
    this.out = out;
    this.in = in;
    this.env = env;
    this.clock = clock;
  }

  public static void main(String[] args) {
    Arguments.runMain(() -> new QueueCli(System.out, System.in, System.getenv(), Clock.systemUTC()).run(args));
  }

  void run(String[] args) throws Exception {
    if (args.length == 0) {
      throw new UsageException("a command is required: take|decide|closures|confirm-closure|list|history|penalties|lift|"
          + "certificates|appeal|"
          + "decide-appeal|export-labels|sync|db-stop (see --help)");
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "-h", "--help" -> out.print(OVERVIEW);
        case "take" -> take(rest);
        case "decide" -> decide(rest);
        case "closures" -> closures(rest);
        case "confirm-closure" -> confirmClosure(rest);
        case "list" -> list(rest);
        case "history" -> history(rest);
        case "penalties" -> penalties(rest);
        case "lift" -> lift(rest);
        case "certificates" -> certificates(rest);
        case "appeal" -> appeal(rest);
        case "decide-appeal" -> decideAppeal(rest);
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
    List<ReviewCase> taken = new CaseStore(openAs(database.get(), options.reviewer()), clock).take(options.reviewer(), options.n());
    printCases(taken, json);
  }

  private void decide(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue decide CASE",
        "Decides a case you hold (CASE: its number); confirmed imposes the recommended action, except a seven-day closure:\n"
        + "that is proposed, and takes effect when a different reviewer confirms it (scripts/queue confirm-closure).");
    Arg<String> outcome = cli.requiredText("outcome", "OUTCOME",
        "confirmed (the seller is penalised) or cleared (not flagged again without new evidence)");
    Arg<String> note = cli.requiredText("note", "TEXT", "why: what the reviewer found (kept with the decision)");
    Arg<String> reviewer = cli.requiredText("reviewer", "R", "who decides; must be the reviewer who took the case");
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    Optional<List<String>> leading = parseAfter(cli, args, 1, "decide needs the case number first: scripts/queue decide CASE --outcome ...");
    if (leading.isEmpty()) {
      return;
    }
    long caseId = parseId(leading.get().get(0), "CASE", "a case number (see scripts/queue list)");
    DecideOptions options = new DecideOptions(caseId, Outcome.fromWire(outcome.value()), note.value(), reviewer.value());
    Verdict verdict = new CaseStore(openAs(database.get(), options.reviewer()), clock)
        .decideOrPropose(options.caseId(), options.reviewer(), options.outcome(), options.note());
    if (verdict instanceof ClosureProposal proposal) {
      out.println("case " + proposal.caseId() + ": seven-day closure proposed by " + proposal.proposedBy() + " at " + proposal.proposedAt()
          + "; it takes effect when a different reviewer confirms it: scripts/queue confirm-closure " + proposal.caseId() + " --reviewer NAME");
    } else {
      printDecision((Decision) verdict);
    }
  }

  private void printDecision(Decision decision) {
    out.println("case " + decision.caseId() + " " + decision.outcome().wire() + " by " + decision.reviewer() + " at "
        + decision.decidedAt() + " (decision " + decision.decisionId() + ")");
  }

  private void closures(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue closures", "Lists the seven-day closures proposed and waiting for a second reviewer, oldest first.");
    Arg<String> format = format(cli);
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    List<ClosureProposal> pending = new CaseStore(database.get().open(), clock).pendingClosures();
    if (format.value().equals("json")) {
      out.println(json(pending));
      return;
    }
    out.println(pending.isEmpty() ? "no closure waits for a second reviewer" : "case  proposed_by  proposed_at  note");
    for (ClosureProposal proposal : pending) {
      out.println(proposal.caseId() + "  " + proposal.proposedBy() + "  " + proposal.proposedAt() + "  " + proposal.note());
    }
  }

  private void confirmClosure(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue confirm-closure CASE",
        "Confirms the seven-day closure another reviewer proposed for a case (CASE: its number): the proposer's decision and the\n"
        + "closure take effect. Refused to the proposer.");
    Arg<String> reviewer = cli.requiredText("reviewer", "R", "who confirms; not the reviewer who proposed the closure");
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    Optional<List<String>> leading = parseAfter(cli, args, 1,
        "confirm-closure needs the case number first: scripts/queue confirm-closure CASE --reviewer R");
    if (leading.isEmpty()) {
      return;
    }
    long caseId = parseId(leading.get().get(0), "CASE", "a case number (see scripts/queue closures)");
    printDecision(new CaseStore(openAs(database.get(), reviewer.value()), clock).confirmClosure(caseId, reviewer.value()));
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
    Arguments cli = new Arguments("scripts/queue history", "One seller's cases, decisions, penalties and their events (JSON).");
    Arg<String> sellerId = cli.requiredText("seller", "S", "the seller id");
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    String seller = sellerId.value();
    ReviewDatabase db = database.get().open();
    CaseStore store = new CaseStore(db, clock);
    Map<String, Object> history = new LinkedHashMap<>();
    history.put("seller_id", seller);
    history.put("cases", store.casesOf(seller));
    history.put("decisions", store.decisions(Optional.of(seller)));
    history.put("penalties", store.penalties(seller));
    history.put("penalty_events", new PenaltyStore(db, clock).events(seller));
    out.println(json(history));
  }

  private void penalties(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue penalties", "Penalties as they stand, newest first: the effective (exclusive) end, "
        + "what set it, the certificates' and the appeal's state.");
    Arg<String> sellerId = cli.text("seller", "S", "only this seller's penalties (default: every seller's)");
    Arg<LocalDate> activeOn = cli.optionalDate("active-on", "only penalties in force on this day: started, and not yet ended");
    Arg<String> format = format(cli);
    Arg<Long> limit = cli.whole("limit", "N", "at most N penalties", 100, 1, 1_000_000);
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    PenaltiesOptions options = new PenaltiesOptions(sellerId.optional(), activeOn.optional(), format.value().equals("json"),
        limit.value().intValue());
    List<PenaltyStatus> penalties = new PenaltyStore(database.get().open(), clock)
        .penalties(options.sellerId(), options.activeOn(), options.limit());
    out.print(options.json() ? json(penalties) + "\n" : PenaltyTable.render(penalties));
  }

  private void lift(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue lift PENALTY",
        "Ends a penalty in force today, before its term (PENALTY: its number, see scripts/queue penalties).");
    recordPenaltyEvent(cli, args, 1, new PenaltyEventHelp("TEXT", "why it is lifted", "who lifts it"),
        options -> store -> store.lift(options.penaltyId(), options.reviewer(), options.note()));
  }

  private void certificates(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue certificates PENALTY " + Certificates.words(),
        "Records a step of a certificate demand (PENALTY: its number): the seller's certificates received, then a reviewer's\n"
        + "check, accepted (the demand ends today) or rejected (it stays in force until certificates are accepted).");
    recordPenaltyEvent(cli, args, 2, new PenaltyEventHelp("TEXT", "what arrived, or what the check found", "who records it"),
        options -> {
          Certificates step = Certificates.fromWire(options.step());
          return store -> store.certificates(options.penaltyId(), step, options.reviewer(), options.note());
        });
  }

  private void appeal(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue appeal PENALTY",
        "Files a seller's appeal of a penalty (PENALTY: its number); one open appeal per penalty at a time.");
    recordPenaltyEvent(cli, args, 1, new PenaltyEventHelp("STATEMENT", "the seller's statement", "who takes the appeal for the seller"),
        options -> store -> store.appeal(options.penaltyId(), options.reviewer(), options.note()));
  }

  private void decideAppeal(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/queue decide-appeal PENALTY",
        "Decides a penalty's open appeal (PENALTY: its number), by a reviewer other than the one who decided its case.");
    Arg<String> outcome = cli.requiredText("outcome", "OUTCOME",
        "upheld (the penalty ends today, if it has not ended) or rejected (it runs on)");
    recordPenaltyEvent(cli, args, 1, new PenaltyEventHelp("TEXT", "why", "who decides; not the reviewer who decided the case"),
        options -> {
          Appeal decided = switch (outcome.value()) {
            case "upheld" -> Appeal.UPHELD;
            case "rejected" -> Appeal.REJECTED;
            default -> throw new UsageException("--outcome must be upheld or rejected, got '" + outcome.value() + "'");
          };
          return store -> store.decideAppeal(options.penaltyId(), decided, options.reviewer(), options.note());
        });
  }

  /** The help of a penalty event command's --note and --reviewer. */
  private record PenaltyEventHelp(String noteLabel, String note, String reviewer) {}

  /** What a penalty event command writes, once its arguments are checked. */
  @FunctionalInterface
  private interface PenaltyEventWrite {
    PenaltyEvent to(PenaltyStore store) throws SQLException;
  }

  /**
   * A penalty event command: PENALTY (and with {@code leadingWords} 2, a step), --note, --reviewer
   * and the database; {@code command} checks the rest of the arguments before the database opens.
   */
  private void recordPenaltyEvent(Arguments cli, String[] args, int leadingWords, PenaltyEventHelp help,
      Function<PenaltyEventOptions, PenaltyEventWrite> command) throws SQLException, IOException {
    Arg<String> note = cli.requiredText("note", help.noteLabel(), help.note() + " (kept with the penalty)");
    Arg<String> reviewer = cli.requiredText("reviewer", "R", help.reviewer());
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    Optional<List<String>> leading = parseAfter(cli, args, leadingWords,
        leadingWords == 1 ? "the penalty number comes first" : "the penalty number and the step come first");
    if (leading.isEmpty()) {
      return;
    }
    long penaltyId = parseId(leading.get().get(0), "PENALTY", "a penalty number (see scripts/queue penalties)");
    String step = leadingWords > 1 ? leading.get().get(1) : null;
    PenaltyEventWrite write = command.apply(new PenaltyEventOptions(penaltyId, step, note.value(), reviewer.value()));
    PenaltyStore store = new PenaltyStore(openAs(database.get(), reviewer.value()), clock);
    PenaltyEvent event = write.to(store);
    out.println("penalty " + event.penaltyId() + ": " + event.kind().wire() + " by " + event.reviewer() + " at " + event.happenedAt()
        + " (event " + event.eventId() + ")");
    store.penalty(event.penaltyId()).ifPresent(penalty -> out.println(penalty.summary()));
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

  /**
   * The database, for {@code reviewer} once their password is checked and their account works cases:
   * the terminal acts under the console's identities, with the same lock after ten wrong passwords,
   * and every attempt is audited (channel {@code queue}).
   */
  private ReviewDatabase openAs(DatabaseOptions database, String reviewer) throws SQLException, IOException {
    // Asked before the database opens: a missing password fails without starting the embedded PostgreSQL.
    char[] password = AccountPassword.read(env, in, "password for " + reviewer + ": ");
    ReviewDatabase db;
    AccountStore accounts;
    try {
      db = database.open();
      accounts = new AccountStore(db, clock, new PasswordHash());
      Login login = accounts.login(reviewer, password, Channel.QUEUE);
      if (login.result() == AuditAction.LOGIN_LOCKED) {
        throw new UsageException("account " + reviewer + " is locked after " + AccountStore.LOCK_AFTER
            + " wrong passwords: an admin unlocks it (scripts/chengxin console-user unlock --name " + reviewer + ")");
      }
      if (login.account().isEmpty()) {
        throw new UsageException("wrong reviewer name or password");
      }
    } finally {
      Arrays.fill(password, '\0');
    }
    accounts.worker(reviewer);
    return db;
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

  /**
   * Parses a command whose first {@code count} words come before its options (a case or penalty
   * number, a step); empty when help was asked for, and printed. Without those words, help still
   * shows; anything else is refused with {@code usage}.
   */
  private Optional<List<String>> parseAfter(Arguments cli, String[] args, int count, String usage) {
    int given = 0;
    while (given < count && given < args.length && !args[given].startsWith("-")) {
      given++;
    }
    if (!cli.parse(Arrays.copyOfRange(args, given, args.length), out)) {
      return Optional.empty();
    }
    if (given < count) {
      throw new UsageException(usage + " (see --help)");
    }
    return Optional.of(List.of(args).subList(0, count));
  }

  /** A case's or penalty's number, as {@code name} in usage; {@code what} says what it must be. */
  private static long parseId(String text, String name, String what) {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new UsageException(name + " must be " + what + ", got '" + text + "'");
  }

  /** --format, of the commands that print cases. */
  private static Arg<String> format(Arguments cli) {
    return cli.choice("format", "table or json", "table", "table", "json");
  }

  private void printCases(List<ReviewCase> cases, boolean json) throws JsonProcessingException {
    out.print(json ? json(cases) + "\n" : CaseTable.render(cases));
  }

  private static String json(Object value) throws JsonProcessingException {
    return ReviewJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
  }
}
