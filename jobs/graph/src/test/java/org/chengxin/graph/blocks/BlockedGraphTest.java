package org.chengxin.graph.blocks;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.graph.kernels.NamedEdges;
import org.chengxin.graph.kernels.Rounds;
import org.chengxin.graph.kernels.TauCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Spark wiring of the kernels: one block and many blocks reach the plain-Java fixpoint. */
class BlockedGraphTest {

  private static final int BUYERS = 120;
  private static final int SELLERS = 15;
  private static final int EDGES = 400;
  private static final double TAU = 1.2;

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("BlockedGraphTest")
        .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** A random weighted buyer–seller graph in which an account can be a buyer and a seller too. */
  private static List<Row> market() {
    Random random = new Random(5);
    Map<String, Row> pairs = new TreeMap<>();
    while (pairs.size() < EDGES) {
      String buyer = "a" + random.nextInt(BUYERS);
      String seller = "a" + random.nextInt(SELLERS);
      pairs.put(buyer + "|" + seller, RowFactory.create(buyer, seller, 0.1 + random.nextDouble()));
    }
    return new ArrayList<>(pairs.values());
  }

  /** Present/removed per edge endpoint, keyed "buyer|seller". */
  private static Map<String, String> core(Dataset<Row> states) {
    Map<String, String> byEdge = new TreeMap<>();
    for (Row r : states.collectAsList()) {
      byEdge.put(r.getString(0) + "|" + r.getString(1), r.getDouble(3) + "/" + r.getDouble(4));
    }
    return byEdge;
  }

  @Test
  void tauCoreIsTheSameInOneBlockInManyBlocksAndInPlainJava() {
    List<Row> rows = market();
    StructType schema = new StructType().add(BlockedGraph.SRC, DataTypes.StringType)
        .add(BlockedGraph.DST, DataTypes.StringType).add(BlockedGraph.WEIGHT, DataTypes.DoubleType);
    Dataset<Row> edges = spark.createDataFrame(rows, schema);

    Map<String, String> oneBlock = core(new BlockedGraph(EDGES, 3, 100).run(edges, true, new TauCore(TAU), "test"));
    Map<String, String> manyBlocks = core(new BlockedGraph(EDGES / 8, 3, 100).run(edges, true, new TauCore(TAU), "test"));
    assertEquals(oneBlock, manyBlocks, "eight blocks");

    NamedEdges named = new NamedEdges(true);
    rows.forEach(r -> named.add(r.getString(0), r.getString(1), r.getDouble(2)));
    NamedEdges.Encoded encoded = named.encode();
    double[] states = Rounds.untilStable(new TauCore(TAU), encoded.edges(), 100).states();
    Map<String, String> plain = new TreeMap<>();
    for (int e = 0; e < encoded.edges().edgeCount(); e++) {
      String key = encoded.names()[encoded.edges().src(e)] + "|" + encoded.names()[encoded.edges().dst(e)];
      plain.put(key, states[encoded.edges().src(e)] + "/" + states[encoded.edges().dst(e)]);
    }
    assertEquals(plain, oneBlock);
    long kept = oneBlock.values().stream().filter("1.0/1.0"::equals).count();
    assertTrue(kept > 0 && kept < EDGES, "the test graph has a core and a fringe: " + kept);
    assertEquals(kept, new BlockedGraph(EDGES / 8, 3, 100).run(edges, true, new TauCore(TAU), "test")
        .filter(col(BlockedGraph.SRC_STATE).equalTo(1.0).and(col(BlockedGraph.DST_STATE).equalTo(1.0))).count());
  }
}
