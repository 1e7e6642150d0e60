package org.chengxin.review.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.review.Account;
import org.chengxin.review.AccountStore;
import org.chengxin.review.Channel;
import org.chengxin.review.PasswordHash;
import org.chengxin.review.ReviewException;
import org.chengxin.review.Role;

/**
 * {@code chengxin console-user}: the accounts of the console and the queue, for whoever runs the
 * review database. A password never travels as an argument (it would show in {@code ps} and the
 * shell's history): it comes from the environment variable {@value AccountPassword#ENV}, else from the
 * first line of standard input.
 */
public final class ConsoleUserCli {
  private static final String OVERVIEW = """
      usage: scripts/chengxin console-user COMMAND [options]

      Accounts of the web console and the terminal queue (docs/console.md). Commands:
        add --name NAME --role reviewer|lead|analyst|admin
                                    create an account; its password from env CHENGXIN_CONSOLE_PASSWORD,
                                    else the first line of standard input (never an argument)
        unlock --name NAME          unlock an account locked by 10 wrong passwords
        list                        every account with its role and whether it is locked

      Database (every command): --db-url JDBC_URL (or env CHENGXIN_DB_URL), else the embedded
      PostgreSQL of --warehouse DIR (default ./warehouse).
      """;

  private final PrintStream out;
  private final InputStream in;
  private final Map<String, String> env;
  private final Clock clock;

  ConsoleUserCli(PrintStream out, InputStream in, Map<String, String> env, Clock clock) {
    this.out = out;
    this.in = in;
    this.env = env;
    this.clock = clock;
  }

  public static void main(String[] args) {
    Arguments.runMain(() -> new ConsoleUserCli(System.out, System.in, System.getenv(), Clock.systemUTC()).run(args));
  }

  void run(String[] args) throws Exception {
    if (args.length == 0) {
      throw new UsageException("a command is required: add|unlock|list (see --help)");
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "-h", "--help" -> out.print(OVERVIEW);
        case "add" -> add(rest);
        case "unlock" -> unlock(rest);
        case "list" -> list(rest);
        default -> throw new UsageException("unknown command '" + args[0] + "' (see --help)");
      }
    } catch (ReviewException | IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private void add(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/chengxin console-user add",
        "Creates an account. Its password (at least " + PasswordHash.MIN_PASSWORD_LENGTH + " characters) comes from env "
        + AccountPassword.ENV + ", else from the first line of standard input; it is stored as an Argon2id hash.");
    Arg<String> name = cli.requiredText("name", "NAME", "the account's name, as cases record their reviewer (letters, digits, . _ @ -)");
    Arg<Role> role = cli.value("role", "ROLE", Role.words() + " (docs/console.md says what each may do)", Role::fromWire);
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    if (role.value() == null) {
      throw new UsageException("--role is required: " + Role.words());
    }
    char[] password = password();
    try {
      PasswordHash.checkStrength(password);
      Account account = accounts(database).create(name.value(), role.value(), password, Channel.CONSOLE_USER);
      out.println("created account " + account.name() + " (" + account.role().wire() + ")");
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private void unlock(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/chengxin console-user unlock", "Unlocks an account locked by wrong passwords.");
    Arg<String> name = cli.requiredText("name", "NAME", "the account");
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    accounts(database).unlock(name.value(), Channel.CONSOLE_USER);
    out.println("unlocked account " + name.value());
  }

  private void list(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/chengxin console-user list", "Lists every account: name, role, locked or not.");
    Supplier<DatabaseOptions> database = DatabaseOptions.declare(cli, env);
    if (!cli.parse(args, out)) {
      return;
    }
    for (Account account : accounts(database).accounts()) {
      out.println(account.name() + "\t" + account.role().wire() + (account.locked() ? "\tlocked" : ""));
    }
  }

  private AccountStore accounts(Supplier<DatabaseOptions> database) throws Exception {
    return new AccountStore(database.get().open(), clock, new PasswordHash());
  }

  private char[] password() throws IOException {
    return AccountPassword.read(env, in, "password for the new account: ");
  }

}
