package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.chengxin.detectors.ratings.RaterReliability;
import org.chengxin.detectors.ratings.RaterReliabilityOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fairness / goodness / reliability fixed point of {@link RaterReliability} as DataFrame
 * iterations: the same Jacobi rounds (goodness from the previous reliabilities, reliability from
 * this round's goodness and the previous fairness, fairness from this round's reliabilities), with
 * every per-node sum a {@code groupBy} and every per-edge update a join. Only the largest change of
 * each round reaches the driver, in the round's one Spark job. Each round's three tables are
 * local-checkpointed (lazily: that job materialises them) and rebuilt without their plan's size
 * statistics ({@link #keep}): a round's plan holds the previous round's plans several times over,
 * so without cutting the lineage every round the plans grow geometrically (with a cut every 5
 * rounds, Bitcoin Alpha's driver ran out of 4 GiB at round 14).
 */
public final class ReliabilityIterations {
  private static final Logger LOG = LoggerFactory.getLogger(ReliabilityIterations.class);

  /** Column names of the input edges and the outputs. */
  public static final String RATER = "rater_id";
  public static final String RATEE = "ratee_id";
  public static final String SCORE = "value";
  public static final String EVIDENCE = "evidence";
  public static final String RELIABILITY = "reliability";
  public static final String FAIRNESS = "fairness";
  public static final String GOODNESS = "goodness";
  private static final String CHANGE = "change";

  /**
   * @param fairness rater_id, fairness: every account that gave a rating
   * @param goodness ratee_id, goodness: every account that received one (others keep priorGoodness)
   * @param edges the input edges with their final reliability
   *     (all three are local checkpoints: their blocks go when nothing refers to them)
   */
  public record Result(Dataset<Row> fairness, Dataset<Row> goodness, Dataset<Row> edges, int iterations, boolean converged) {}

  private final RaterReliabilityOptions options;

  public ReliabilityIterations(RaterReliabilityOptions options) {
    this.options = options;
  }

  /**
   * @param edges one row per rating: rater_id, ratee_id, value in [-1, 1], evidence (the rating-day
   *     weight, {@link RatingEdges#withEvidence})
   */
  public Result run(Dataset<Row> edges) {
    Dataset<Row> current = keep(edges.select(col(RATER), col(RATEE), col(SCORE), col(EVIDENCE), lit(1.0).as(RELIABILITY)));
    Dataset<Row> fairness = keep(current.select(col(RATER)).distinct().withColumn(FAIRNESS, lit(1.0)));
    Dataset<Row> goodness = keep(current.select(col(RATEE)).distinct().withColumn(GOODNESS, lit(1.0)));
    int iteration = 0;
    boolean converged = false;
    while (iteration < options.maxIterations() && !converged) {
      iteration++;

      Dataset<Row> nextGoodness = keep(
          current.groupBy(col(RATEE))
              .agg(sum(col(RELIABILITY).multiply(col(SCORE))).as("weighted"), count(lit(1)).as("received"))
              .select(col(RATEE), goodness(col("weighted"), col("received")).as(GOODNESS))
              .join(goodness.withColumnRenamed(GOODNESS, "previous"), RATEE)
              .select(col(RATEE), col(GOODNESS), abs(col(GOODNESS).minus(col("previous"))).as(CHANGE)));

      Dataset<Row> nextEdges = keep(
          current.join(nextGoodness.select(RATEE, GOODNESS), RATEE)
              .join(fairness, RATER)
              .select(col(RATER), col(RATEE), col(SCORE), col(EVIDENCE),
                  reliability(col(FAIRNESS), col(SCORE), col(GOODNESS)).as("next"), col(RELIABILITY))
              .select(col(RATER), col(RATEE), col(SCORE), col(EVIDENCE), col("next").as(RELIABILITY),
                  abs(col("next").minus(col(RELIABILITY))).as(CHANGE)));

      Dataset<Row> nextFairness = keep(
          nextEdges.groupBy(col(RATER))
              .agg(sum(col(EVIDENCE).multiply(col(RELIABILITY))).as("weighted"), sum(col(EVIDENCE)).as("days"))
              .select(col(RATER), fairness(col("weighted"), col("days")).as(FAIRNESS))
              .join(fairness.withColumnRenamed(FAIRNESS, "previous"), RATER)
              .select(col(RATER), col(FAIRNESS), abs(col(FAIRNESS).minus(col("previous"))).as(CHANGE)));

      // One job per round: it fills the three caches and brings only the largest change back.
      double change = maxChange(nextEdges.select(CHANGE).union(nextGoodness.select(CHANGE)).union(nextFairness.select(CHANGE)));
      current = nextEdges.drop(CHANGE);
      goodness = nextGoodness.drop(CHANGE);
      fairness = nextFairness.drop(CHANGE);
      converged = change < options.tolerance();
      LOG.info("reliability round {}: largest change {}", iteration, String.format("%.3g", change));
    }
    return new Result(fairness, goodness, current, iteration, converged);
  }

  /**
   * Cuts the lineage (the round's job fills the checkpoint) and the size estimate: a checkpointed
   * Dataset keeps its plan's size statistics, and a join's estimate is the product of its inputs',
   * so carried from round to round the estimates grow into numbers whose multiplication stalls
   * the planner after about 14 rounds. A DataFrame rebuilt from the rows starts afresh.
   */
  private static Dataset<Row> keep(Dataset<Row> rows) {
    Dataset<Row> checkpointed = rows.localCheckpoint(false);
    return rows.sparkSession().createDataFrame(checkpointed.javaRDD(), checkpointed.schema());
  }

  private static double maxChange(Dataset<Row> rows) {
    Row row = rows.agg(max(col(CHANGE))).first();
    return row.isNullAt(0) ? 0 : row.getDouble(0);
  }

  /** {@link RaterReliability#goodness} as a column expression. */
  Column goodness(Column weightedScoreSum, Column received) {
    // At least one rating per group, so the denominator is >= 1.
    return lit(options.goodnessSmoothing() * options.priorGoodness()).plus(weightedScoreSum)
        .divide(lit(options.goodnessSmoothing()).plus(received));
  }

  /** {@link RaterReliability#reliability} as a column expression. */
  Column reliability(Column fairness, Column score, Column goodness) {
    Column agreement = lit(1.0).minus(abs(score.minus(goodness)).divide(2));
    return fairness.multiply(options.fairnessWeight()).plus(agreement.multiply(options.agreementWeight()))
        .divide(options.fairnessWeight() + options.agreementWeight());
  }

  /** {@link RaterReliability#fairness} as a column expression. */
  Column fairness(Column weightedReliabilitySum, Column evidence) {
    // Every rating carries evidence > 0, so the denominator is > 0.
    return lit(options.fairnessSmoothing() * options.priorFairness()).plus(weightedReliabilitySum)
        .divide(lit(options.fairnessSmoothing()).plus(evidence));
  }
}
