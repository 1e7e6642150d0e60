package org.chengxin.core.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The options of a job's or tool's {@code main}, on picocli: each option is declared once, with its
 * type, default and range, and the declaration returns the handle its value is read through. Help
 * is generated (defaults and ranges included); unknown, missing, repeated or malformed arguments
 * are rejected with a clear message ({@link UsageException}, exit status 2).
 */
public final class Arguments {
  private static final String NAMES = "comma, tab, semicolon, pipe, space";

  private final CommandSpec spec;

  /**
   * @param name the command's name in its usage line
   * @param description what the command does, shown above its options (lines apart with \n)
   */
  public Arguments(String name, String description) {
    spec = CommandSpec.create().name(name).interpolateVariables(false);
    spec.usageMessage().description(literal(description).split("\n")).width(120).sortOptions(false)
        .descriptionHeading("%n").optionListHeading("%n");
    spec.parser().expandAtFiles(false).collectErrors(true);
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
    return value(name, label, help, Function.identity());
  }

  /** {@code --name VALUE}, required. */
  public Arg<String> requiredText(String name, String label, String help) {
    return add(name, label, help, null, true, null, Function.identity());
  }

  /** {@code --name VALUE}, with a default shown in help. */
  public Arg<String> text(String name, String label, String help, String defaultValue) {
    return value(name, label, help, defaultValue, Function.identity());
  }

  /** {@code --name A|B|...}: one of the given words, with a default. */
  public Arg<String> choice(String name, String help, String defaultValue, String... words) {
    List<String> allowed = List.of(words);
    return value(name, String.join("|", words), help, defaultValue, text -> {
      if (!allowed.contains(text)) {
        throw notOneOf(allowed, text);
      }
      return text;
    });
  }

  /** {@code --name A|B|...}: a constant of an enum, named in lower case (any case is accepted), with a default. */
  public <E extends Enum<E>> Arg<E> choice(String name, String help, E defaultValue) {
    Class<E> type = defaultValue.getDeclaringClass();
    List<String> words = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    return value(name, String.join("|", words), help, words.get(defaultValue.ordinal()), text -> {
      try {
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw notOneOf(words, text);
      }
    });
  }

  private static IllegalArgumentException notOneOf(List<String> words, String text) {
    return new IllegalArgumentException("must be one of " + String.join(", ", words) + ", got '" + text + "'");
  }

  /** {@code --name PATH}, required. */
  public Arg<Path> requiredPath(String name, String label, String help) {
    return add(name, label, help, null, true, null, Path::of);
  }

  /** {@code --name PATH}, optional. */
  public Arg<Path> path(String name, String label, String help) {
    return value(name, label, help, Path::of);
  }

  /** {@code --name YYYY-MM-DD}, required. */
  public Arg<LocalDate> date(String name, String help) {
    return add(name, "YYYY-MM-DD", help, null, true, null, Arguments::day);
  }

  /** {@code --name YYYY-MM-DD}, optional. */
  public Arg<LocalDate> optionalDate(String name, String help) {
    return value(name, "YYYY-MM-DD", help, Arguments::day);
  }

  /** {@code --name YYYY-MM-DD}, with a default. */
  public Arg<LocalDate> date(String name, String help, LocalDate defaultValue) {
    return value(name, "YYYY-MM-DD", help, defaultValue.toString(), Arguments::day);
  }

  /** {@code --name N}: a whole number in [min, max] (underscores allowed: 1_000_000), with a default. */
  public Arg<Long> whole(String name, String label, String help, long defaultValue, long min, long max) {
    return add(name, label, help, Long.toString(defaultValue), false, range(min, max), whole(min, max));
  }

  /** {@code --name N}: a whole number in [min, max], optional (null when not given). */
  public Arg<Long> whole(String name, String label, String help, long min, long max) {
    return add(name, label, help, null, false, range(min, max), whole(min, max));
  }

