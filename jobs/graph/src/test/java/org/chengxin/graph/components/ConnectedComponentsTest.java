package org.chengxin.graph.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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

  private static Map<String, String> asMap(Dataset<Row> rows) {
    return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
  }

  @Test
  void labelsEveryNodeWithTheSmallestIdOfItsComponent() {
    // A long path needs several rounds (with a checkpoint every 2): e-d-c-b-a, plus a separate pair.
    Dataset<Row> edges = pairs(ConnectedComponents.SRC, ConnectedComponents.DST, List.of(
        new String[] {"e", "d"}, new String[] {"d", "c"}, new String[] {"c", "b"}, new String[] {"b", "a"},
        new String[] {"y", "x"}));
    Map<String, String> labels = asMap(new ConnectedComponents(2, 20).run(edges)
        .select(ConnectedComponents.NODE, ConnectedComponents.COMPONENT));
    assertEquals(Map.of("a", "a", "b", "a", "c", "a", "d", "a", "e", "a", "x", "x", "y", "x"), labels);
  }

  @Test
  void aLongChainCollapsesInLogarithmicallyManyRounds() {
    // Neighbour labels alone need 63 rounds to carry n00 along this 64-node path; pointer
    // jumping doubles the distance a label travels per round.
    List<String[]> path = new java.util.ArrayList<>();
    for (int i = 1; i < 64; i++) {
      path.add(new String[] {String.format("n%02d", i), String.format("n%02d", i - 1)});
    }
    Map<String, String> labels = asMap(new ConnectedComponents(3, 12)
        .run(pairs(ConnectedComponents.SRC, ConnectedComponents.DST, path))
        .select(ConnectedComponents.NODE, ConnectedComponents.COMPONENT));
    assertEquals(64, labels.size());
    assertEquals(java.util.Set.of("n00"), new java.util.HashSet<>(labels.values()));
  }

  @Test
  void failsLoudlyWhenRoundsRunOut() {
    Dataset<Row> edges = pairs(ConnectedComponents.SRC, ConnectedComponents.DST, List.of(
        new String[] {"d", "c"}, new String[] {"c", "b"}, new String[] {"b", "a"}));
    assertThrows(IllegalStateException.class, () -> new ConnectedComponents(1, 1).run(edges));
  }

  @Test
  void superCommonKeyDoesNotLinkAccounts() {
    // 25 accounts behind one carrier NAT address, over the cap of 20; two of them share a device.
    List<String[]> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(new String[] {"acct" + i, "ip:nat"});
      rows.add(new String[] {"acct" + i, "device:own" + i});
    }
    rows.add(new String[] {"acct3", "device:own4"});
    Dataset<Row> accountKeys = pairs(SharedKeyLinkage.ACCOUNT_ID, "key", rows);
    Dataset<Row> everyone = accountKeys.select(SharedKeyLinkage.ACCOUNT_ID);
    Map<String, String> groups =
        asMap(new SharedKeyLinkage(20, new ConnectedComponents(3, 50)).run(accountKeys, everyone));
    assertEquals(2, groups.size(), "only the device pair links: " + groups);
    assertEquals(groups.get("acct3"), groups.get("acct4"));

    Map<String, String> uncapped =
        asMap(new SharedKeyLinkage(30, new ConnectedComponents(3, 50)).run(accountKeys, everyone));
    assertEquals(25, uncapped.size());
    assertEquals(1, uncapped.values().stream().distinct().count());
    assertFalse(uncapped.containsKey("ip:nat"), "keys are not accounts");

    // Only focus accounts are linked; the cap still counts everyone on the key.
    Dataset<Row> focus = everyone.filter(org.apache.spark.sql.functions.col(SharedKeyLinkage.ACCOUNT_ID)
        .isin("acct1", "acct2", "acct3", "acct4"));
    assertEquals(Map.of("acct3", "a:acct3", "acct4", "a:acct3"),
        asMap(new SharedKeyLinkage(20, new ConnectedComponents(3, 50)).run(accountKeys, focus)));
  }
}
