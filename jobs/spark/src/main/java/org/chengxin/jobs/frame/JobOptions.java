package org.chengxin.jobs.frame;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;

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

  /**
   * Declares --warehouse, --date and --master, the options every Spark main shares; returns the
   * options once the arguments are parsed.
   */
  public static Supplier<JobOptions> declare(Arguments cli) {
    Arg<String> warehouse = cli.requiredText("warehouse", "DIR", "warehouse root (local directory or hdfs:// URI)");
    Arg<LocalDate> date = cli.date("date", "the day to run");
    Arg<String> master = cli.text("master", "URL", "Spark master (default: spark-submit's, else embedded local[*])");
    return () -> new JobOptions(warehouse.value(), date.value(), master.optional());
  }
}
