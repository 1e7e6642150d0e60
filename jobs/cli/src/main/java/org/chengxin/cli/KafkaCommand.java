package org.chengxin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chengxin kafka up|down|status}: a real Kafka broker on loopback in KRaft mode (broker and
 * controller in one JVM of its own, module jobs/kafka), started from Kafka's Maven artifacts
 * (these machines cannot download a distribution). Its data stays in {@code DIR/broker} across
 * restarts. The continuous ingest reads from it with {@code --kafka-bootstrap 127.0.0.1:PORT}.
 */
@Command(name = "kafka", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Starts, stops or shows a one-node Kafka broker (KRaft mode, no ZooKeeper) on loopback, a JVM of its own "
        + "from Kafka's Maven artifacts; its data, log and process id under target/kafka.",
        "Then: scripts/produce-events --input DIR --kafka-bootstrap 127.0.0.1:9092, and scripts/ingest --mode continuous "
            + "--kafka-bootstrap 127.0.0.1:9092 --warehouse DIR (docs/ingest.md).",
        "Exit status: 0 done (status: the broker is up), 1 it failed, 3 (status) the broker is down."})
public final class KafkaCommand implements Callable<Integer> {
  static final JavaMain BROKER = new JavaMain(JavaMain.KAFKA, "org.chengxin.kafka.LoopbackBroker", "512m");
  private static final String LOOPBACK = "127.0.0.1";
  private static final String NAME = "kafka-broker";

  private final Launcher launcher;

  @Parameters(index = "0", paramLabel = "up|down|status", description = "what to do")
  private Action action;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
      description = "the clients' port: the bootstrap address is 127.0.0.1:PORT (default: ${DEFAULT-VALUE})")
  private int port;

  @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "9093",
      description = "the KRaft controller's port (default: ${DEFAULT-VALUE})")
  private int controllerPort;

  @Option(names = "--dir", paramLabel = "DIR", description = "the broker's folder: data, log, process id (default: target/kafka in the checkout)")
  private Path brokerDir;

  enum Action { UP, DOWN, STATUS }

  KafkaCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  /** The command for a broker in {@code dir} on {@code port}: what benchmarks and tests start too. */
  public static KafkaCommand at(Launcher launcher, Path dir, int port, int controllerPort) {
    KafkaCommand command = new KafkaCommand(launcher);
    command.brokerDir = dir;
    command.port = port;
    command.controllerPort = controllerPort;
    return command;
  }

  @Override
  public Integer call() throws Exception {
    return switch (action) {
      case UP -> up() == 0 ? print() : 1;
      case DOWN -> down();
      case STATUS -> status();
    };
  }

  public String bootstrap() {
    return LOOPBACK + ":" + port;
  }

  private Path dir() {
    return brokerDir != null ? brokerDir.toAbsolutePath() : launcher.home().resolve("target/kafka");
  }

  /** Starts the broker and waits until it serves; 0 when it does. */
  public int up() throws IOException, InterruptedException {
    PidFiles processes = new PidFiles(dir());
    if (!processes.alive().isEmpty()) {
      System.err.println("[chengxin] kafka is already up (scripts/chengxin kafka status; down to stop it)");
      return 1;
    }
    List<String> command = launcher.command(BROKER, Optional.of(BROKER.defaultHeap()), List.of("--dir", dir().resolve("broker").toString(),
        "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort)));
    Process broker = processes.start(NAME, new ProcessBuilder(command));
    // The broker prints its bootstrap address once it serves clients.
    String ready = "bootstrap " + bootstrap();
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline && broker.isAlive()) {
      if (Files.readString(processes.log(NAME)).contains(ready)) {
        return 0;
      }
      Thread.sleep(200);
    }
    System.err.println("[chengxin] the broker did not come up within a minute; its log: " + processes.log(NAME));
    processes.stopAll();
    return 1;
  }

  /** Stops the broker; returns the processes stopped. */
  public int stop() throws IOException {
    return new PidFiles(dir()).stopAll();
  }

  private int down() throws IOException {
    System.out.println("kafka down (" + stop() + " processes stopped)");
    return 0;
  }

  private int status() throws IOException {
    if (new PidFiles(dir()).alive().isEmpty()) {
      System.out.println("kafka down");
      return 3;
    }
    return print();
  }

  private int print() {
    System.out.println("kafka --kafka-bootstrap " + bootstrap() + " (KRaft, one node)");
    System.out.println("data " + dir().resolve("broker"));
    System.out.println("logs " + dir().resolve("logs"));
    return 0;
  }
}
