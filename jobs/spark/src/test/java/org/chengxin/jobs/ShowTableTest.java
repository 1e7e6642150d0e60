package org.chengxin.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code scripts/show --format csv}: a header, RFC 4180 quoting only where needed, nulls empty. */
class ShowTableTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void csvHasAHeaderQuotesOnlyWhatNeedsItAndLeavesNullsEmpty() throws IOException {
    StructType schema = new StructType().add("seller_id", DataTypes.StringType).add("note", DataTypes.StringType)
        .add("score", DataTypes.DoubleType).add("at", DataTypes.TimestampType);
    Timestamp at = Timestamp.from(Instant.parse("2026-11-04T10:15:30Z"));
    Dataset<Row> rows = spark.createDataFrame(List.of(
        RowFactory.create("s-1", "plain words", 0.5, at),
        RowFactory.create("s,2", "say \"hi\"", null, null),
        RowFactory.create("s-3", "two\nlines", 1.0, at)), schema).coalesce(1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
    ShowTable.printCsv(rows, out);
    String iso = "2026-11-04T10:15:30.000Z";
    assertEquals("seller_id,note,score,at\n"
        + "s-1,plain words,0.5," + iso + "\n"
        + "\"s,2\",\"say \"\"hi\"\"\",,\n"
        + "s-3,\"two\nlines\",1.0," + iso + "\n", bytes.toString(StandardCharsets.UTF_8));
  }
}
