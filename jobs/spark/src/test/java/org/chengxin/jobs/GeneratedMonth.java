package org.chengxin.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.event.EventKind;
import org.chengxin.core.privacy.Pseudonymiser;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.ColumnType;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.validation.EventValidator;
import org.chengxin.core.validation.ValidationResult;
import org.chengxin.generator.Generate;
import org.chengxin.jobs.frame.SparkSchemas;
import org.chengxin.jobs.frame.SparkWarehouse;

/**
 * A month from the generator in a warehouse, for end-to-end tests of the Spark jobs: the raw feed
 * is validated and pseudonymised line by line by the ingest's own {@link EventValidator} (the
 * engine-neutral core of the Flink ingest, which cannot share this classpath), the first delivery
 * of each event kept, and every event table written with one partition per event day. It also
 * keeps every account id and pseudonymous key of the month, for tests that must not find them.
 */
public final class GeneratedMonth {
  /** Every buyer and seller id of the trades, ratings, complaints and certificates. */
  public final Set<String> accountIds = new HashSet<>();
  /** Every device, IP and address key of the trades. */
  public final Set<String> pseudonymousKeys = new HashSet<>();
  /** Every trade, rating and complaint id. */
  public final Set<String> eventIds = new HashSet<>();
  public final LocalDate lastDay;

  private GeneratedMonth(LocalDate lastDay) {
    this.lastDay = lastDay;
  }

  /**
   * Generates {@code trades} trades over 30 days from {@code start} into {@code dir} (with the
   * generator's further {@code options}, e.g. its fraud mix) and ingests them into {@code warehouse}.
   */
  public static GeneratedMonth ingest(SparkSession spark, Path dir, String warehouse, long trades, LocalDate start, long seed,
      String... options) {
    List<String> args = new ArrayList<>(List.of("--out", dir.toString(), "--trades", String.valueOf(trades), "--days", "30",
        "--start-date", start.toString(), "--seed", String.valueOf(seed)));
    args.addAll(List.of(options));
    Generate.main(args.toArray(String[]::new));
    GeneratedMonth month = new GeneratedMonth(start.plusDays(29));
    EventValidator validator = new EventValidator(new Pseudonymiser("generated-month-test-key".getBytes(StandardCharsets.UTF_8)),
        Instant.parse("2100-01-01T00:00:00Z"), EventValidator.DEFAULT_MAX_LINE_BYTES);
    Map<EventKind, Map<String, ValidationResult.Accepted>> firstDelivery = new EnumMap<>(EventKind.class);
    try (Stream<Path> files = Files.walk(dir.resolve("events"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        long line = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          if (validator.validate(bytes, 0, bytes.length, file.toString(), ++line) instanceof ValidationResult.Accepted event) {
            firstDelivery.computeIfAbsent(event.kind(), k -> new LinkedHashMap<>()).putIfAbsent(event.eventId(), event);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> tradeIds = firstDelivery.getOrDefault(EventKind.TRADE, Map.of()).keySet();
    SparkWarehouse tables = SparkWarehouse.open(spark, warehouse);
    firstDelivery.forEach((kind, events) -> {
      TableSchema table = EventValidator.tableOf(kind);
      List<Row> rows = new ArrayList<>();
      for (ValidationResult.Accepted event : events.values()) {
        rows.add(month.row(table, event, tradeIds));
      }
      tables.writeDays(table, month.lastDay, spark.createDataFrame(rows, SparkSchemas.withPartition(table)));
    });
    return month;
  }

  private Row row(TableSchema table, ValidationResult.Accepted event, Set<String> tradeIds) {
    Object[] values = new Object[table.columns().size() + 1];
    for (int i = 0; i < table.columns().size(); i++) {
      Column column = table.columns().get(i);
      Object value = event.values()[i];
      if (column.name().equals("trade_known")) {
        value = tradeIds.contains(event.tradeId());
      } else if (column.type() == ColumnType.TIMESTAMP && value != null) {
        value = new Timestamp((Long) value);
      }
      if (value instanceof String text) {
        if (column.name().endsWith("_key")) {
          pseudonymousKeys.add(text);
        } else if (column.name().matches("(buyer|seller|rater|ratee)_id")) {
          accountIds.add(text);
        } else if (column.name().matches("(trade|rating|complaint)_id")) {
          eventIds.add(text);
        }
      }
      values[i] = value;
    }
    values[values.length - 1] = Date.valueOf(LocalDate.ofInstant(Instant.ofEpochMilli(event.eventTimeMillis()), ZoneOffset.UTC));
    return RowFactory.create(values);
  }
}
