package org.chengxin.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class KafkaRawLinesTest {
  @Test
  void aRecordIsARawLineWithItsTopicPartitionAndOffsetAsProvenance() {
    List<RawLine> out = deserialize(new ConsumerRecord<>("chengxin.trade", 1, 41L, null, "{}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("kafka:chengxin.trade/1", out.get(0).sourceFile);
    assertEquals(41L, out.get(0).lineNumber);
    assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), out.get(0).bytes);
    assertArrayEquals(new String[] {"chengxin.trade", "1"}, KafkaRawLines.topicAndPartition(out.get(0).sourceFile).orElseThrow());
    assertTrue(KafkaRawLines.topicAndPartition("/data/raw/trades.jsonl").isEmpty());
  }

  @Test
  void aRecordOverTheLimitKeepsOneByteMoreAndANullValueIsAnEmptyLine() {
    assertEquals(257, deserialize(new ConsumerRecord<>("t", 0, 0L, null, new byte[10_000])).get(0).bytes.length);
    assertEquals(0, deserialize(new ConsumerRecord<>("t", 0, 1L, null, null)).get(0).bytes.length);
  }

  @Test
  void onlyTheEventKindsTopicsUnderThePrefixAreRead() {
    var topics = KafkaRawLines.topics("chengxin.");
    for (String topic : List.of("chengxin.trade", "chengxin.rating", "chengxin.complaint", "chengxin.certificate",
        "chengxin.rating_revision")) {
      assertTrue(topics.matcher(topic).matches(), topic);
    }
    assertFalse(topics.matcher("chengxin.refund").matches());
    assertFalse(topics.matcher("chengxinXtrade").matches(), "the prefix's dot is a dot");
    assertFalse(topics.matcher("other.chengxin.trade").matches());
  }

  private static List<RawLine> deserialize(ConsumerRecord<byte[], byte[]> record) {
    List<RawLine> out = new ArrayList<>();
    new KafkaRawLines(256).deserialize(record, new Collector<>() {
      @Override
      public void collect(RawLine line) {
        out.add(line);
      }

      @Override
      public void close() {}
    });
    return out;
  }
}
