package org.chengxin.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.event.EventFields;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.event.EventTopics;
import org.chengxin.core.schema.EventTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.validation.EventValidator;

/**
 * Accounts for a Kafka ingest ({@link KafkaLedger}): reads every record of the event topics and every
 * committed row of the warehouse's event tables, dead letters and late events, and prints the
 * account as one JSON object. With {@code --wait-seconds} it reads the tables again every
 * {@code --poll-seconds} until every record is accounted for (or the time is up), and says when that
 * was ({@code accounted_at_ms}): how the kill benchmark knows a running ingest has caught up.
 */
public final class AuditKafkaIngest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOURCE_FILE = "source_file";
  private static final String SOURCE_LINE = "source_line";

  private AuditKafkaIngest() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("chengxin audit-kafka-ingest", "Accounts for every record of the event topics in "
          + "the warehouse's tables (a row each, or a duplicate of an event with one): prints the account as JSON.");
      Arg<String> bootstrap = cli.requiredText("kafka-bootstrap", "HOST:PORT", "the broker");
      Arg<String> prefix = cli.text("kafka-topic-prefix", "PREFIX", "the event topics' prefix", EventTopics.DEFAULT_PREFIX);
      Arg<Path> warehouse = cli.requiredPath("warehouse", "DIR", "the warehouse the ingest writes");
      Arg<Long> waitSeconds = cli.whole("wait-seconds", "N", "read the tables again until every record is accounted for, "
          + "at most this long (0: once)", 0, 0, 86_400);
      Arg<Long> pollSeconds = cli.whole("poll-seconds", "N", "with --wait-seconds: how often the tables are read", 2, 1, 3600);
      if (!cli.parse(args)) {
        return;
      }
      KafkaLedger ledger = new KafkaLedger();
      readTopics(bootstrap.value(), prefix.value(), ledger);
      long rowsAtLeast = ledger.rowsAtLeast();
      long deadline = System.currentTimeMillis() + waitSeconds.value() * 1000;
      int polls = 0;
      ObjectNode account;
      while (true) {
        // Counting the footers is cheap; reading every row is not, and would slow the ingest it waits for.
        if (committedRows(warehouse.value()) < rowsAtLeast && System.currentTimeMillis() < deadline) {
          Thread.sleep(pollSeconds.value() * 1000);
          continue;
        }
        ledger.clearRows();
        readTables(warehouse.value(), ledger);
        polls++;
        account = ledger.account();
        if (account.path("missing").asLong() == 0 || System.currentTimeMillis() >= deadline) {
          break;
        }
        Thread.sleep(pollSeconds.value() * 1000);
      }
      if (account.path("missing").asLong() == 0) {
        account.put("accounted_at_ms", System.currentTimeMillis());
      }
      System.out.println(account.put("polls", polls));
    });
  }

  private static long committedRows(Path warehouse) {
    long rows = 0;
    for (TableSchema table : EventTables.all()) {
      rows += CommittedRows.count(warehouse, table.name());
    }
    return rows;
  }

  /** Every record of the event topics, from the beginning to the end they have now. */
  private static void readTopics(String bootstrap, String prefix, KafkaLedger ledger) {
    Properties config = new Properties();
    config.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
    Pattern topics = KafkaRawLines.topics(prefix);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> assigned = new ArrayList<>();
      for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics().entrySet()) {
        if (topics.matcher(topic.getKey()).matches()) {
          topic.getValue().forEach(p -> assigned.add(new TopicPartition(p.topic(), p.partition())));
        }
      }
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
      while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> ledger.produced(
            KafkaRawLines.sourceOf(record.topic(), record.partition()), record.offset(), eventOf(record.value())));
      }
    }
  }

  /** A record's kind:id as the ingest deduplicates it; null when the line does not name both. */
  static String eventOf(byte[] line) {
    try {
      JsonNode node = JSON.readTree(line);
      Optional<EventKind> kind = EventKind.fromWire(node.path(EventFields.KIND).asText(null));
      if (kind.isEmpty() || !node.path(kind.get().idField()).isTextual()) {
        return null;
      }
      return DeduplicateFunction.id(kind.get().wireName(), node.path(kind.get().idField()).asText());
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  /** Every committed row that came from Kafka, with its event. */
  private static void readTables(Path warehouse, KafkaLedger ledger) {
    for (EventKind kind : EventKind.values()) {
      TableSchema table = EventValidator.tableOf(kind);
      CommittedRows.forEach(warehouse, table.name(), null,
          AvroSchemas.projection(table, List.of(kind.idField(), SOURCE_FILE, SOURCE_LINE)),
          row -> ledger.row(table.name(), text(row, SOURCE_FILE), (Long) row.get(SOURCE_LINE),
              DeduplicateFunction.id(kind.wireName(), text(row, kind.idField())), true));
    }
    for (TableSchema table : List.of(EventTables.DEAD_LETTER, EventTables.LATE_EVENTS)) {
      CommittedRows.forEach(warehouse, table.name(), null,
          AvroSchemas.projection(table, List.of(EventFields.KIND, "event_id", SOURCE_FILE, SOURCE_LINE)),
          row -> ledger.row(table.name(), text(row, SOURCE_FILE), (Long) row.get(SOURCE_LINE), eventOf(row), false));
    }
  }

  private static String eventOf(GenericRecord row) {
    String kind = text(row, EventFields.KIND);
    String id = text(row, "event_id");
    return kind == null || id == null ? null : DeduplicateFunction.id(kind, id);
  }

  private static String text(GenericRecord row, String column) {
    Object value = row.get(column);
    return value == null ? null : value.toString();
  }
}
