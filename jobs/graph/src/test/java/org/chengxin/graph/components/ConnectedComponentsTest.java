package org.chengxin.graph.components;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.graph.blocks.BlockedGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("ConnectedComponentsTest")
        .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> pairs(String first, String second, List<String[]> rows) {
    StructType schema = new StructType().add(first, DataTypes.StringType).add(second, DataTypes.StringType);
    return spark.createDataFrame(rows.stream().map(r -> RowFactory.create((Object[]) r)).toList(), schema);
  }

  private static Map<String, Long> asMap(Dataset<Row> rows) {
    return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
  }

  /** Every round inside one task, or (at most two edges a block) split over many blocks. */
  private static ConnectedComponents components(long maxEdgesPerBlock) {
    return new ConnectedComponents(new BlockedGraph(maxEdgesPerBlock, 2, 50), "test");
  }

  /** Nodes grouped by component, as sorted sets: labels are numbers, the grouping is the result. */
  private static Set<Set<String>> groups(Map<String, Long> labels) {
    return new HashSet<>(labels.entrySet().stream()
        .collect(Collectors.groupingBy(Map.Entry::getValue,
            Collectors.mapping(Map.Entry::getKey, Collectors.toCollection(TreeSet::new))))
        .values());
  }

  @Test
  void labelsEveryNodeOfAComponentAlikeInOneBlockAndInMany() {
    // A long path needs several rounds (with a checkpoint every 2 on the many-block path), plus a
    // separate pair and a triangle.
    Dataset<Row> edges = pairs(ConnectedComponents.SRC, ConnectedComponents.DST, List.of(
        new String[] {"e", "d"}, new String[] {"d", "c"}, new String[] {"c", "b"}, new String[] {"b", "a"},
        new String[] {"y", "x"}, new String[] {"p", "q"}, new String[] {"q", "r"}, new String[] {"r", "p"}));
    Map<String, Long> oneBlock = asMap(components(1_000).run(edges));
    assertEquals(Set.of(Set.of("a", "b", "c", "d", "e"), Set.of("x", "y"), Set.of("p", "q", "r")), groups(oneBlock));
    assertEquals(oneBlock, asMap(components(2).run(edges)), "four blocks give the same labels");
  }
}
