package org.chengxin.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A generated marketplace as the benchmarks build it: {@code trades} over {@code days} days from
 * 2026-11-01 with the generator's default fraud mix and {@code seed} (else the generator's default),
 * generated into {@code DIR/raw} and ingested into {@code DIR/warehouse}.
 */
record Market(long trades, int days, OptionalLong seed) {
  static final LocalDate START = LocalDate.of(2026, 11, 1);

  /** How the days are ingested: one run a day, or one backfill run from the first day to the last. */
  enum Ingest {
    DAY_BY_DAY, BACKFILL
  }

  LocalDate lastDay() {
    return START.plusDays(days - 1L);
  }

  Market withSeed(long other) {
    return new Market(trades, days, OptionalLong.of(other));
  }

  static Path raw(Path dir) {
    return dir.resolve("raw");
  }

  static Path warehouse(Path dir) {
    return dir.resolve("warehouse");
  }

  /**
   * Generates and ingests the market into {@code dir} unless its warehouse already holds
   * {@code ready} (a path under it that the last step writes), emptying {@code dir} first.
   *
   * @return whether it was built now (false: reused)
   */
  boolean build(Steps steps, Path dir, String ready, Ingest ingest, String tag) throws IOException {
    Path warehouse = warehouse(dir);
    if (Files.exists(warehouse.resolve(ready))) {
      return false;
    }
    Folders.delete(dir);
    Benchmark.progress("%s generating %d trades over %d day(s)%s and ingesting them ...", tag, trades, days,
        seed.isPresent() ? " with seed " + seed.getAsLong() : "");
    List<String> generate = new ArrayList<>(List.of("--out", raw(dir).toString(), "--trades", Long.toString(trades),
        "--days", Integer.toString(days)));
    seed.ifPresent(s -> generate.addAll(List.of("--seed", Long.toString(s))));
    generate.addAll(List.of("--start-date", START.toString()));
    steps.run("generate", generate);
    Path events = raw(dir).resolve("events");
    if (ingest == Ingest.BACKFILL) {
      steps.run("ingest", List.of("--input", events.toString(), "--warehouse", warehouse.toString(),
          "--from-date", START.toString(), "--date", lastDay().toString()));
    } else {
      for (LocalDate day = START; !day.isAfter(lastDay()); day = day.plusDays(1)) {
        steps.run("ingest", List.of("--input", events.resolve(day.toString()).toString(),
            "--warehouse", warehouse.toString(), "--date", day.toString()));
      }
    }
    return true;
  }

  /**
   * Builds the market in {@code dir} (or reuses it, see {@link #build}, days ingested one by one), then
   * times {@code run-job JOB} on its last day.
   */
  JobTiming timeJob(Steps steps, Path dir, String ready, String tag, String job, List<String> extra) throws IOException {
    build(steps, dir, ready, Ingest.DAY_BY_DAY, tag);
    Benchmark.progress("%s %s for %s over %d trades ...", tag, job, lastDay(), trades);
    return JobTiming.time(steps, List.of("--job", job), warehouse(dir), lastDay(), extra, false);
  }

  /** {@code NxD}: N trades over D days, D in 1-90 (the dissatisfaction job's longest window). */
  static final class Spec implements ITypeConverter<Market> {
    @Override
    public Market convert(String value) {
      String[] parts = value.split("x", -1);
      if (parts.length != 2) {
        throw new TypeConversionException("a market is N trades x D days, e.g. 200000x14, got '" + value + "'");
      }
      long days = Counts.parse(parts[1], 1);
      if (days > 90) {
        throw new TypeConversionException("days must be 1-90 (the job's longest window), got: " + days);
      }
      return new Market(Counts.parse(parts[0], 1), (int) days, OptionalLong.empty());
    }
  }
}
