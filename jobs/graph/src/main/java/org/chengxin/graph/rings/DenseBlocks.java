package org.chengxin.graph.rings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.graph.components.ConnectedComponents;
import org.chengxin.graph.fraudar.BipartiteGraph;
import org.chengxin.graph.fraudar.Block;
import org.chengxin.graph.fraudar.GreedyPeeler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed FRAUDAR. Stage 1, batch peeling on DataFrames: every pass removes, all at once, each
 * buyer and seller whose weighted degree is below the threshold tau, until nothing changes (the
 * weighted tau-core). Any block of density >= tau that no single removal makes denser survives,
 * because each of its nodes has degree >= its density inside it. Stage 2: connected components of
 * the core are the candidate subgraphs; each one small enough is peeled exactly (greedy FRAUDAR,
 * several blocks) inside one task. A candidate too big for a task is pruned again with a 1.5x
 * higher tau. Only counts reach the driver.
 */
final class DenseBlocks {

  static final String BLOCK_ID = "block_id";
  static final String ROLE = "role";
  static final String ACCOUNT_ID = "account_id";
  static final String BLOCK_DEGREE = "block_degree";
  static final String BLOCK_DENSITY = "block_density";
  static final String BUYER = "buyer";
  static final String SELLER = "seller";

  private static final Logger LOG = LoggerFactory.getLogger(DenseBlocks.class);
  private static final double LEVEL_GROWTH = 1.5;
  private static final int MAX_PASSES = 100;

  static final StructType MEMBERS =
      new StructType()
          .add(BLOCK_ID, DataTypes.StringType, false)
          .add(ROLE, DataTypes.StringType, false)
          .add(ACCOUNT_ID, DataTypes.StringType, false)
          .add(BLOCK_DEGREE, DataTypes.DoubleType, false)
          .add(BLOCK_DENSITY, DataTypes.DoubleType, false);

  private final RingOptions options;
  private final ConnectedComponents components;

  DenseBlocks(RingOptions options) {
    this.options = options;
    this.components = new ConnectedComponents(options.checkpointEvery(), 10_000);
  }

  /**
   * @param edges {@code buyer_id, seller_id, weight}: one row per pair, weights from the whole graph
   * @return {@link #MEMBERS}: one row per block member with its weighted degree inside the block
   */
  Dataset<Row> find(Dataset<Row> edges) {
    Dataset<Row> current = edges.select(col("buyer_id"), col("seller_id"), col("weight"));
    double tau = options.minDensity();
    List<Dataset<Row>> found = new ArrayList<>();
    for (int level = 0; level < options.maxPruneLevels(); level++) {
      Dataset<Row> core = prune(current, tau, level);
      Dataset<Row> labels =
          components.run(
              core.select(
                  concat(lit("b:"), col("buyer_id")).as(ConnectedComponents.SRC),
                  concat(lit("s:"), col("seller_id")).as(ConnectedComponents.DST)));
      Dataset<Row> sizes =
          labels.groupBy(ConnectedComponents.COMPONENT).agg(count(lit(1)).as("nodes"));
      Dataset<Row> candidateEdges =
          core.join(labels, concat(lit("b:"), col("buyer_id")).equalTo(col(ConnectedComponents.NODE)))
              .join(sizes, ConnectedComponents.COMPONENT)
              .select(col(ConnectedComponents.COMPONENT), col("buyer_id"), col("seller_id"), col("weight"),
                  col("nodes"))
              .localCheckpoint();
      long fitting = sizes.filter(col("nodes").leq(options.maxComponentNodes())).count();
      long oversized = sizes.count() - fitting;
      LOG.info("dense blocks level {}: tau {} candidates {} peeled in tasks, {} too large", level, tau, fitting,
          oversized);
      found.add(peelExactly(candidateEdges.filter(col("nodes").leq(options.maxComponentNodes())), level));
      if (oversized == 0) {
        break;
      }
      current = candidateEdges.filter(col("nodes").gt(options.maxComponentNodes()))
          .select(col("buyer_id"), col("seller_id"), col("weight"));
      tau *= LEVEL_GROWTH;
      if (level == options.maxPruneLevels() - 1) {
        LOG.warn("dense blocks: {} candidate subgraphs still exceed {} nodes after {} levels; not peeled",
            oversized, options.maxComponentNodes(), options.maxPruneLevels());
      }
    }
    return found.stream().reduce(Dataset::union).orElseThrow();
  }