  /** {@code --name N}: a whole number in [min, max], required. */
  public Arg<Long> requiredWhole(String name, String label, String help, long min, long max) {
    return add(name, label, help, null, true, range(min, max), whole(min, max));
  }

  /** {@code --name X}: a number in [min, max], with a default. */
  public Arg<Double> number(String name, String label, String help, double defaultValue, double min, double max) {
    return add(name, label, help, show(defaultValue), false, range(min, max), number(min, max));
  }

  /** {@code --name X}: a number in [min, max], optional (null when not given). */
  public Arg<Double> number(String name, String label, String help, double min, double max) {
    return add(name, label, help, null, false, range(min, max), number(min, max));
  }

  /** {@code --name X}: a number in [min, max], required. */
  public Arg<Double> requiredNumber(String name, String label, String help, double min, double max) {
    return add(name, label, help, null, true, range(min, max), number(min, max));
  }

  /** A boolean {@code --name}. */
  public Arg<Boolean> flag(String name, String help) {
    return declare(OptionSpec.builder("--" + name).description(literal(help)).type(boolean.class).arity("0")
        .defaultValue("false"));
  }

  /** {@code --name VALUE}, repeatable (and comma-separated); empty when not given. */
  public Arg<List<String>> repeated(String name, String label, String help) {
    return declare(OptionSpec.builder("--" + name).paramLabel(label).description(literal(help)).type(List.class)
        .auxiliaryTypes(String.class).splitRegex(",").arity("1").initialValue(List.of()));
  }

  /**
   * A field separator: one character, or comma, tab (also a backslash and t), semicolon, pipe or
   * space by name, so a shell user need not quote a tab.
   */
  public Arg<Character> delimiter(String name, String help, char defaultValue) {
    String named = switch (defaultValue) {
      case ',' -> "comma";
      case '\t' -> "tab";
      case ';' -> "semicolon";
      case '|' -> "pipe";
      case ' ' -> "space";
      default -> String.valueOf(defaultValue);
    };
    return value(name, "SEP", help + ": one character, or " + NAMES, named, text -> switch (text) {
      case "comma" -> ',';
      case "tab", "\\t" -> '\t';
      case "semicolon" -> ';';
      case "pipe" -> '|';
      case "space" -> ' ';
      default -> {
        if (text.length() != 1) {
          throw new IllegalArgumentException("must be one character or " + NAMES + "; got '" + text + "'");
        }
        yield text.charAt(0);
      }
    });
  }

  /**
   * {@code --name VALUE} of any type, with a default (converted like a given value): {@code convert}
   * throws IllegalArgumentException (or UsageException) with what is wrong.
   */
  public <T> Arg<T> value(String name, String label, String help, String defaultValue, Function<String, T> convert) {
    return add(name, label, help, defaultValue, false, null, convert);
  }

  /** {@code --name VALUE} of any type, optional (null when not given). */
  public <T> Arg<T> value(String name, String label, String help, Function<String, T> convert) {
    return add(name, label, help, null, false, null, convert);
  }

  /**
   * Parses the arguments into the declared options; returns false when help was asked for (help is
   * then printed to stdout). With help asked for anywhere, only unknown options are errors: a
   * documented command with placeholders for values still shows its help.
   */
  public boolean parse(String[] args) {
    return parse(args, System.out);
  }

  /** As {@link #parse(String[])}, printing help to {@code out}. */
  public boolean parse(String[] args, PrintStream out) {
    CommandLine command = commandLine();
    CommandLine.ParseResult result = command.parseArgs(args);
    boolean help = result.isUsageHelpRequested();
    if (!help && !result.errors().isEmpty()) {
      throw new UsageException(result.errors().get(0).getMessage() + " (see --help)");
    }
    if (help && !result.unmatched().isEmpty()) {
      throw new UsageException(new UnmatchedArgumentException(command, result.unmatched()).getMessage() + " (see --help)");
    }
    if (help) {
      out.print(help());
      return false;
    }
    return true;
  }

