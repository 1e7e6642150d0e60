package org.chengxin.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  private final Arguments cli = new Arguments("demo", "a demo command");
  private final Arguments.Arg<LocalDate> date = cli.date("date", "the day");
  private final Arguments.Arg<Long> limit = cli.whole("limit", "N", "rows", 10, 1, 100);
  private final Arguments.Arg<Double> share = cli.number("share", "X", "a share", 0.5, 0, 1);
  private final Arguments.Arg<List<String>> inputs = cli.repeated("input", "DIR", "folders, repeatable");
  private final Arguments.Arg<Boolean> dryRun = cli.flag("dry-run", "do nothing");
  private final Arguments.Arg<String> start = cli.choice("start", "warm or cold", "warm", "warm", "cold");
  private final Arguments.Arg<Character> separator = cli.delimiter("separator", "field separator", ',');

  @Test
  void parsesTypedValuesFlagsRepeatsAndDefaults() {
    assertTrue(cli.parse(new String[] {"--date", "2026-11-01", "--limit=5", "--input", "a", "--input", "b,c", "--dry-run",
        "--separator", "tab"}));
    assertEquals(LocalDate.of(2026, 11, 1), date.value());
    assertEquals(5L, limit.value());
    assertEquals(0.5, share.value(), "the declared default");
    assertEquals(List.of("a", "b", "c"), inputs.value());
    assertTrue(dryRun.value());
    assertEquals("warm", start.value());
    assertEquals('\t', separator.value());
  }

  @Test
  void rejectsUnknownMissingMalformedAndOutOfRangeArgumentsClearly() {
    assertEquals("Unknown option: '--nope' (see --help)", assertThrows(UsageException.class,
        () -> new Arguments("x", "y").parse(new String[] {"--nope"})).getMessage());
    assertThrows(UsageException.class, () -> cli.parse(new String[] {}), "--date is required");
    assertTrue(assertThrows(UsageException.class, () -> cli.parse(new String[] {"--date", "2026-13-01"}))
        .getMessage().contains("must be a day as YYYY-MM-DD, got '2026-13-01'"));
    assertTrue(assertThrows(UsageException.class, () -> cli.parse(new String[] {"--date", "2026-11-01", "--limit", "0"}))
        .getMessage().contains("must be between 1 and 100, got 0"));
    assertTrue(assertThrows(UsageException.class, () -> cli.parse(new String[] {"--date", "2026-11-01", "--start", "hot"}))
        .getMessage().contains("must be one of warm, cold"));
    assertThrows(UsageException.class, () -> cli.parse(new String[] {"--date", "2026-11-01", "stray"}));
    assertThrows(UsageException.class, () -> cli.parse(new String[] {"--date"}), "a value is missing");
    assertTrue(assertThrows(UsageException.class, () -> cli.parse(new String[] {"--date", "2026-11-01", "--limit", "5",
        "--limit", "6"})).getMessage().contains("--limit"), "an option given twice");
    assertTrue(assertThrows(UsageException.class, () -> cli.parse(new String[] {"--date", "2026-11-01", "--share", "x"}))
        .getMessage().contains("must be a number, got 'x'"));
    assertTrue(assertThrows(UsageException.class, () -> cli.parse(new String[] {"--date", "2026-11-01", "--separator",
        "::"})).getMessage().contains("must be one character"));
  }

  @Test
  void optionalOptionsAreAbsentUntilGivenAndValuesMayLookNegative() {
    Arguments other = new Arguments("other", "optional values");
    Arguments.Arg<Long> blocks = other.whole("blocks", "N", "blocks (default: computed)", 1, Long.MAX_VALUE);
    Arguments.Arg<Double> offset = other.requiredNumber("offset", "X", "any number", Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY);
    Arguments.Arg<String> label = other.text("label", "V", "a label");
    Arguments.Arg<Boolean> quiet = other.flag("quiet", "say less");
    assertTrue(other.parse(new String[] {"--offset", "-1.5", "--label", "-1"}));
    assertTrue(blocks.optional().isEmpty());
    assertEquals(-1.5, offset.value());
    assertEquals("-1", label.value());
    assertFalse(quiet.value());
    assertTrue(other.parse(new String[] {"--offset=2", "--blocks", "1_000"}));
    assertEquals(1000L, blocks.value());
    assertTrue(label.optional().isEmpty(), "a later parse starts afresh");
    assertTrue(other.help().contains("blocks (default: computed) (>= 1)"), other.help());
    assertTrue(assertThrows(UsageException.class, () -> other.parse(new String[] {"--offset", "0", "--blocks", "0"}))
        .getMessage().contains("must be at least 1, got 0"));
    assertTrue(assertThrows(UsageException.class, () -> other.parse(new String[] {"--offset", "NaN"}))
        .getMessage().contains("must be a number, got NaN"));
  }

  @Test
  void helpAskedAnywhereChecksOptionNamesOnly() {
    assertFalse(cli.parse(new String[] {"--limit", "N", "--help"}), "a placeholder value does not hide help");
    assertFalse(cli.parse(new String[] {"-h", "--date", "YYYY-MM-DD"}));
    assertThrows(UsageException.class, () -> cli.parse(new String[] {"--colour", "red", "--help"}));
  }

  @Test
  void helpIsGeneratedWithEveryOptionItsDefaultAndRange() {
    assertFalse(cli.parse(new String[] {"--limit", "5", "--help"}), "help asked: nothing to run");
    String help = cli.help();
    assertTrue(help.contains("--date=YYYY-MM-DD"), help);
    assertTrue(help.contains("rows (default 10; 1 to 100)"), help);
    assertTrue(help.contains("--dry-run"), help);
    assertTrue(help.contains("a demo command"), help);
    assertTrue(help.startsWith("Usage: demo --date=YYYY-MM-DD [OPTIONS]"), help);
    assertTrue(help.contains("a share (default 0.5; 0 to 1)"), help);
    assertTrue(help.contains("(default comma)"), help);
  }
}
