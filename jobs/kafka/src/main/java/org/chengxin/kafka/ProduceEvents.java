package org.chengxin.kafka;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.event.EventTopics;

/**
 * Produces raw event files (the generator's {@code events/DAY/KIND.jsonl}, bad lines and repeated
 * deliveries included) to the event topics, one record per line, its bytes as they are: what a
 * marketplace's services would publish. Creates missing topics. Prints one JSON object: records
 * per topic, the total and the rate.
 */
public final class ProduceEvents {
  private ProduceEvents() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("scripts/produce-events", "Produces raw JSON Lines event files (e.g. the "
          + "generator's events/) to the Kafka event topics, one record per line; creates missing topics.");
      Arg<Path> input = cli.requiredPath("input", "DIR", "folder of KIND.jsonl files (trades.jsonl, ratings.jsonl, ...), read recursively");
      Arg<String> bootstrap = cli.requiredText("kafka-bootstrap", "HOST:PORT", "the broker (e.g. 127.0.0.1:9092, `chengxin kafka up`)");
      Arg<String> prefix = cli.text("kafka-topic-prefix", "PREFIX", "topic of a kind: PREFIX + kind, e.g. chengxin.trade",
          EventTopics.DEFAULT_PREFIX);
      Arg<Long> partitions = cli.whole("partitions", "N", "partitions of a topic the producer creates", 2, 1, 1024);
      Arg<Long> rate = cli.whole("records-per-second", "N", "send at most this many records a second, a live stream's pace "
          + "(0: as fast as the broker takes them)", 0, 0, Long.MAX_VALUE);
      if (!cli.parse(args)) {
        return;
      }
      createTopics(bootstrap.value(), prefix.value(), partitions.value().intValue());
      long started = System.nanoTime();
      Map<EventKind, Long> produced = produce(bootstrap.value(), prefix.value(), files(input.value()), rate.value());
      double seconds = (System.nanoTime() - started) / 1e9;
      long total = produced.values().stream().mapToLong(Long::longValue).sum();
      StringBuilder json = new StringBuilder("{\"records\":" + total + ",\"seconds\":" + String.format(java.util.Locale.ROOT, "%.1f", seconds)
          + ",\"records_per_second\":" + Math.round(total / Math.max(seconds, 1e-3)) + ",\"topics\":{");
      String comma = "";
      for (Map.Entry<EventKind, Long> entry : produced.entrySet()) {
        json.append(comma).append('"').append(EventTopics.of(prefix.value(), entry.getKey())).append("\":").append(entry.getValue());
        comma = ",";
      }
      System.out.println(json.append("}}"));
    });
  }

  /** The event files under {@code input}, in path order (a day's kinds, day by day). */
  static List<Path> files(Path input) throws IOException {
    try (Stream<Path> walk = Files.walk(input)) {
      return walk.filter(Files::isRegularFile).filter(f -> EventTopics.kindOfFile(f.getFileName().toString()).isPresent())
          .sorted().toList();
    }
  }

  private static void createTopics(String bootstrap, String prefix, int partitions) throws Exception {
    Properties config = new Properties();
    config.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(config)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = EventTopics.all(prefix).stream().filter(t -> !existing.contains(t))
          .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
      admin.createTopics(missing).all().get();
    }
  }

  /** Sends every line of every file to its kind's topic; returns the records sent per kind. */
  private static Map<EventKind, Long> produce(String bootstrap, String prefix, List<Path> files, long perSecond)
      throws IOException, InterruptedException, ExecutionException {
    Properties config = new Properties();
    config.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    // Idempotent and acknowledged by the (one) replica: a retried send is not a second record.
    config.setProperty(ProducerConfig.ACKS_CONFIG, "all");
    config.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.setProperty(ProducerConfig.LINGER_MS_CONFIG, "20");
    config.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    config.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    Map<EventKind, Long> produced = new EnumMap<>(EventKind.class);
    AtomicReference<Exception> failure = new AtomicReference<>();
    Pace pace = new Pace(perSecond);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Path file : files) {
        EventKind kind = EventTopics.kindOfFile(file.getFileName().toString()).orElseThrow();
        String topic = EventTopics.of(prefix, kind);
        long lines = forEachLine(file, line -> {
          pace.next();
          producer.send(new ProducerRecord<>(topic, line), (metadata, e) -> {
            if (e != null) {
              failure.compareAndSet(null, e);
            }
          });
        });
        produced.merge(kind, lines, Long::sum);
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new ExecutionException("a record was not delivered", failure.get());
    }
    return produced;
  }

  /** Holds the sender back to a rate: the n-th record goes no sooner than n / rate seconds after the first. */
  static final class Pace {
    private final long perSecond;
    private final long started = System.nanoTime();
    private long sent;

    Pace(long perSecond) {
      this.perSecond = perSecond;
    }

    void next() {
      if (perSecond > 0) {
        long due = started + sent * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
      }
      sent++;
    }
  }

  /**
   * Calls {@code action} with each line's bytes, without its {@code \n} or {@code \r\n}, undecoded (lines in a wrong
   * encoding reach the ingest as they are, to be dead-lettered there); a last line without a
   * terminator counts, an empty tail after the last terminator does not. Returns the lines.
   */
  static long forEachLine(Path file, Consumer<byte[]> action) throws IOException {
    long lines = 0;
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          // A CRLF terminator is a terminator too, as the file source reads it.
          int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          action.accept(length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length));
          line.reset();
          lines++;
        } else {
          line.write(b);
        }
      }
    }
    if (line.size() > 0) {
      action.accept(line.toByteArray());
      lines++;
    }
    return lines;
  }
}
