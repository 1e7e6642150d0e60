package org.chengxin.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;

/**
 * A real Kafka broker on loopback in KRaft mode (broker and controller in one process, no
 * ZooKeeper), from Kafka's own Maven artifacts: what {@code kafka-storage.sh format} and
 * {@code kafka-server-start.sh} do with a one-node {@code server.properties}. Its data stays in
 * {@code DIR/data} across restarts. Runs until stopped; prints {@code bootstrap HOST:PORT} once it
 * serves.
 */
public final class LoopbackBroker {
  static final String HOST = "127.0.0.1";

  private LoopbackBroker() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> {
      Arguments cli = new Arguments("chengxin kafka-broker", "A one-node KRaft Kafka broker on loopback, "
          + "started by `chengxin kafka up`; runs until stopped.");
      Arg<Path> dir = cli.requiredPath("dir", "DIR", "the broker's folder: server.properties and data/ (kept across restarts)");
      Arg<Long> port = cli.whole("port", "PORT", "the clients' port (the bootstrap address)", 9092, 1, 65535);
      Arg<Long> controllerPort = cli.whole("controller-port", "PORT", "the KRaft controller's port", 9093, 1, 65535);
      if (!cli.parse(args)) {
        return;
      }
      KafkaRaftServer server = start(dir.value(), port.value().intValue(), controllerPort.value().intValue());
      Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "broker-shutdown"));
      System.out.println("bootstrap " + HOST + ":" + port.value());
      System.out.flush();
      server.awaitShutdown();
    });
  }

  /** Formats the data folder on first use, then starts the broker; returns once it serves. */
  static KafkaRaftServer start(Path dir, int port, int controllerPort) throws IOException {
    Files.createDirectories(dir);
    Properties config = config(dir.resolve("data"), port, controllerPort);
    Path file = dir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(file)) {
      config.store(out, "written by chengxin: a one-node KRaft broker on loopback");
    }
    if (!Files.exists(dir.resolve("data/meta.properties"))) {
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      int status = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
          "--config", file.toString()}, quiet);
      if (status != 0) {
        throw new IllegalStateException("could not format the broker's storage in " + dir.resolve("data"));
      }
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
    server.startup();
    return server;
  }

  /** A single node that is broker and controller, every replication factor 1, no waiting for group members. */
  static Properties config(Path data, int port, int controllerPort) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", data.toString());
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // Topics are created by the producer with the partitions it is told; a typo'd topic is not made silently.
    p.setProperty("auto.create.topics.enable", "false");
    return p;
  }
}
