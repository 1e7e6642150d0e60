package org.chengxin.jobs.frame;

import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Creates the SparkSession the jobs run in, with the settings every job relies on. */
public final class SparkSessions {

  /** Event times are UTC instants and days are UTC days: the session must agree. */
  public static final String TIME_ZONE = "UTC";

  private SparkSessions() {}

  /**
   * A session on {@code master} if given, else on the master spark-submit configured, else embedded
   * on {@code local[*]}.
   */
  public static SparkSession create(String appName, Optional<String> master) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .config("spark.sql.session.timeZone", TIME_ZONE)
            .config("spark.ui.showConsoleProgress", "false")
            // Tables are read as one path per day partition: an import of years of history is
            // thousands of paths, which Spark would list in a distributed job costing seconds; the
            // driver lists them in milliseconds (they are named, not discovered).
            .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000");
    if (master.isPresent()) {
      builder.master(master.get());
    } else if (!new SparkConf().contains("spark.master")) {
      // Embedded on a laptop: a cluster's 200 shuffle partitions only add task overhead here, and
      // the UI port is not wanted; a cluster run keeps its own settings.
      int cores = Runtime.getRuntime().availableProcessors();
      builder.master("local[*]")
          .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 4 * cores)))
          .config("spark.ui.enabled", "false");
    }
    return builder.getOrCreate();
  }
}
