package org.chengxin.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The day partitions of the warehouse's tables ({@code WAREHOUSE/TABLE/ds=DAY/*.parquet},
 * docs/tables.md) as DuckDB {@code read_parquet} expressions: the console's readers never list files
 * themselves, and a table or day the warehouse lacks comes back empty rather than failing the query.
 * A table's days are listed once and listed again only when its folder changes: the nightly run
 * renames each finished partition into the table's folder (a new day, or a re-run replacing one),
 * which changes the folder's modification time, so a page answers with one {@code stat} per table
 * and still sees the new day without a restart.
 */
final class Partitions {
  private final Path warehouse;
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();

  /** A table's days as listed when its folder had modification time {@code modified}. */
  private record Listing(FileTime modified, List<LocalDate> days) {}

  Partitions(Path warehouse) {
    this.warehouse = warehouse;
  }

  /** Every day's files of {@code table}, with the day as column {@code ds}. */
  Optional<String> allDays(String table) {
    return days(table).isEmpty() ? Optional.empty()
        : Optional.of("read_parquet(" + literal(warehouse.resolve(table) + "/ds=*/*.parquet") + ", hive_partitioning = true)");
  }

  /** The files of the latest partition of {@code table} on or before {@code asOf}. */
  Optional<String> asOf(String table, LocalDate asOf) {
    return days(table).stream().filter(day -> !day.isAfter(asOf)).max(Comparator.naturalOrder())
        .map(day -> "read_parquet(" + literal(warehouse.resolve(table).resolve("ds=" + day) + "/*.parquet") + ")");
  }

  /** The files of the latest partition of {@code table}. */
  Optional<String> latest(String table) {
    return days(table).stream().max(Comparator.naturalOrder()).flatMap(day -> asOf(table, day));
  }

  /** The files of {@code table}'s partitions from {@code first} to {@code last}, both included, with the day as column {@code ds}. */
  Optional<String> between(String table, LocalDate first, LocalDate last) {
    List<LocalDate> inside = days(table).stream().filter(day -> !day.isBefore(first) && !day.isAfter(last)).sorted().toList();
    return inside.isEmpty() ? Optional.empty()
        : Optional.of("read_parquet([" + inside.stream().map(day -> literal(warehouse.resolve(table).resolve("ds=" + day) + "/*.parquet"))
            .collect(Collectors.joining(", ")) + "], hive_partitioning = true)");
  }

  /** The days of {@code table}'s partitions that hold Parquet files. */
  List<LocalDate> days(String table) {
    return listing(table).days();
  }

  /**
   * When {@code table}'s partitions last changed, as the listing saw it (null: no such table): what
   * a cache built from the table's contents keys on.
   */
  FileTime changed(String table) {
    return listing(table).modified();
  }

  private Listing listing(String table) {
    Path root = warehouse.resolve(table);
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(root);
    } catch (IOException e) {
      return new Listing(null, List.of());
    }
    Listing known = listings.get(table);
    if (known != null && known.modified().equals(modified)) {
      return known;
    }
    Listing fresh = new Listing(modified, list(root));
    listings.put(table, fresh);
    return fresh;
  }

  private static List<LocalDate> list(Path root) {
    try (Stream<Path> partitions = Files.list(root)) {
      return partitions.filter(p -> p.getFileName().toString().matches("ds=\\d{4}-\\d{2}-\\d{2}") && hasParquet(p))
          .map(p -> LocalDate.parse(p.getFileName().toString().substring(3))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasParquet(Path partition) {
    try (Stream<Path> files = Files.list(partition)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path as an SQL string literal (the warehouse path is the operator's, but quotes in it must not break the query). */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
