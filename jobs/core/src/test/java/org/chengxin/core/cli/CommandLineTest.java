package org.chengxin.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  private static CommandLine cli() {
    return new CommandLine("demo --date D")
        .option("date", "YYYY-MM-DD", "the day")
        .option("limit", "N", "rows")
        .option("input", "DIR", "folders, repeatable")
        .flag("dry-run", "do nothing");
  }

  @Test
  void parsesValuesFlagsAndRepeats() {
    CommandLine c = cli();
    assertTrue(c.parse(new String[] {"--date", "2026-11-01", "--limit=5", "--input", "a", "--input", "b", "--dry-run"}));
    assertEquals(LocalDate.of(2026, 11, 1), c.date("date"));
    assertEquals(5, c.longValue("limit", 10, 1, 100));
    assertEquals(java.util.List.of("a", "b"), c.all("input"));
    assertTrue(c.isSet("dry-run"));
  }

  @Test
  void rejectsBadInputClearly() {
    assertThrows(UsageException.class, () -> cli().parse(new String[] {"--nope"}));
    assertThrows(UsageException.class, () -> cli().parse(new String[] {"--date"}));
    assertThrows(UsageException.class, () -> cli().parse(new String[] {"stray"}));
    CommandLine c = cli();
    c.parse(new String[] {"--date", "2026-13-01", "--limit", "0"});
    assertThrows(UsageException.class, () -> c.date("date"));
    assertThrows(UsageException.class, () -> c.longValue("limit", 10, 1, 100));
    CommandLine missing = cli();
    missing.parse(new String[] {});
    assertThrows(UsageException.class, () -> missing.required("date"));
    assertFalse(missing.isSet("dry-run"));
  }

  @Test
  void helpListsEveryOption() {
    String help = cli().help();
    assertTrue(help.contains("--date YYYY-MM-DD"));
    assertTrue(help.contains("--dry-run"));
  }
}
