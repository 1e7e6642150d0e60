package org.chengxin.core.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of a job's or tool's {@code main}, on picocli: each option is declared once, with its
 * type, default and range, and the declaration returns the handle its value is read through. Help
 * is generated (defaults and ranges included); unknown, missing or malformed arguments are
 * rejected with a clear message ({@link UsageException}, exit status 2).
 */
public final class Arguments {
  private final CommandSpec spec;

  /**
   * @param name the command's name in its usage line
   * @param description what the command does, shown above its options
   */
  public Arguments(String name, String description) {
    spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true);
    spec.usageMessage().description(description).autoWidth(true).showDefaultValues(false);
    spec.parser().expandAtFiles(false);
  }

  /** A declared option: its value is read after {@link #parse}. */
  public static final class Arg<T> {
    private final OptionSpec option;

    private Arg(OptionSpec option) {
      this.option = option;
    }

    /** The value given, else the default (null for an optional option without one). */
    public T value() {
      return option.getValue();
    }

    /** The value, when one was given or defaulted. */
    public Optional<T> optional() {
      return Optional.ofNullable(value());
    }
  }

  /** {@code --name VALUE}, optional, without a default. */
  public Arg<String> text(String name, String label, String help) {
    return add(builder(name, label, help, String.class), Function.identity());
  }

  /** {@code --name VALUE}, required. */
  public Arg<String> requiredText(String name, String label, String help) {
    return add(builder(name, label, help + "; required", String.class).required(true), Function.identity());
  }

  /** {@code --name VALUE}, with a default shown in help. */
  public Arg<String> text(String name, String label, String help, String defaultValue) {
    return add(builder(name, label, help + " (default " + defaultValue + ")", String.class).defaultValue(defaultValue),
        Function.identity());
  }

  /** {@code --name A|B|...}: one of the given words, with a default. */
  public Arg<String> choice(String name, String help, String defaultValue, String... words) {
    List<String> allowed = List.of(words);
    return add(builder(name, String.join("|", words), help + " (default " + defaultValue + ")", String.class)
        .defaultValue(defaultValue), text -> {
          if (!allowed.contains(text)) {
            throw new TypeConversionException("must be one of " + String.join(", ", words) + ", got '" + text + "'");
          }
          return text;
        });
  }

  /** {@code --name PATH}, required. */
  public Arg<Path> requiredPath(String name, String label, String help) {
    return add(builder(name, label, help + "; required", Path.class).required(true), Path::of);
  }

  /** {@code --name PATH}, optional. */
  public Arg<Path> path(String name, String label, String help) {
    return add(builder(name, label, help, Path.class), Path::of);
  }

  /** {@code --name YYYY-MM-DD}, required. */
  public Arg<LocalDate> date(String name, String help) {
    return add(builder(name, "YYYY-MM-DD", help + "; required", LocalDate.class).required(true), Arguments::day);
  }

  /** {@code --name YYYY-MM-DD}, optional. */
  public Arg<LocalDate> optionalDate(String name, String help) {
    return add(builder(name, "YYYY-MM-DD", help, LocalDate.class), Arguments::day);
  }

  /** {@code --name N}: a whole number in [min, max] (underscores allowed: 1_000_000), with a default. */
  public Arg<Long> whole(String name, String label, String help, long defaultValue, long min, long max) {
    return add(builder(name, label, help + " (default " + defaultValue + "; " + min + ".." + max + ")", Long.class)
        .defaultValue(Long.toString(defaultValue)), text -> {
          long value;
          try {
            value = Long.parseLong(text.replace("_", ""));
          } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number, got '" + text + "'");
          }
          if (value < min || value > max) {
            throw new TypeConversionException("must be between " + min + " and " + max + ", got " + value);
          }
          return value;
        });
  }

  /** {@code --name X}: a number in [min, max], with a default. */
  public Arg<Double> number(String name, String label, String help, double defaultValue, double min, double max) {
    return add(builder(name, label, help + " (default " + defaultValue + "; " + min + ".." + max + ")", Double.class)
        .defaultValue(Double.toString(defaultValue)), text -> {
          double value;
          try {
            value = Double.parseDouble(text);
          } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a number, got '" + text + "'");
          }
          if (!(value >= min && value <= max)) {
            throw new TypeConversionException("must be between " + min + " and " + max + ", got " + value);
          }
          return value;
        });
  }

  /** A boolean {@code --name}. */
  public Arg<Boolean> flag(String name, String help) {
    return new Arg<>(declare(OptionSpec.builder("--" + name).description(help).type(boolean.class).arity("0")
        .defaultValue("false").build()));
  }

  /** {@code --name VALUE}, repeatable (and comma-separated); empty when not given. */
  public Arg<List<String>> repeated(String name, String label, String help) {
    return new Arg<>(declare(OptionSpec.builder("--" + name).paramLabel(label).description(help)
        .type(List.class).auxiliaryTypes(String.class).splitRegex(",").arity("1").initialValue(List.of()).build()));
  }

  /**
   * A field separator: one character, or comma, tab (also a backslash and t), semicolon, pipe or
   * space by name, so a shell user need not quote a tab.
   */
  public Arg<Character> delimiter(String name, String help, char defaultValue) {
    return add(builder(name, "SEP", help, Character.class).defaultValue(String.valueOf(defaultValue)), text -> switch (text) {
      case "comma" -> ',';
      case "tab", "\\t" -> '\t';
      case "semicolon" -> ';';
      case "pipe" -> '|';
      case "space" -> ' ';
      default -> {
        if (text.length() != 1) {
          throw new TypeConversionException("must be one character or comma, tab, semicolon, pipe, space; got '" + text + "'");
        }
        yield text.charAt(0);
      }
    });
  }

  /**
   * Parses the arguments into the declared options; returns false when help was asked for (help is
   * then printed to stdout).
   */
  public boolean parse(String[] args) {
    CommandLine cli = new CommandLine(spec);
    try {
      CommandLine.ParseResult result = cli.parseArgs(args);
      if (result.isUsageHelpRequested()) {
        System.out.print(help());
        return false;
      }
      if (result.isVersionHelpRequested()) {
        System.out.println(spec.name());
        return false;
      }
      return true;
    } catch (ParameterException e) {
      throw new UsageException(e.getMessage() + " (see --help)");
    }
  }

  /** The generated help: usage line, description, every option with its default and range. */
  public String help() {
    return new CommandLine(spec).getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  private static OptionSpec.Builder builder(String name, String label, String help, Class<?> type) {
    return OptionSpec.builder("--" + name).paramLabel(label).description(help).type(type);
  }

  private <T> Arg<T> add(OptionSpec.Builder builder, Function<String, T> convert) {
    return new Arg<>(declare(builder.converters(convert::apply).build()));
  }

  private OptionSpec declare(OptionSpec option) {
    spec.addOption(option);
    return option;
  }

  private static LocalDate day(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("must be a day as YYYY-MM-DD, got '" + text + "'");
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
      org.slf4j.LoggerFactory.getLogger(Arguments.class).error("failed", e);
      System.exit(1);
    }
  }

  /** A main method's body. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
