package org.chengxin.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day partitions of the warehouse's tables ({@code WAREHOUSE/TABLE/ds=DAY/*.parquet},
 * docs/tables.md) as DuckDB table expressions, each with the day as column {@code ds}: the
 * console's readers never list files themselves, and a table or day the warehouse lacks comes back
 * empty rather than failing the query.
 *
 * <p>A page reads a dozen small sets of partitions for one seller (a day, a window of days, every
 * day), and reading Parquet costs each query its files' metadata and a scan, a union of days a plan
 * branch per day: so each set a page reads is copied once into the console's in-memory DuckDB as
 * one table, up to {@link #BUDGET_BYTES} of Parquet (least recently used dropped first; a set over
 * {@link #COPY_CAP_BYTES} is always read from its files, in one scan). A table's days are listed
 * once, and again only when its folder changes: the nightly run renames each finished partition
 * into the table's folder (a new day, or a re-run replacing one), which changes the folder's
 * modification time. A set is copied again when one of its days' folders' time changes, so a page
 * sees a new or re-run day without a restart, with one {@code stat} per table.
 */
final class Partitions {
  private static final Logger LOG = LoggerFactory.getLogger(Partitions.class);
  // DuckDB holds a partition in memory at a few times its Parquet size: 128 MiB of Parquet stays well within a small server.
  static final long BUDGET_BYTES = 128L << 20;
  static final long COPY_CAP_BYTES = 16L << 20;

  private final Path warehouse;
  private final Duck duck;
  private final Map<String, Listing> listings = new ConcurrentHashMap<>();
  /** Copies by table and days, least recently used first. */
  private final LinkedHashMap<String, Copy> copies = new LinkedHashMap<>(16, 0.75f, true);
  /** Copies being made, by table and days; guarded by {@code copies}. */
  private final Map<String, Copying> copying = new HashMap<>();
  private final AtomicLong names = new AtomicLong();
  private long copiedBytes;

  // Every writer of the warehouse renames finished partitions in; listing again after a minute anyway
  // bounds how long a partition written in place by hand stays unseen.
  private static final long RELIST_NANOS = 60_000_000_000L;

  /** A table's partitions as listed at {@code listedAt} (System.nanoTime) when its folder had modification time {@code modified}. */
  private record Listing(FileTime modified, long listedAt, Map<LocalDate, Partition> partitions) {}

  /** One day's folder: when it was written, and its Parquet files' bytes. */
  private record Partition(Path folder, FileTime written, long bytes) {}

  /** The in-memory table holding a set of partitions as they were written at {@code written}. */
  private record Copy(String name, List<FileTime> written, long bytes) {}

  /** A copy being made of partitions as they were written at {@code written}: its table's name (or the files' expression) when done. */
  private record Copying(List<FileTime> written, CompletableFuture<String> name) {}

  Partitions(Path warehouse, Duck duck) {
    this.warehouse = warehouse;
    this.duck = duck;
  }

  /** Every day's rows of {@code table}. */
  Optional<String> allDays(String table) {
    return union(table, List.copyOf(listing(table).partitions().keySet()));
  }

  /** The rows of the latest partition of {@code table} on or before {@code asOf}. */
  Optional<String> asOf(String table, LocalDate asOf) {
    return days(table).stream().filter(day -> !day.isAfter(asOf)).max(Comparator.naturalOrder()).map(day -> source(table, List.of(day)));
  }

  /** The rows of the latest partition of {@code table}. */
  Optional<String> latest(String table) {
    return days(table).stream().max(Comparator.naturalOrder()).map(day -> source(table, List.of(day)));
  }

  /** The rows of {@code table}'s partitions from {@code first} to {@code last}, both included. */
  Optional<String> between(String table, LocalDate first, LocalDate last) {
    return union(table, daysBetween(table, first, last));
  }

  /**
   * The rows of {@code table}'s partitions from {@code first} to {@code last}, as a union of each
   * day's copy: for a range that pages rarely read twice (a ring's window of trades), where a copy
   * of the range itself would be made for one page.
   */
  Optional<String> daily(String table, LocalDate first, LocalDate last) {
    List<LocalDate> days = daysBetween(table, first, last);
    // BY NAME: a column added to the table later is null on the days written before it.
    return days.isEmpty() ? Optional.empty() : Optional.of("(" + days.stream().map(day -> "SELECT * FROM " + source(table, List.of(day)))
        .collect(Collectors.joining(" UNION ALL BY NAME ")) + ")");
  }

  /** The days of {@code table}'s partitions that hold Parquet files. */
  List<LocalDate> days(String table) {
    return List.copyOf(listing(table).partitions().keySet());
  }

  private List<LocalDate> daysBetween(String table, LocalDate first, LocalDate last) {
    return days(table).stream().filter(day -> !day.isBefore(first) && !day.isAfter(last)).toList();
  }

  /** The copies held in memory. */
  int copies() {
    synchronized (copies) {
      return copies.size();
    }
  }

  /**
   * When {@code table}'s partitions last changed, as the listing saw it (null: no such table): what
   * a cache built from the table's contents keys on.
   */
  FileTime changed(String table) {
    return listing(table).modified();
  }

  private Optional<String> union(String table, List<LocalDate> days) {
    return days.isEmpty() ? Optional.empty() : Optional.of(source(table, days.stream().sorted().toList()));
  }

  /**
   * The days' in-memory copy, made now if it fits; else their Parquet files. A request waits only
   * for the copies it needs: the lock guards the bookkeeping, not the copying, so pages reading
   * copies already made are not held up while another is made, and requests needing the same new
   * copy wait for one.
   */
  private String source(String table, List<LocalDate> days) {
    Map<LocalDate, Partition> listed = listing(table).partitions();
    List<Partition> partitions = days.stream().map(listed::get).toList();
    long bytes = partitions.stream().mapToLong(Partition::bytes).sum();
    // BY NAME: a column added to the table later is null on the days written before it.
    String files = "read_parquet([" + partitions.stream().map(partition -> literal(partition.folder() + "/*.parquet"))
        .collect(Collectors.joining(", ")) + "], hive_partitioning = true, union_by_name = true)";
    if (bytes > COPY_CAP_BYTES) {
      return files;
    }
    String key = table + "/" + days.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    List<FileTime> written = partitions.stream().map(Partition::written).toList();
    CompletableFuture<String> copied;
    boolean mine = false;
    synchronized (copies) {
      Copy copy = copies.get(key);
      if (copy != null && copy.written().equals(written)) {
        return copy.name();
      }
      Copying pending = copying.get(key);
      if (pending == null || !pending.written().equals(written)) {
        pending = new Copying(written, new CompletableFuture<>());
        copying.put(key, pending);
        mine = true;
      }
      copied = pending.name();
    }
    if (mine) {
      copied.complete(copy(table, key, new Copy("copy_" + table + "_" + names.incrementAndGet(), written, bytes), files));
    }
    return copied.join();
  }

  /** Makes {@code copy} of {@code files} and enters it in the budget; the files when the copy fails. */
  private String copy(String table, String key, Copy copy, String files) {
    try (Connection c = duck.connect(); Statement sql = c.createStatement()) {
      sql.execute("CREATE TABLE " + copy.name() + " AS SELECT * FROM " + files);
      synchronized (copies) {
        Copy replaced = copies.get(key);
        if (replaced != null) {
          drop(sql, key, replaced);
        }
        while (copiedBytes + copy.bytes() > BUDGET_BYTES && !copies.isEmpty()) {
          Map.Entry<String, Copy> eldest = copies.entrySet().iterator().next();
          drop(sql, eldest.getKey(), eldest.getValue());
        }
        copies.put(key, copy);
        copiedBytes += copy.bytes();
        copying.remove(key);
      }
      return copy.name();
    } catch (SQLException | RuntimeException e) {
      synchronized (copies) {
        copying.remove(key);
      }
      // The page still answers from the files; the log says why the copy failed.
      LOG.warn("copying {} of {} into memory failed: {}", key, table, e.getClass().getName());
      return files;
    }
  }

  /**
   * Drops a copy. A query that already planned on it still finishes (DuckDB's catalog is
   * transactional); one that names it after the drop fails, and its page says the warehouse could
   * not be read: only when a partition is replaced or the budget is full.
   */
  private void drop(Statement sql, String key, Copy copy) throws SQLException {
    sql.execute("DROP TABLE IF EXISTS " + copy.name());
    copies.remove(key);
    copiedBytes -= copy.bytes();
  }

  private Listing listing(String table) {
    Path root = warehouse.resolve(table);
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(root);
    } catch (IOException e) {
      return new Listing(null, 0, Map.of());
    }
    Listing known = listings.get(table);
    long now = System.nanoTime();
    if (known != null && known.modified().equals(modified) && now - known.listedAt() < RELIST_NANOS) {
      return known;
    }
    Listing fresh = new Listing(modified, now, list(root));
    listings.put(table, fresh);
    return fresh;
  }

  /** The partitions that hold Parquet files, by day. */
  private static Map<LocalDate, Partition> list(Path root) {
    Map<LocalDate, Partition> partitions = new TreeMap<>();
    try (Stream<Path> folders = Files.list(root)) {
      for (Path folder : folders.filter(p -> p.getFileName().toString().matches("ds=\\d{4}-\\d{2}-\\d{2}")).toList()) {
        long bytes = parquetBytes(folder);
        if (bytes >= 0) {
          partitions.put(LocalDate.parse(folder.getFileName().toString().substring(3)),
              new Partition(folder, Files.getLastModifiedTime(folder), bytes));
        }
      }
      return partitions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a partition's Parquet files; -1 when it has none. */
  private static long parquetBytes(Path partition) throws IOException {
    long bytes = -1;
    try (Stream<Path> files = Files.list(partition)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
        bytes = Math.max(bytes, 0) + Files.size(file);
      }
    }
    return bytes;
  }

  /** A path as an SQL string literal (the warehouse path is the operator's, but quotes in it must not break the query). */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
