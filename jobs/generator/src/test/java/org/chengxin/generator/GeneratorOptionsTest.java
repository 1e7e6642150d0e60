package org.chengxin.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.chengxin.core.cli.UsageException;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

  @Test
  void defaultsApplyAndRangesParse() throws Exception {
    GeneratorOptions o =
        GeneratorOptions.parse(new String[] {"--out", "/tmp/x", "--trades", "20000", "--ring-buyers", "5-9"}).orElseThrow();
    assertEquals(LocalDate.parse("2026-11-01"), o.startDate());
    assertEquals(1, o.days());
    assertEquals(new IntRange(5, 9), o.mix().ringBuyers());
    assertEquals(20_000, o.mix().tradesPerRing());
    assertEquals(0.001, o.faults().malformedRate());
  }

  @Test
  void rejectsBadArguments() {
    String[][] bad = {
      {"--trades", "5000"},
      {"--out", "/tmp/x", "--trades", "10"},
      {"--out", "/tmp/x", "--trades", "many"},
      {"--out", "/tmp/x", "--trades", "5000", "--days", "0"},
      {"--out", "/tmp/x", "--trades", "5000", "--start-date", "2026-13-01"},
      {"--out", "/tmp/x", "--trades", "5000", "--malformed-rate", "1.5"},
      {"--out", "/tmp/x", "--trades", "5000", "--ring-buyers", "60-10"},
      {"--out", "/tmp/x", "--trades", "5000", "--colour", "red"},
      {"--out", "/tmp/x", "--trades", "5000", "--trades", "6000"},
      {"--out", "/tmp/x", "--trades"},
    };
    for (String[] args : bad) {
      assertThrows(UsageException.class, () -> GeneratorOptions.parse(args), String.join(" ", args));
    }
  }

  @Test
  void campaignCountsRoundButKeepOneUnlessSwitchedOff() {
    assertEquals(1, FraudMix.campaigns(5_000, 20_000));
    assertEquals(3, FraudMix.campaigns(50_000, 20_000));
    assertEquals(0, FraudMix.campaigns(50_000, 0));
  }
}
