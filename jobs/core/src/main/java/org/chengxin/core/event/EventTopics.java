package org.chengxin.core.event;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Kafka topics of the raw events: one per event kind, named by a prefix and the kind's wire
 * name ({@code chengxin.trade}, {@code chengxin.rating}, ...). A topic's records are raw JSON Lines
 * lines, one event each, as a platform's feed writes them to a file (docs/ingest.md).
 */
public final class EventTopics {
  public static final String DEFAULT_PREFIX = "chengxin.";

  private EventTopics() {}

  /** The topic of one kind's events. */
  public static String of(String prefix, EventKind kind) {
    return prefix + kind.wireName();
  }

  /** Every kind's topic, in the kinds' order. */
  public static List<String> all(String prefix) {
    return Arrays.stream(EventKind.values()).map(kind -> of(prefix, kind)).toList();
  }

  /** The kind whose events a raw file named after its table holds ({@code trades.jsonl}: trade). */
  public static Optional<EventKind> kindOfFile(String fileName) {
    return Arrays.stream(EventKind.values()).filter(kind -> fileName.equals(kind.table() + ".jsonl")).findFirst();
  }
}
