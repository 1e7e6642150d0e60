package org.chengxin.core.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small declared-options parser for the jobs' and tools' {@code main} methods: every option is
 * declared with its help text, so {@code --help} is generated and unknown or malformed arguments
 * are rejected with a clear message ({@link UsageException}) instead of being ignored.
 */
public final class CommandLine {

  private record Option(String name, String valueName, String help, boolean flag) {}

  private final String usage;
  private final Map<String, Option> options = new LinkedHashMap<>();
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  public CommandLine(String usage) {
    this.usage = usage;
  }

  /** Declares {@code --name VALUE}. */
  public CommandLine option(String name, String valueName, String help) {
    options.put(name, new Option(name, valueName, help, false));
    return this;
  }

  /** Declares a boolean {@code --name}. */
  public CommandLine flag(String name, String help) {
    options.put(name, new Option(name, null, help, true));
    return this;
  }

  /** Parses the arguments; returns false when help was asked for (help is then printed). */
  public boolean parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.print(help());
        return false;
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "' (see --help)");
      }
      String name = arg.substring(2);
      String inlineValue = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inlineValue = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Option option = options.get(name);
      if (option == null) {
        throw new UsageException("unknown option --" + name + " (see --help)");
      }
      String value;
      if (option.flag()) {
        value = "true";
      } else if (inlineValue != null) {
        value = inlineValue;
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new UsageException("--" + name + " needs a value: " + option.valueName());
      }
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return true;
  }

  public String help() {
    StringBuilder out = new StringBuilder("usage: ").append(usage).append("\n\n");
    for (Option o : options.values()) {
      String left = "  --" + o.name() + (o.flag() ? "" : " " + o.valueName());
      out.append(String.format("%-34s %s%n", left, o.help()));
    }
    out.append(String.format("%-34s %s%n", "  -h, --help", "this text"));
    return out.toString();
  }

  public Optional<String> get(String name) {
    declared(name);
    List<String> given = values.get(name);
    return given == null ? Optional.empty() : Optional.of(given.get(given.size() - 1));
  }

  public List<String> all(String name) {
    declared(name);
    return values.getOrDefault(name, List.of());
  }

  public String required(String name) {
    return get(name).orElseThrow(() -> new UsageException("--" + name + " is required (see --help)"));
  }

  public boolean isSet(String name) {
    return get(name).isPresent();
  }

  public LocalDate date(String name) {
    String text = required(name);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException("--" + name + " must be a day as YYYY-MM-DD, got '" + text + "'");
    }
  }

  public Path path(String name) {
    return Path.of(required(name));
  }

  public long longValue(String name, long defaultValue, long min, long max) {
    Optional<String> text = get(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      long value = Long.parseLong(text.get().replace("_", ""));
      if (value < min || value > max) {
        throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got '" + text.get() + "'");
    }
  }

  /**
   * A field separator: one character, or comma, tab (also a backslash and t), semicolon, pipe or space
   * by name, so a shell user need not quote a tab.
   */
  public char delimiter(String name, char defaultValue) {
    Optional<String> text = get(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    return switch (text.get()) {
      case "comma" -> ',';
      case "tab", "\\t" -> '\t';
      case "semicolon" -> ';';
      case "pipe" -> '|';
      case "space" -> ' ';
      default -> {
        if (text.get().length() != 1) {
          throw new UsageException("--" + name + " must be one character or comma, tab, semicolon, pipe, space; got '"
              + text.get() + "'");
        }
        yield text.get().charAt(0);
      }
    };
  }

  public double doubleValue(String name, double defaultValue, double min, double max) {
    Optional<String> text = get(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      double value = Double.parseDouble(text.get());
      if (!(value >= min && value <= max)) {
        throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number, got '" + text.get() + "'");
    }
  }

  private void declared(String name) {
    if (!options.containsKey(name)) {
      throw new IllegalArgumentException("option --" + name + " was never declared");
    }
  }

  /**
   * Runs a command's body, turning a {@link UsageException} into a message and exit code 2, so
   * every main method rejects bad arguments the same way, and any other failure into exit code 1.
   * Errors too: an engine's threads outlive a main thread killed by an OutOfMemoryError, and the
   * process would hang instead of failing.
   */
  public static void runMain(ThrowingRunnable body) {
    try {
      body.run();
    } catch (UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    } catch (Exception | Error e) {
      org.slf4j.LoggerFactory.getLogger(CommandLine.class).error("failed", e);
      System.exit(1);
    }
  }

  /** A main method's body. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
