package org.chengxin.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.validation.EventValidator;
import org.chengxin.core.validation.ValidationResult;
import org.chengxin.core.validation.ValidationResult.Accepted;

/**
 * A generated feed read back through the ingest's validation, for tests that need a market's events
 * as table rows without a Flink run: only for feeds generated with the feed faults off, where every
 * line is valid.
 */
public final class GeneratedFeed {
  private GeneratedFeed() {}

  /**
   * Every event of {@code kind} in {@code out/events/DAY/} for the {@code days} days from {@code start}.
   *
   * @throws IllegalStateException when a line is rejected
   */
  public static List<Accepted> accepted(Path out, EventKind kind, LocalDate start, int days, EventValidator validator)
      throws IOException {
    List<Accepted> events = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      Path file = out.resolve("events/" + start.plusDays(d) + "/" + kind.table() + ".jsonl");
      long n = 0;
      for (String line : Files.readAllLines(file)) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        ValidationResult result = validator.validate(bytes, 0, bytes.length, file.toString(), ++n);
        if (!(result instanceof Accepted accepted)) {
          throw new IllegalStateException("rejected generated line " + file + ":" + n + ": " + result);
        }
        events.add(accepted);
      }
    }
    return events;
  }
}
