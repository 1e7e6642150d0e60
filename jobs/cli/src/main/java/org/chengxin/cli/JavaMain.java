package org.chengxin.cli;

/**
 * A main class of one of the project's modules, run in a JVM of its own: the engines' modules
 * cannot share one (Spark and Flink bring incompatible dependencies).
 *
 * @param module the module's folder under the repository, e.g. {@code jobs/spark}
 * @param className the main class
 * @param defaultHeap the JVM heap when neither {@code --heap} nor {@code CHENGXIN_HEAP} says
 */
public record JavaMain(String module, String className, String defaultHeap) {

  static final String SPARK = "jobs/spark";
  static final String FLINK = "jobs/ingest";
  /** Not a main's module: the Flink session cluster's classpath (FlinkSession). */
  static final String FLINK_SESSION = "jobs/flink-session";
  /** The loopback Kafka broker and the producer of event files to its topics. */
  static final String KAFKA = "jobs/kafka";

  /**
   * Whether the main starts Spark or Flink, whose JVMs load tens of thousands of classes before
   * their first row: those runs use a class-data archive ({@link ClassDataArchive}).
   */
  boolean startsAnEngine() {
    return needsSparkFlags() || module.equals(FLINK);
  }

  /** Spark on Java 17 needs its module-opening flags (see launch.properties). */
  boolean needsSparkFlags() {
    return module.equals(SPARK) || module.equals("jobs/evaluation");
  }
}
