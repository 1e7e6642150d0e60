package org.chengxin.jobs;

import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.chengxin.jobs.frame.SparkSessions;

/** The one local[2] session a test class shares: few shuffle partitions, no UI. */
public final class SparkTestSession {
  private SparkTestSession() {}

  public static SparkSession start() {
    SparkSession spark = SparkSessions.create("chengxin-test", Optional.of("local[2]"));
    spark.conf().set("spark.sql.shuffle.partitions", "4");
    return spark;
  }
}
