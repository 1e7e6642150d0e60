package org.chengxin.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A Spark job (or several) timed as a whole process on one day of a warehouse: the wall seconds with
 * JVM start, the peak resident set when asked, and the night's run summary the job(s) wrote.
 */
record JobTiming(double wallSeconds, OptionalLong peakRssKib, RunSummary summary) {

  /**
   * Runs {@code run-job --job NAME... --warehouse W --date DAY EXTRA...}.
   *
   * @param jobs the jobs, each {@code --job NAME}
   */
  static JobTiming time(Steps steps, List<String> jobs, Path warehouse, LocalDate day, List<String> extra,
      boolean peakRss) throws IOException {
    List<String> args = new ArrayList<>(jobs);
    args.addAll(List.of("--warehouse", warehouse.toString(), "--date", day.toString()));
    args.addAll(extra);
    Steps.Timed timed = steps.timed("run-job", args, false, peakRss);
    return new JobTiming(timed.wallSeconds(), timed.peakRssKib(), RunSummary.read(warehouse, day));
  }
}
