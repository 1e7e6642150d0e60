package org.chengxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command the README and docs show runs as written: each {@code scripts/NAME ...} of a code
 * block or code span is run with {@code --help} appended (the command's parser checks every option
 * before it), and each {@code nightly} command with {@code --dry-run} (its plan is built from the
 * options as given). Runs the real mains of the built modules, so it lives in the last module built.
 */
class DocumentedCommandsTest {
  private static final Path HOME = Path.of(System.getProperty("chengxin.home", "../..")).toAbsolutePath().normalize();
  private static final Pattern FENCED = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
  /** A span naming a script in lower case; {@code scripts/NAME} and {@code scripts/...} are prose, not commands. */
  private static final Pattern SPAN = Pattern.compile("`(scripts/[a-z][^`]*)`");
  private static final Pattern COMMAND = Pattern.compile("(?:[A-Z_]+=\\S+\\s+)*(?:/usr/bin/time -v\\s+)?(scripts/[a-z-]+.*)");
  /** Placeholders the docs write for days; a typed date option gets a real day in their place. */
  private static final Set<String> DAY_PLACEHOLDERS = Set.of("D", "D0", "LAST", "LAST_DAY", "FIRST_DAY", "YYYY-MM-DD", "2026-11-0N");

  @Test
  void everyDocumentedCommandParses() throws Exception {
    Set<List<String>> commands = documentedCommands();
    assertTrue(commands.size() > 40, "the docs show dozens of commands; found " + commands.size());
    List<String> failures = new ArrayList<>();
    // --help checks option names, not values: one run per script, leading word and option names.
    Set<List<String>> shapes = new HashSet<>();
    for (List<String> command : commands) {
      if (!shapes.add(shape(command))) {
        continue;
      }
      Path script = HOME.resolve(command.get(0));
      if (!Files.isExecutable(script)) {
        failures.add(String.join(" ", command) + ": no such script");
        continue;
      }
      List<String> run = new ArrayList<>(List.of("bash", script.toString()));
      run.addAll(command.subList(1, command.size()));
      String check = command.get(0).equals("scripts/nightly") ? "--dry-run" : "--help";
      if (!command.contains(check)) { // a documented `--help` or `--dry-run` runs as written
        run.add(check);
      }
      Process process = new ProcessBuilder(run).directory(HOME.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        failures.add(String.join(" ", command) + " -> " + output.strip().lines().reduce((a, b) -> b).orElse(""));
      }
    }
    assertEquals(List.of(), failures, "documented commands that do not run as written");
  }

  @Test
  void placeholdersAndOptionalPartsAreReadAsAReaderWould() {
    assertEquals(List.of("scripts/nightly", "--input", "DIR", "--warehouse", "DIR", "--date", "2026-11-04"),
        tokens("scripts/nightly --input DIR --warehouse DIR --date YYYY-MM-DD [--spark-master URL]"));
    assertEquals(List.of("scripts/queue", "decide", "1", "--note", "ring R-12: shared"),
        tokens("scripts/queue decide 1 --note \"ring R-12: shared\"   # a comment"));
    assertEquals(List.of("scripts/run-job", "rings"), tokens("scripts/run-job rings ..."));
  }

  private static Set<List<String>> documentedCommands() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(HOME.resolve("README.md"), HOME.resolve("data-samples/README.md")));
    try (Stream<Path> docs = Files.list(HOME.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    Set<List<String>> commands = new LinkedHashSet<>();
    for (Path page : pages) {
      String text = Files.readString(page);
      Matcher block = FENCED.matcher(text);
      while (block.find()) {
        for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
          Matcher command = COMMAND.matcher(line.strip().replaceFirst("^\\$ ", ""));
          if (command.matches()) {
            commands.add(tokens(command.group(1)));
          }
        }
      }
      Matcher span = SPAN.matcher(FENCED.matcher(text).replaceAll(""));
      while (span.find()) {
        if (!span.group(1).contains("*")) { // a pattern (scripts/bench-*), not a command
          commands.add(tokens(span.group(1)));
        }
      }
    }
    assertFalse(commands.isEmpty());
    return commands;
  }

  /** What --help checks of a command: the script, its leading word (a job, table or queue command), its option names. */
  private static List<String> shape(List<String> command) {
    if (command.get(0).equals("scripts/nightly")) {
      return command; // its dry run checks values too
    }
    List<String> shape = new ArrayList<>(List.of(command.get(0)));
    if (command.size() > 1 && !command.get(1).startsWith("-")) {
      shape.add(command.get(1));
    }
    command.stream().filter(word -> word.startsWith("--")).sorted().forEach(shape::add);
    return shape;
  }

  /** Shell-like words of a documented command: quotes kept together, comments, "..." and [optional parts] dropped. */
  static List<String> tokens(String command) {
    String text = command.replaceAll("\\[[^\\]]*\\]", " ");
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == '#' && word == null) {
        break;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    words.removeIf(w -> w.equals("...") || w.equals("|"));
    // A subcommand placeholder (scripts/chengxin SUBCOMMAND --help) stands for any: the first is checked.
    if (words.size() > 1 && words.get(1).equals("SUBCOMMAND")) {
      words.set(1, "nightly");
    }
    for (int i = 1; i < words.size(); i++) {
      if (words.get(i - 1).matches("--(from-)?date") && DAY_PLACEHOLDERS.contains(words.get(i))) {
        words.set(i, "2026-11-04");
      }
    }
    return words;
  }

}
