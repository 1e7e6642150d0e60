package org.chengxin.graph.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

  @Test
  void inTheExecutorsUntilTheContextHasACheckpointFolderThenThere(@TempDir Path folder) throws IOException {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("CheckpointsTest")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      Dataset<Long> numbers = spark.range(1000).as(org.apache.spark.sql.Encoders.LONG());
      JavaRDD<Integer> kept = new JavaSparkContext(spark.sparkContext()).parallelize(java.util.List.of(1, 2, 3), 2);

      // Embedded (no folder set): local checkpoints, nothing on disk.
      assertEquals(499_500L, Checkpoints.of(numbers).reduce((org.apache.spark.api.java.function.ReduceFunction<Long>) Long::sum));
      Checkpoints.mark(kept.rdd());
      assertEquals(6, kept.reduce(Integer::sum));
      assertTrue(kept.rdd().isCheckpointed());
      assertFalse(kept.rdd().getCheckpointFile().isDefined(), "a local checkpoint has no file");

      // A cluster's job runner sets the folder: both kinds go there, as files an executor's loss leaves intact.
      spark.sparkContext().setCheckpointDir(folder.toString());
      assertEquals(499_500L, Checkpoints.of(numbers).reduce((org.apache.spark.api.java.function.ReduceFunction<Long>) Long::sum));
      JavaRDD<Integer> reliable = kept.map(x -> x * 10);
      Checkpoints.mark(reliable.rdd());
      assertEquals(60, reliable.reduce(Integer::sum));
      assertTrue(reliable.rdd().getCheckpointFile().isDefined(), "written to the folder");
      try (Stream<Path> files = Files.walk(folder)) {
        assertTrue(files.anyMatch(file -> file.getFileName().toString().startsWith("part-")), "checkpoint files in " + folder);
      }
    } finally {
      spark.stop();
    }
  }
}
