package org.chengxin.graph.rings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.chengxin.graph.blocks.BlockedGraph;
import org.chengxin.graph.components.ConnectedComponents;
import org.chengxin.graph.fraudar.BipartiteGraph;
import org.chengxin.graph.fraudar.Block;
import org.chengxin.graph.fraudar.GreedyPeeler;
import org.chengxin.graph.kernels.TauCore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed FRAUDAR in three stages, none of which collects the graph on the driver.
 *
 * <ol>
 *   <li>Batch peeling over primitive arrays inside Spark tasks: every pass removes, all at once, each buyer and seller whose
 *       weighted degree is below tau = minDensity, until nothing changes (the weighted tau-core).
 *       Any block of density >= tau that no single removal makes denser survives, because each of
 *       its nodes has at least that degree inside it.
 *   <li>Candidate subgraphs: sellers are linked when their surviving buyer sets overlap (cosine of
 *       the buyer sets >= sellerLinkCosine, at least minBuyers shared buyers; buyers of more than
 *       maxBuyerSellers sellers do not link); connected components of that relation are seller
 *       groups, and each group with all its edges is one candidate. Every edge belongs to exactly
 *       one candidate, so the candidates partition the work. A popular seller shares few buyers in
 *       proportion with anyone and stays alone. A group above maxCandidateEdges is split back into
 *       one candidate per seller.
 *   <li>Exact greedy FRAUDAR (several blocks) on each candidate inside one task, except one-seller
 *       candidates whose heaviest edge is at most minDensity, which cannot hold such a block.
 * </ol>
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
    this.components = new ConnectedComponents(options.blockedGraph(), "seller groups");
  }

  /**
   * @param edges {@code buyer_id, seller_id, weight}: one row per pair, weights from the whole graph;
   *     materialised (a local checkpoint), since the first peeling pass reads it twice
   * @return {@link #MEMBERS}: one row per block member with its weighted degree inside the block
   */
  Dataset<Row> find(Dataset<Row> edges) {
    Dataset<Row> core = prune(edges.select(col("buyer_id"), col("seller_id"), col("weight")), options.minDensity());
    Dataset<Row> groups = sellerGroups(core);
    Dataset<Row> grouped =
        core.join(groups, new String[] {"seller_id"}, "left")
            // A group's number could read like a seller id: the prefix keeps the two kinds of key apart.
            .withColumn("candidate", coalesce(concat(lit("seller group "), col("seller_group")), col("seller_id")));
    // A candidate that is one seller's star (no link to another seller) cannot hold a block as
    // dense as minDensity unless one of its edges weighs more: k buyers give at most k x the
    // heaviest edge over k + 1 nodes. Most sellers are such stars, and skipping them spares the
    // shuffle and sort of most of the graph.
    Dataset<Row> sizes =
        grouped.groupBy("candidate")
            .agg(count(lit(1)).as("edges"), max("weight").as("heaviest"), max(col("seller_group").isNull()).as("star"));
    Column lightStar = col("star").and(col("heaviest").leq(options.minDensity()));
    Dataset<Row> candidates =
        grouped.join(sizes, "candidate")
            .filter(not(lightStar))
            .withColumn("candidate",
                when(col("edges").gt(options.maxCandidateEdges()), col("seller_id")).otherwise(col("candidate")))
            .select("candidate", "buyer_id", "seller_id", "weight");
    Row stats = sizes.agg(count(lit(1)), max("edges"), sum(when(col("edges").gt(options.maxCandidateEdges()), 1).otherwise(0)),
            sum(when(lightStar, 1).otherwise(0)))
        .first();
    LOG.info("dense blocks: {} candidate subgraphs, largest {} edges, {} split per seller, {} light stars skipped",
        stats.get(0), stats.get(1), stats.get(2), stats.get(3));
    return peelExactly(candidates);
  }

  /** Seller groups: components of the seller–seller overlap relation (sellers without a link are absent). */
  private Dataset<Row> sellerGroups(Dataset<Row> core) {
    Dataset<Row> sellerBuyers = core.groupBy("seller_id").agg(count(lit(1)).as("n"));
    Dataset<Row> linking =
        // Only a buyer of two or more sellers (and not too many) adds to an overlap.
        core.join(core.groupBy("buyer_id").agg(count(lit(1)).as("k")).filter(col("k").between(2, options.maxBuyerSellers())),
                "buyer_id")
            .select("buyer_id", "seller_id");
    Dataset<Row> other = linking.toDF("buyer_id", "other_seller");
    Dataset<Row> shared =
        linking.join(other, "buyer_id")
            .filter(col("seller_id").lt(col("other_seller")))
            .groupBy("seller_id", "other_seller").agg(count(lit(1)).as("shared"))
            .filter(col("shared").geq(options.minBuyers()));
    Dataset<Row> links =
        shared.join(sellerBuyers, "seller_id")
            .join(sellerBuyers.toDF("other_seller", "other_n"), "other_seller")
            .filter(col("shared").geq(sqrt(col("n").multiply(col("other_n"))).multiply(options.sellerLinkCosine())))
            .select(col("seller_id").as(ConnectedComponents.SRC), col("other_seller").as(ConnectedComponents.DST));
    return components.run(links)
        .select(col(ConnectedComponents.NODE).as("seller_id"), col(ConnectedComponents.COMPONENT).as("seller_group"));
  }

  /**
   * Weighted tau-core by batch peeling ({@link TauCore}): every round drops all buyers and sellers
   * below tau at once, until a round drops nothing; the rounds run over primitive arrays inside
   * Spark tasks ({@link BlockedGraph}).
   */
  private Dataset<Row> prune(Dataset<Row> edges, double tau) {
    Dataset<Row> states =
        options.blockedGraph().run(
            edges.select(col("buyer_id").as(BlockedGraph.SRC), col("seller_id").as(BlockedGraph.DST),
                col("weight").as(BlockedGraph.WEIGHT)),
            true, new TauCore(tau), "batch peeling");
    return states
        .filter(col(BlockedGraph.SRC_STATE).equalTo(TauCore.PRESENT).and(col(BlockedGraph.DST_STATE).equalTo(TauCore.PRESENT)))
        .select(col(BlockedGraph.SRC).as("buyer_id"), col(BlockedGraph.DST).as("seller_id"), col(BlockedGraph.WEIGHT).as("weight"));
  }

  private Dataset<Row> peelExactly(Dataset<Row> candidateEdges) {
    double minDensity = options.minDensity();
    int minBuyers = options.minBuyers();
    int maxBlocks = options.maxBlocksPerComponent();
    FlatMapGroupsFunction<String, Row, Row> peel =
        (candidate, rows) -> peelComponent(candidate, rows, minDensity, minBuyers, maxBlocks);
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