  /** Weighted tau-core by batch peeling: every pass drops all nodes below tau at once. */
  private Dataset<Row> prune(Dataset<Row> edges, double tau, int level) {
    Dataset<Row> current = edges.localCheckpoint();
    long size = current.count();
    for (int pass = 1; pass <= MAX_PASSES; pass++) {
      long started = System.nanoTime();
      Dataset<Row> keptBuyers =
          current.groupBy("buyer_id").agg(sum("weight").as("d")).filter(col("d").geq(tau)).select("buyer_id");
      Dataset<Row> keptSellers =
          current.groupBy("seller_id").agg(sum("weight").as("d")).filter(col("d").geq(tau)).select("seller_id");
      Dataset<Row> next =
          current.join(keptBuyers, current.col("buyer_id").equalTo(keptBuyers.col("buyer_id")), "left_semi")
              .join(keptSellers, current.col("seller_id").equalTo(keptSellers.col("seller_id")), "left_semi");
      next = pass % options.checkpointEvery() == 0 ? next.localCheckpoint() : next.persist();
      long nextSize = next.count();
      LOG.info("dense blocks level {} pass {}: {} -> {} edges in {} ms", level, pass, size, nextSize,
          (System.nanoTime() - started) / 1_000_000);
      current.unpersist();
      current = next;
      if (nextSize == size) {
        return current;
      }
      size = nextSize;
    }
    LOG.warn("dense blocks level {}: core pruning stopped after {} passes before converging", level, MAX_PASSES);
    return current;
  }

  private Dataset<Row> peelExactly(Dataset<Row> candidateEdges, int level) {
    double minDensity = options.minDensity();
    int minBuyers = options.minBuyers();
    int maxBlocks = options.maxBlocksPerComponent();
    FlatMapGroupsFunction<String, Row, Row> peel =
        (component, rows) -> peelComponent(component + "#" + level, rows, minDensity, minBuyers, maxBlocks);
    return candidateEdges
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(peel, Encoders.row(MEMBERS));
  }

  /** Exact greedy FRAUDAR on one candidate subgraph, run inside a task. */
  static Iterator<Row> peelComponent(
      String componentKey, Iterator<Row> rows, double minDensity, int minBuyers, int maxBlocks) {
    BipartiteGraph.Builder builder = BipartiteGraph.builder();
    List<String[]> pairs = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String buyer = r.getAs("buyer_id");
      String seller = r.getAs("seller_id");
      double weight = r.getAs("weight");
      builder.add(buyer, seller, weight);
      pairs.add(new String[] {buyer, seller});
      weights.add(weight);
    }
    List<Block> blocks = GreedyPeeler.blocks(builder.build(), minDensity, minBuyers, maxBlocks);
    List<Row> out = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      java.util.Map<String, Double> buyerDegree = new java.util.HashMap<>();
      java.util.Map<String, Double> sellerDegree = new java.util.HashMap<>();
      for (int i = 0; i < pairs.size(); i++) {
        String[] pair = pairs.get(i);
        if (block.buyers().contains(pair[0]) && block.sellers().contains(pair[1])) {
          buyerDegree.merge(pair[0], weights.get(i), Double::sum);
          sellerDegree.merge(pair[1], weights.get(i), Double::sum);
        }
      }
      String blockId = componentKey + "#" + b;
      buyerDegree.forEach((id, d) -> out.add(RowFactory.create(blockId, BUYER, id, d, block.density())));
      sellerDegree.forEach((id, d) -> out.add(RowFactory.create(blockId, SELLER, id, d, block.density())));
    }
    return out.iterator();
  }
}
