package org.chengxin.jobs.frame;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.chengxin.core.cli.CommandLine;

/**
 * The options every Spark job shares: where the warehouse is, which day to run, and the Spark
 * master. Jobs wrap it in their own typed options.
 *
 * @param warehouse warehouse root: a local directory or a Hadoop URI (hdfs://...)
 * @param date the day to run: its partitions are read and written
 * @param master Spark master; empty: the one spark-submit configured, else embedded local[*]
 */
public record JobOptions(String warehouse, LocalDate date, Optional<String> master) {

  public JobOptions {
    Objects.requireNonNull(warehouse, "warehouse");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(master, "master");
    if (warehouse.isBlank()) {
      throw new IllegalArgumentException("warehouse must not be blank");
    }
  }

  public static JobOptions of(String warehouse, LocalDate date) {
    return new JobOptions(warehouse, date, Optional.empty());
  }

  public static CommandLine declare(CommandLine cli) {
    return cli.option("warehouse", "DIR", "warehouse root (local directory or hdfs:// URI); required")
        .option("date", "YYYY-MM-DD", "the day to run; required")
        .option("master", "URL", "Spark master (default: spark-submit's, else embedded local[*])");
  }

  public static JobOptions from(CommandLine cli) {
    return new JobOptions(cli.required("warehouse"), cli.date("date"), cli.get("master"));
  }
}
