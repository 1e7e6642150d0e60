package org.chengxin.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.event.EventTopics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The producer against a real KRaft broker (in this JVM): every line of a kind's file, bytes as written, in its topic. */
class ProduceEventsTest {
  @TempDir Path tmp;

  @Test
  void everyLineOfAKindsFilesReachesItsTopicByteForByte() throws Exception {
    Path day = Files.createDirectories(tmp.resolve("events/2026-11-01"));
    byte[] latin1 = "{\"kind\":\"trade\",\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream trades = new ByteArrayOutputStream();
    trades.writeBytes("{\"kind\":\"trade\",\"trade_id\":\"t1\"}\r\n\n".getBytes(StandardCharsets.UTF_8));
    trades.writeBytes(latin1);
    Files.write(day.resolve("trades.jsonl"), trades.toByteArray());
    Files.writeString(day.resolve("ratings.jsonl"), "{\"kind\":\"rating\"}\n");
    Files.writeString(day.resolve("notes.txt"), "not an event file\n");

    int port = freePort();
    KafkaRaftServer broker = LoopbackBroker.start(tmp.resolve("broker"), port, freePort());
    try {
      String bootstrap = LoopbackBroker.HOST + ":" + port;
      PrintStream stdout = System.out;
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        ProduceEvents.main(new String[] {"--input", tmp.resolve("events").toString(), "--kafka-bootstrap", bootstrap});
      } finally {
        System.setOut(stdout);
      }
      assertEquals(true, printed.toString(StandardCharsets.UTF_8).startsWith("{\"records\":4,"), printed.toString());
      List<byte[]> tradeRecords = consume(bootstrap, EventTopics.of(EventTopics.DEFAULT_PREFIX, EventKind.TRADE), 3);
      assertEquals("{\"kind\":\"trade\",\"trade_id\":\"t1\"}", new String(tradeRecords.get(0), StandardCharsets.UTF_8),
          "a CRLF line without its terminator");
      assertEquals(0, tradeRecords.get(1).length, "an empty line is a record (the ingest dead-letters it)");
      assertArrayEquals(latin1, tradeRecords.get(2), "a line in another encoding as it was, without a terminator at the end");
      assertEquals(1, consume(bootstrap, EventTopics.of(EventTopics.DEFAULT_PREFIX, EventKind.RATING), 1).size());
    } finally {
      broker.shutdown();
      broker.awaitShutdown();
    }
  }

  /** The topic's records (one partition at a time, so in order when there is one producer and one file). */
  private static List<byte[]> consume(String bootstrap, String topic, int expected) {
    Properties config = new Properties();
    config.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.setProperty(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic);
    config.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<byte[]> values = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      records.sort(java.util.Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
          .thenComparingLong(ConsumerRecord::offset));
      records.forEach(r -> values.add(r.value()));
    }
    assertEquals(expected, values.size(), "records of " + topic);
    return values;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
