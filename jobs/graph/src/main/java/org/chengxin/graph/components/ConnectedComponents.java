package org.chengxin.graph.components;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph given as an edge Dataset, by min-label propagation
 * with pointer jumping: every node starts labelled with its own id and takes the smallest label
 * among itself, its neighbours' labels and its label's own label, until no label changes. Labels
 * only ever name nodes of the same component, so the fixpoint labels each component with its
 * smallest node id. Each round is two joins and one aggregation, so nothing is
 * collected to the driver; lineage is cut with a local checkpoint every few rounds.
 */
public final class ConnectedComponents {

  public static final String SRC = "src";
  public static final String DST = "dst";
  public static final String NODE = "node";
  public static final String COMPONENT = "component";

  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  private final int checkpointEvery;
  private final int maxRounds;

  /**
   * @param checkpointEvery rounds between local checkpoints (lineage cut)
   * @param maxRounds safety bound; a graph whose diameter needs more rounds fails loudly
   */
  public ConnectedComponents(int checkpointEvery, int maxRounds) {
    if (checkpointEvery < 1 || maxRounds < 1) {
      throw new IllegalArgumentException("checkpointEvery and maxRounds must be >= 1");
    }
    this.checkpointEvery = checkpointEvery;
    this.maxRounds = maxRounds;
  }

  /**
   * @param edges string columns {@value #SRC} and {@value #DST}; direction is ignored
   * @return one row per node: {@value #NODE}, {@value #COMPONENT} (the smallest node id in it)
   */
  public Dataset<Row> run(Dataset<Row> edges) {
    Dataset<Row> links =
        edges
            .select(col(SRC), col(DST))
            .union(edges.select(col(DST).as(SRC), col(SRC).as(DST)))
            .distinct()
            .localCheckpoint();
    Dataset<Row> labels =
        links.select(col(SRC).as(NODE)).distinct().withColumn(COMPONENT, col(NODE)).localCheckpoint();
    for (int round = 1; round <= maxRounds; round++) {
      Dataset<Row> proposals =
          links
              .join(labels, links.col(SRC).equalTo(labels.col(NODE)))
              .select(links.col(DST).as(NODE), labels.col(COMPONENT), lit(null).cast("string").as("old"));
      // Pointer jumping: a node may also take its label's own label, so a long chain typically
      // collapses in far fewer rounds than one per link of its length (about log2 of it when ids
      // grow along the chain).
      Dataset<Row> parents = labels.select(col(NODE).as("parent"), col(COMPONENT).as("grandparent"));
      Dataset<Row> jumps =
          labels
              .join(parents, labels.col(COMPONENT).equalTo(parents.col("parent")))
              .filter(col("grandparent").lt(labels.col(COMPONENT)))
              .select(labels.col(NODE), col("grandparent").as(COMPONENT), lit(null).cast("string").as("old"));
      Dataset<Row> next =
          labels
              .select(col(NODE), col(COMPONENT), col(COMPONENT).as("old"))
              .union(proposals)
              .union(jumps)
              .groupBy(NODE)
              .agg(min(COMPONENT).as(COMPONENT), max("old").as("old"));
      next = round % checkpointEvery == 0 ? next.localCheckpoint() : next.persist();
      long changed = next.filter(col(COMPONENT).lt(col("old"))).count();
      labels.unpersist();
      labels = next.drop("old");
      LOG.info("connected components: round {} changed {} labels", round, changed);
      if (changed == 0) {
        return labels;
      }
    }
    throw new IllegalStateException("connected components did not converge in " + maxRounds + " rounds");
  }
}
