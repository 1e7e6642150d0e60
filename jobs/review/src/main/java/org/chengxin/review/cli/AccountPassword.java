package org.chengxin.review.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.chengxin.core.cli.UsageException;

/**
 * Where the account commands find a password. Never an argument (it would show in {@code ps} and
 * the shell's history): the environment variable {@value #ENV}, else typed at the terminal (not
 * echoed), else the first line of standard input.
 */
final class AccountPassword {
  static final String ENV = "CHENGXIN_CONSOLE_PASSWORD";

  private AccountPassword() {}

  /** The password; {@code prompt} is what the terminal shows when it is typed. */
  static char[] read(Map<String, String> env, InputStream in, String prompt) throws IOException {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    Console terminal = System.console();
    if (in == System.in && terminal != null) {
      char[] typed = terminal.readPassword(prompt);
      if (typed == null || typed.length == 0) {
        throw new UsageException("no password given");
      }
      return typed;
    }
    String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    if (line == null || line.isEmpty()) {
      throw new UsageException("no password: set " + ENV + " or give it on the first line of standard input");
    }
    return line.toCharArray();
  }
}
