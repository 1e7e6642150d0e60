package org.chengxin.jobs.frame;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.graph.blocks.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one job for one day: the frame every job body works through. It reads and writes
 * the warehouse with the documented schemas, names the Spark job group of each stage, logs each
 * stage with rows and rate, and records the job's entry in {@code WAREHOUSE/_runs/DAY.json} (rows
 * in and out per table, seconds, status), also when the run fails.
 *
 * <p>A job whose counted inputs stay under {@link #CODEGEN_MIN_ROWS} rows runs without Spark's
 * whole-stage code generation: on a sample-sized day, compiling each stage's generated Java costs
 * more than the generated code saves (the rings job compiles hundreds of classes for 12,000 trades).
 * Larger inputs run with the session's own setting.
 */
public final class JobRun {
  /** Counted input rows from which a job compiles its stages (whole-stage code generation). */
  public static final long CODEGEN_MIN_ROWS = 1_000_000;
  private static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
  private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

  /** A job's body. */
  @FunctionalInterface
  public interface Body {
    void run(JobRun run);
  }

  private final String job;
  private final JobOptions options;
  private final SparkWarehouse warehouse;
  private final Map<String, Long> inputs = new LinkedHashMap<>();
  private final Map<String, Long> outputs = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();
  /** The session's whole-stage code generation setting, restored when the job ends. */
  private final String sessionCodegen;

  private JobRun(String job, JobOptions options, SparkWarehouse warehouse, String sessionCodegen) {
    this.job = job;
    this.options = options;
    this.warehouse = warehouse;
    this.sessionCodegen = sessionCodegen;
  }

  /** Runs {@code body} as job {@code job} for the options' day and records it in the run summary. */
  public static JobResult execute(SparkSession spark, String job, JobOptions options, Body body) {
    spark.conf().set("spark.sql.session.timeZone", SparkSessions.TIME_ZONE);
    JobRun run = new JobRun(job, options, SparkWarehouse.open(spark, options.warehouse()),
        spark.conf().get(WHOLE_STAGE_CODEGEN, "true"));
    // Off until the counted inputs reach CODEGEN_MIN_ROWS (counting a scan compiles next to nothing).
    spark.conf().set(WHOLE_STAGE_CODEGEN, "false");
    long started = System.nanoTime();
    LOG.info("{} {}: started (warehouse {})", job, options.date(), run.warehouse.warehouse().root());
    Optional<String> checkpoints = run.clusterCheckpoints(spark);
    try {
      body.run(run);
    } catch (Exception e) {
      // Spark's own exceptions are checked ones thrown undeclared: catch them too.
      run.record("failed", seconds(started), e.getClass().getSimpleName());
      LOG.error("{} {}: failed after {} s", job, options.date(), String.format("%.1f", seconds(started)));
      throw e;
    } finally {
      spark.sparkContext().clearJobGroup();
      spark.conf().set(WHOLE_STAGE_CODEGEN, run.sessionCodegen);
      checkpoints.ifPresent(run.warehouse.warehouse().fileSystem()::deleteRecursively);
    }
    double seconds = seconds(started);
    JobResult result = new JobResult(job, options.date(), run.inputs, run.outputs, seconds);
    run.record("succeeded", seconds, null);
    LOG.info("{} {}: done in {} s, {} rows in, {} rows out", job, options.date(), String.format("%.1f", seconds),
        result.rowsIn(), result.rowsOut());
    return result;
  }

  /**
   * On a cluster, a folder of the warehouse for this job's checkpoints ({@link Checkpoints}: an
   * executor lost alone must not take a job's intermediate results with it), set on the context and
   * deleted when the job ends; embedded, none (local checkpoints).
   */
  private Optional<String> clusterCheckpoints(SparkSession spark) {
    if (spark.sparkContext().isLocal()) {
      return Optional.empty();
    }
    String folder = warehouse.warehouse().root() + "/_staging/spark_checkpoints/" + spark.sparkContext().applicationId() + "/" + job;
    spark.sparkContext().setCheckpointDir(folder);
    return Optional.of(folder);
  }

  public LocalDate day() {
    return options.date();
  }

  public SparkSession spark() {
    return warehouse.spark();
  }

  public SparkWarehouse warehouse() {
    return warehouse;
  }

  /** Adds a fact about this run (e.g. the mode it chose) to its summary entry and the log. */
  public void note(String key, String value) {
    notes.put(key, value);
    LOG.info("{} {}: {} = {}", job, day(), key, value);
  }

  /**
   * Runs one stage under a named Spark job group and logs its row count and rate.
   *
   * @param work does the stage and returns the rows it produced or handled
   */
  public long stage(String name, LongSupplier work) {
    spark().sparkContext().setJobGroup(job + "/" + name, job + " " + day() + ": " + name, false);
    long started = System.nanoTime();
    long rows = work.getAsLong();
    double seconds = seconds(started);
    LOG.info("{} {}: stage '{}' {} rows in {} s ({} rows/s)", job, day(), name, rows,
        String.format("%.1f", seconds), String.format("%.0f", rows / Math.max(seconds, 1e-3)));
    return rows;
  }

  /** Partitions {@code from} (null: the first) to {@code to} of an input table, counted as rows in. */
  public Dataset<Row> read(TableSchema table, LocalDate from, LocalDate to) {
    // Counting a plain Parquet scan reads only the files' footers.
    return counted(table, from, to, warehouse.read(table, from, to));
  }

  /**
   * As {@link #read}, for an input the job scans many times: only {@code columns}, cached as they
   * are counted, so the files (thousands of day partitions for an imported history) are read once.
   * The caller unpersists the result when done.
   */
  public Dataset<Row> readCached(TableSchema table, LocalDate from, LocalDate to, String... columns) {
    Column[] kept = Arrays.stream(columns).map(functions::col).toArray(Column[]::new);
    return counted(table, from, to, warehouse.read(table, from, to).select(kept).persist(StorageLevel.MEMORY_AND_DISK()));
  }

  private Dataset<Row> counted(TableSchema table, LocalDate from, LocalDate to, Dataset<Row> rows) {
    String range = (from == null ? "first" : from.toString()) + ".." + to;
    long count = stage("read " + table.name() + " " + range, rows::count);
    inputs.merge(table.name(), count, Long::sum);
    boolean compiled = rowsIn() >= CODEGEN_MIN_ROWS;
    spark().conf().set(WHOLE_STAGE_CODEGEN, compiled ? sessionCodegen : "false");
    notes.put("whole_stage_codegen", compiled ? sessionCodegen : "false");
    return rows;
  }

  private long rowsIn() {
    return inputs.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Rows this run has read of {@code table} so far (0 when it read none). */
  public long rowsRead(TableSchema table) {
    return inputs.getOrDefault(table.name(), 0L);
  }

  /** The latest partition at or before the run's day, if the table has one (inputs that may not exist yet). */
  public Optional<Dataset<Row>> readLatest(TableSchema table) {
    return warehouse.latest(table, day()).map(d -> read(table, d, d));
  }

  /** Writes the run day's partition of an output table atomically. */
  public long write(TableSchema table, Dataset<Row> rows) {
    long count = stage("write " + table.name(), () -> warehouse.writeDay(table, day(), rows));
    outputs.merge(table.name(), count, Long::sum);
    return count;
  }

  /** Rewrites every day partition {@code rowsWithDay} covers (its {@code ds} column), each atomically. */
  public long writeDays(TableSchema table, Dataset<Row> rowsWithDay) {
    long count = stage("write " + table.name() + " (all days)", () -> warehouse.writeDays(table, day(), rowsWithDay));
    outputs.merge(table.name(), count, Long::sum);
    return count;
  }

  private void record(String status, double seconds, String error) {
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.put("status", status);
    entry.put("rows_in", rowsIn());
    entry.put("rows_out", outputs.values().stream().mapToLong(Long::longValue).sum());
    entry.put("seconds", Math.round(seconds * 10) / 10.0);
    ObjectNode in = entry.putObject("inputs");
    inputs.forEach(in::put);
    ObjectNode out = entry.putObject("outputs");
    outputs.forEach(out::put);
    notes.forEach(entry::put);
    if (error != null) {
      entry.put("error", error);
    }
    new RunSummaries(warehouse.warehouse()).record(day(), job, entry);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
