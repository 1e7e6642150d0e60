package org.chengxin.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chengxin.core.event.EventTopics;

/**
 * The raw lines of a continuous ingest from Kafka: every record of the event topics
 * ({@link EventTopics}: PREFIX + kind) is one raw line, its value's bytes as produced. Its
 * provenance is {@code kafka:TOPIC/PARTITION} as the source file and the record's offset as the
 * line number. The reader's offsets live in Flink's checkpoints, so a job restored from one reads
 * on after the last record whose output that checkpoint committed: with the FileSinks' commits on
 * checkpoints, every record ends in the tables exactly once.
 */
final class KafkaRawLines implements KafkaRecordDeserializationSchema<RawLine> {
  private static final long serialVersionUID = 1L;
  static final String SCHEME = "kafka:";
  /** Consumer group named in the broker for monitoring the lag; the offsets that count are the checkpoint's. */
  static final String GROUP = "chengxin-ingest";

  private final int maxLineBytes;

  KafkaRawLines(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * The source of the event topics of {@code prefix} at {@code bootstrap}: a fresh job reads them
   * from their beginning, a restored one from its checkpoint's offsets. Topics are matched by a
   * pattern, so a kind whose topic does not exist yet is picked up when it appears.
   */
  static KafkaSource<RawLine> source(String bootstrap, String prefix, int maxLineBytes) {
    return KafkaSource.<RawLine>builder()
        .setBootstrapServers(bootstrap)
        .setTopicPattern(topics(prefix))
        .setGroupId(GROUP)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new KafkaRawLines(maxLineBytes))
        // Only what transactional producers committed; plain producers' records are all committed.
        .setProperty("isolation.level", "read_committed")
        .setProperty("partition.discovery.interval.ms", "10000")
        .build();
  }

  /** Exactly the topics of the event kinds under {@code prefix}. */
  static Pattern topics(String prefix) {
    List<String> quoted = EventTopics.all(prefix).stream().map(Pattern::quote).toList();
    return Pattern.compile(String.join("|", quoted));
  }

  /** The provenance a record's rows carry as their source file. */
  static String sourceOf(String topic, int partition) {
    return SCHEME + topic + "/" + partition;
  }

  /** The topic and partition of a {@link #sourceOf} provenance; empty for a file's path. */
  static Optional<String[]> topicAndPartition(String source) {
    if (source == null || !source.startsWith(SCHEME)) {
      return Optional.empty();
    }
    int slash = source.lastIndexOf('/');
    return Optional.of(new String[] {source.substring(SCHEME.length(), slash), source.substring(slash + 1)});
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawLine> out) {
    byte[] value = record.value() == null ? new byte[0] : record.value();
    // As the file source does: a line over the limit keeps one byte more than it, so validation rejects it.
    if (value.length > maxLineBytes + 1) {
      value = Arrays.copyOf(value, maxLineBytes + 1);
    }
    out.collect(new RawLine(sourceOf(record.topic(), record.partition()), record.offset(), value));
  }

  @Override
  public TypeInformation<RawLine> getProducedType() {
    return TypeInformation.of(RawLine.class);
  }
}
