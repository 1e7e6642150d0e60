package org.chengxin.graph.components;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.graph.blocks.BlockedGraph;
import org.chengxin.graph.kernels.MinLabel;

/**
 * Connected components of an undirected graph given as an edge Dataset, by min-label propagation
 * ({@link MinLabel}) over primitive arrays inside Spark tasks ({@link BlockedGraph}): node names are
 * dictionary-encoded in name order, so each component is labelled with the number of its smallest
 * node name. Nothing is collected to the driver.
 */
public final class ConnectedComponents {

  public static final String SRC = "src";
  public static final String DST = "dst";
  public static final String NODE = "node";
  public static final String COMPONENT = "component";

  private final BlockedGraph graph;
  private final String name;

  /** @param name what the components are of, for the log */
  public ConnectedComponents(BlockedGraph graph, String name) {
    this.graph = graph;
    this.name = name;
  }

  /**
   * @param edges string columns {@value #SRC} and {@value #DST}; direction is ignored
   * @return one row per node: {@value #NODE}, {@value #COMPONENT} (a long shared by exactly the
   *     nodes of one component)
   */
  public Dataset<Row> run(Dataset<Row> edges) {
    Dataset<Row> labelled =
        graph.run(edges.select(col(SRC).as(BlockedGraph.SRC), col(DST).as(BlockedGraph.DST), lit(1.0).as(BlockedGraph.WEIGHT)),
            false, new MinLabel(), name);
    return labelled.select(col(BlockedGraph.SRC).as(NODE), col(BlockedGraph.SRC_STATE).cast("long").as(COMPONENT))
        .union(labelled.select(col(BlockedGraph.DST).as(NODE), col(BlockedGraph.DST_STATE).cast("long").as(COMPONENT)))
        .distinct();
  }
}
