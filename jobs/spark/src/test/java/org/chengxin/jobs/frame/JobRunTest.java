package org.chengxin.jobs.frame;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.SparkSession;
import org.chengxin.core.schema.Column;
import org.chengxin.core.schema.ColumnType;
import org.chengxin.core.schema.TableSchema;
import org.chengxin.core.warehouse.RunSummaries;
import org.chengxin.jobs.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-stage code generation follows each job's counted input, and the session's setting survives the job. */
class JobRunTest {
  private static final TableSchema TABLE = new TableSchema("rater_scores", "a two-column table",
      List.of(Column.required("rater_id", ColumnType.STRING, "", "rater"), Column.required("reliability", ColumnType.DOUBLE, "", "weight")));
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static final String CODEGEN = "spark.sql.codegen.wholeStage";
  private static SparkSession spark;

  @TempDir Path root;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @AfterEach
  void sessionDefault() {
    spark.conf().unset(CODEGEN);
  }

  @Test
  void aSmallInputRunsInterpretedAndTheSessionKeepsItsSetting() {
    write(1_000);
    assertEquals("false", codegenInsideAJobReading());
    assertEquals("true", spark.conf().get(CODEGEN));
    assertEquals("false", summary().path("whole_stage_codegen").asText());
  }

  @Test
  void anInputOfAMillionRowsCompilesItsStages() {
    write(JobRun.CODEGEN_MIN_ROWS);
    assertEquals("true", codegenInsideAJobReading());
    assertEquals("true", summary().path("whole_stage_codegen").asText());
  }

  @Test
  void aSessionThatTurnedCodegenOffKeepsItOffWhateverTheInput() {
    write(JobRun.CODEGEN_MIN_ROWS);
    spark.conf().set(CODEGEN, "false");
    assertEquals("false", codegenInsideAJobReading());
    assertEquals("false", spark.conf().get(CODEGEN));
  }

  private void write(long rows) {
    SparkWarehouse.open(spark, root.toString()).writeDay(TABLE, DAY,
        spark.range(rows).select(col("id").cast("string").as("rater_id"), lit(0.5).as("reliability")));
  }

  /** The setting a job body sees once it has read (and counted) the table. */
  private String codegenInsideAJobReading() {
    AtomicReference<String> seen = new AtomicReference<>();
    JobRun.execute(spark, "codegen-probe", JobOptions.of(root.toString(), DAY), run -> {
      run.read(TABLE, DAY, DAY);
      seen.set(run.spark().conf().get(CODEGEN));
    });
    return seen.get();
  }

  private com.fasterxml.jackson.databind.JsonNode summary() {
    return new RunSummaries(SparkWarehouse.open(spark, root.toString()).warehouse()).read(DAY).path("jobs").path("codegen-probe");
  }
}