  /** The generated help: usage line, description, every option with its default and range. */
  public String help() {
    StringBuilder synopsis = new StringBuilder(spec.name());
    for (OptionSpec option : spec.options()) {
      if (option.required()) {
        synopsis.append(' ').append(option.longestName()).append('=').append(option.paramLabel());
      }
    }
    spec.usageMessage().customSynopsis(literal(synopsis.append(" [OPTIONS]").toString()));
    return commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  /** The command, with --help declared last (help lists it after the command's own options). */
  private CommandLine commandLine() {
    if (spec.findOption("help") == null) {
      spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("this text").build());
    }
    return new CommandLine(spec);
  }

  private <T> Arg<T> add(String name, String label, String help, String defaultValue, boolean required, String range,
      Function<String, T> convert) {
    List<String> facts = new ArrayList<>();
    if (required) {
      facts.add("required");
    }
    if (defaultValue != null) {
      facts.add("default " + defaultValue);
    }
    if (range != null) {
      facts.add(range);
    }
    OptionSpec.Builder option = OptionSpec.builder("--" + name).paramLabel(label).required(required).arity("1")
        .description(literal(facts.isEmpty() ? help : help + " (" + String.join("; ", facts) + ")"))
        .type(Object.class).converters(text -> {
          try {
            return convert.apply(text);
          } catch (IllegalArgumentException | UsageException e) {
            throw new TypeConversionException(e.getMessage());
          }
        });
    if (defaultValue != null) {
      option.defaultValue(defaultValue);
    }
    return declare(option);
  }

  private <T> Arg<T> declare(OptionSpec.Builder option) {
    OptionSpec built = option.build();
    spec.addOption(built);
    return new Arg<>(built);
  }

  private static Function<String, Long> whole(long min, long max) {
    return text -> {
      long value;
      try {
        value = Long.parseLong(text.replace("_", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a whole number, got '" + text + "'");
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException("must be " + within(bound(min, Long.MIN_VALUE), bound(max, Long.MAX_VALUE))
            + ", got " + value);
      }
      return value;
    };
  }

  private static Function<String, Double> number(double min, double max) {
    return text -> {
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a number, got '" + text + "'");
      }
      if (!(value >= min && value <= max)) {
        throw new IllegalArgumentException("must be " + within(bound(min), bound(max)) + ", got " + text);
      }
      return value;
    };
  }

  private static LocalDate day(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a day as YYYY-MM-DD, got '" + text + "'");
    }
  }

  /** A range as help shows it: 1 to 100, >= 1000, or nothing when unbounded. */
  private static String range(long min, long max) {
    return range(bound(min, Long.MIN_VALUE), bound(max, Long.MAX_VALUE));
  }

  private static String range(double min, double max) {
    return range(bound(min), bound(max));
  }

  private static String range(String min, String max) {
    if (min == null) {
      return max == null ? null : "<= " + max;
    }
    return max == null ? ">= " + min : min + " to " + max;
  }

  /** A range as an error message says it: between 1 and 100, at least 1000. */
  private static String within(String min, String max) {
    if (min == null) {
      return max == null ? "a number" : "at most " + max;
    }
    return max == null ? "at least " + min : "between " + min + " and " + max;
  }

  /** A bound as shown, null when there is none (the type's extreme). */
  private static String bound(long value, long none) {
    return value == none ? null : Long.toString(value);
  }

  private static String bound(double value) {
    return Math.abs(value) >= Double.MAX_VALUE ? null : show(value);
  }

  /** A number as a user writes it: 30 rather than 30.0, 0.00002 rather than 2.0E-5, 1E-12. */
  private static String show(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toString() : Double.toString(value);
  }

  /** Help text shown as written: picocli reads % as a format. */
  private static String literal(String text) {
    return text.replace("%", "%%");
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
