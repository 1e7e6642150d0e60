package org.chengxin.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.cli.UsageException;
import org.chengxin.core.csv.Delimited;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.schema.Tables;
import org.chengxin.jobs.frame.SparkSessions;
import org.chengxin.jobs.frame.SparkWarehouse;

/**
 * Prints one day of any documented table as JSON Lines (one object per row, every column a key,
 * nulls included) or CSV with a header, for people who want to look without writing Spark.
 * Entry point of {@code scripts/show}; only rows go to stdout.
 */
public final class ShowTable {
  private static final String ISO_INSTANT = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

  private ShowTable() {}

  public static void main(String[] args) {
    Arguments.runMain(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    Arguments cli = new Arguments("scripts/show", "Prints a table's rows as JSON Lines or CSV.");
    Arg<String> tableName = cli.requiredText("table", "TABLE", "table to print: " + String.join(", ", tableNames()));
    Arg<String> warehouseRoot = cli.text("warehouse", "DIR", "warehouse root (default: $CHENGXIN_WAREHOUSE, else ./warehouse)");
    Arg<LocalDate> date = cli.optionalDate("date", "partition day (default: the table's latest)");
    Arg<String> where = cli.text("where", "EXPR", "Spark SQL filter, e.g. \"credit_level >= 6\"");
    Arg<Long> limitRows = cli.whole("limit", "N", "at most N rows", 20, 1, 1_000_000);
    Arg<String> formatName = cli.choice("format", "json (JSON Lines) or csv", "json", "json", "csv");
    if (!cli.parse(args)) {
      return;
    }
    String name = tableName.value();
    TableSchema table = Tables.byName(name)
        .orElseThrow(() -> new UsageException("unknown table '" + name + "'; tables: " + String.join(", ", tableNames())));
    String root = warehouseRoot.optional().orElse(Optional.ofNullable(System.getenv("CHENGXIN_WAREHOUSE")).orElse("warehouse"));
    String format = formatName.value();
    long limit = limitRows.value();
    Optional<LocalDate> requested = date.optional();

    try (SparkSession spark = SparkSessions.create("chengxin-show " + name, Optional.empty())) {
      SparkWarehouse warehouse = SparkWarehouse.open(spark, root);
      LocalDate day = requested.orElseGet(() -> warehouse.latest(table, LocalDate.MAX)
          .orElseThrow(() -> new UsageException("table " + name + " has no partitions under " + warehouse.warehouse().root())));
      if (!warehouse.days(table).contains(day)) {
        throw new UsageException("table " + name + " has no partition ds=" + day + " under " + warehouse.warehouse().root());
      }
      Dataset<Row> rows = warehouse.read(table, day, day).drop(TableSchema.PARTITION_COLUMN);
      if (where.value() != null) {
        try {
          rows = rows.where(where.value());
        } catch (Exception e) {
          if (e instanceof AnalysisException) {
            throw new UsageException("--where is not a valid filter on " + name + ": "
                + e.getMessage().lines().findFirst().orElse(""));
          }
          throw e;
        }
      }
      rows = rows.limit((int) limit);
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      if (format.equals("json")) {
        printJson(rows, out);
      } else {
        printCsv(rows, out);
      }
      out.flush();
    }
  }

  private static void printJson(Dataset<Row> rows, PrintStream out) {
    Column json = to_json(struct(rows.col("*")), Map.of("ignoreNullFields", "false", "timestampFormat", ISO_INSTANT));
    Iterator<Row> it = rows.select(json).toLocalIterator();
    while (it.hasNext()) {
      out.println(it.next().getString(0));
    }
  }

  static void printCsv(Dataset<Row> rows, PrintStream out) throws IOException {
    List<Column> asText = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (StructField field : rows.schema().fields()) {
      Column value = field.dataType().equals(DataTypes.TimestampType)
          ? date_format(col(field.name()), ISO_INSTANT)
          : col(field.name()).cast("string");
      asText.add(value.as(field.name()));
      header.add(field.name());
    }
    // Not closed: that would close stdout.
    Delimited.Rows csv = Delimited.CSV.write(new OutputStreamWriter(out, StandardCharsets.UTF_8), header.toArray(String[]::new));
    Iterator<Row> it = rows.select(asText.toArray(Column[]::new)).toLocalIterator();
    while (it.hasNext()) {
      Row row = it.next();
      String[] cells = new String[row.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = row.isNullAt(i) ? null : row.getString(i);
      }
      csv.row((Object[]) cells);
    }
    csv.flush();
  }

  private static List<String> tableNames() {
    List<String> names = new ArrayList<>();
    Tables.all().forEach(t -> names.add(t.name()));
    return names;
  }
}
