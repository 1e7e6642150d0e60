package org.chengxin.jobs.review;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.schema.PublicRecordTables;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.warehouse.HadoopWarehouseFileSystem;
import org.chengxin.core.warehouse.LocalWarehouseFileSystem;
import org.chengxin.core.warehouse.Warehouse;

/**
 * {@code chengxin public-record}: a day of seller_public_record as JSON a storefront can serve, one
 * object per seller and line (JSON Lines), ordered by seller; its fields are the table's columns
 * (docs/public-record.md), every one present (null when empty), days as ISO dates. Read from the
 * Parquet files without Spark ({@link PublicRecordJson}). To stdout, or to a file written
 * atomically (readers see the old file or the whole new one).
 */
public final class PublicRecordExport {
  private static final TableSchema TABLE = PublicRecordTables.SELLER_PUBLIC_RECORD;

  private PublicRecordExport() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> run(args));
  }

  private static void run(String[] args) {
    Arguments cli = new Arguments("scripts/public-record",
        "Prints a day's seller_public_record as JSON Lines: one object per seller, for a storefront to serve.");
    Arg<String> warehouseRoot = cli.text("warehouse", "DIR", "warehouse root (default: $CHENGXIN_WAREHOUSE, else ./warehouse)");
    Arg<LocalDate> date = cli.optionalDate("date", "the record's day (default: the latest partition)");
    Arg<String> seller = cli.text("seller", "ID", "only this seller (an error when the record has no row for it)");
    Arg<Path> out = cli.path("out", "FILE", "write to FILE atomically instead of stdout");
    if (!cli.parse(args)) {
      return;
    }
    String root = warehouseRoot.optional().orElse(Optional.ofNullable(System.getenv("CHENGXIN_WAREHOUSE")).orElse("warehouse"));
    List<String> lines = jsonLines(root, date.optional(), seller.optional());
    if (out.optional().isPresent()) {
      String text = lines.stream().map(line -> line + "\n").collect(Collectors.joining());
      new LocalWarehouseFileSystem().writeAtomically(out.optional().get().toString(), text.getBytes(StandardCharsets.UTF_8));
    } else {
      PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      lines.forEach(stdout::println);
      stdout.flush();
    }
  }

  /** The day's record (the latest partition when no day is given) as JSON lines, by seller; read without Spark. */
  static List<String> jsonLines(String root, Optional<LocalDate> requested, Optional<String> seller) {
    Configuration conf = new Configuration();
    Warehouse warehouse = HadoopWarehouseFileSystem.open(root, conf);
    List<LocalDate> days = warehouse.days(TABLE.name());
    LocalDate day = requested.orElseGet(() -> days.stream().reduce((a, b) -> b)
        .orElseThrow(() -> new UsageException(TABLE.name() + " has no partitions under " + warehouse.root()
            + ": run the nightly pipeline first")));
    if (!days.contains(day)) {
      throw new UsageException(TABLE.name() + " has no partition ds=" + day + " under " + warehouse.root());
    }
    SortedMap<String, String> bySeller = PublicRecordJson.bySeller(warehouse, conf, day);
    if (seller.isEmpty()) {
      return List.copyOf(bySeller.values());
    }
    if (!bySeller.containsKey(seller.get())) {
      throw new UsageException("seller " + seller.get() + " has no public record on " + day);
    }
    return List.of(bySeller.get(seller.get()));
  }
}
