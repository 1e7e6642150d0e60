package org.chengxin.jobs.ratings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.chengxin.detectors.ratings.RaterReliability;
import org.chengxin.detectors.ratings.RaterReliabilityOptions;
import org.chengxin.detectors.ratings.RatingBlock;
import org.chengxin.detectors.ratings.RatingGraph;
import org.chengxin.detectors.ratings.ReliabilityStates;
import org.chengxin.graph.blocks.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The fairness / goodness / reliability fixed point of {@link RaterReliability} on Spark, run as
 * the core's own array kernel ({@link RatingBlock}) inside tasks, in the manner of MLlib's ALS:
 * account ids are dictionary-encoded to dense ints once, ratings are cut into blocks of primitive
 * arrays with a local account index, and only account states move between rounds.
 *
 * <ul>
 *   <li>A graph of at most {@code ratingsPerBlock} ratings is one block: one task runs every round
 *       ({@link RaterReliability.InOneBlock}), with no Spark scheduling per round.
 *   <li>A larger graph is split into blocks by rater (cached). Per round each block is handed the
 *       states of the accounts it touches (a co-partitioned exchange through a routing table, as
 *       GraphX ships vertex attributes to edge partitions), computes partial sums for them, and the
 *       sums are combined per account where the account rules run. No task holds the whole graph
 *       or every account's state. One Spark job per round.
 * </ul>
 *
 * Both paths run the same {@link RaterReliability#run} loop and the same per-rating and per-account
 * rules, so they agree up to the order of floating-point additions.
 */
public final class ReliabilityBlocks {
  private static final Logger LOG = LoggerFactory.getLogger(ReliabilityBlocks.class);

  public static final String ACCOUNT_ID = "account_id";
  public static final String FAIRNESS = "fairness";
  public static final String GOODNESS = "goodness";
  private static final String ACCOUNT = "account";
  private static final String RATER_INDEX = "rater_index";
  private static final String RATEE_INDEX = "ratee_index";
  private static final StructType DICTIONARY =
      new StructType().add(ACCOUNT_ID, DataTypes.StringType, false).add(ACCOUNT, DataTypes.IntegerType, false);
  private static final StructType ACCOUNT_SCORES =
      new StructType().add(ACCOUNT_ID, DataTypes.StringType, false).add(FAIRNESS, DataTypes.DoubleType, true)
          .add(GOODNESS, DataTypes.DoubleType, true);
  private static final StructType ACCOUNT_SCORES_BY_INDEX =
      new StructType().add(ACCOUNT, DataTypes.IntegerType, false).add(FAIRNESS, DataTypes.DoubleType, true)
          .add(GOODNESS, DataTypes.DoubleType, true);
  private static final int W = ReliabilityStates.WIDTH;
  /** A round's states carry its three largest changes behind the account's own slots. */
  private static final int CHANGES = W;
  /**
   * Heap per rating a block may take in its task, for the default block size: the block's arrays
   * (24 bytes), the builder's before they are trimmed (28, doubling), the rows and id dictionary of
   * the one-task path, and account states.
   */
  private static final long BYTES_PER_RATING = 96;

  /**
   * @param accounts account_id, fairness (null for an account that gave no rating), goodness (null
   *     for one nobody rated): every account of the graph, local-checkpointed
   * @param blocks how many blocks the ratings were cut into
   * @param largestBlockBytes heap the largest block's arrays and account states took in its task
   */
  public record Result(Dataset<Row> accounts, int iterations, boolean converged, int blocks, long largestBlockBytes) {}

  private final RaterReliabilityOptions options;
  private final long ratingsPerBlock;

  /** @param ratingsPerBlock a graph with at most this many ratings runs in one task ({@link #defaultRatingsPerBlock}) */
  public ReliabilityBlocks(RaterReliabilityOptions options, long ratingsPerBlock) {
    if (ratingsPerBlock < 1) {
      throw new IllegalArgumentException("ratingsPerBlock must be >= 1, got " + ratingsPerBlock);
    }
    this.options = options;
    this.ratingsPerBlock = ratingsPerBlock;
  }

  /**
   * A quarter of an executor's heap (the driver's in local mode) for one block: about 16.7 million
   * ratings in a 6 GiB heap, so the common nightly graph is one block.
   */
  public static long defaultRatingsPerBlock(SparkSession spark) {
    long heap = spark.sparkContext().isLocal()
        ? Runtime.getRuntime().maxMemory()
        : spark.sparkContext().getConf().getSizeAsMb("spark.executor.memory", "1g") * 1024L * 1024L;
    return Math.max(1, heap / 4 / BYTES_PER_RATING);
  }

  /**
   * @param edges rater_id, ratee_id, value in [-1, 1], epoch_second ({@link RatingEdges#fromRatings}) over
   *     cached ratings (they are counted first and read again by every round path)
   * @param start account_id, fairness, goodness of an earlier night (nulls allowed) to start from;
   *     empty for REV2's cold start
   */
  public Result run(Dataset<Row> edges, Optional<Dataset<Row>> start) {
    long ratings = edges.count();
    if (ratings == 0) {
      return new Result(edges.sparkSession().createDataFrame(List.of(), ACCOUNT_SCORES), 0, true, 0, 0);
    }
    int blocks = (int) Math.max(1, Math.min(1 << 16, (ratings + ratingsPerBlock - 1) / ratingsPerBlock));
    LOG.info("reliability: {} ratings in {} block(s) of at most {} ratings ({} start)", ratings, blocks, ratingsPerBlock,
        start.isPresent() ? "warm" : "cold");
    Outcome outcome = blocks == 1 ? inOneTask(edges, start, (int) ratings) : inBlocks(edges, start, blocks);
    Dataset<Row> accounts = Checkpoints.of(outcome.accounts());
    outcome.release().run();
    RaterReliability.Progress done = outcome.progress();
    LOG.info("reliability: {} after {} round(s)", done.converged() ? "converged" : "stopped at the cap", done.iterations());
    return new Result(accounts, done.iterations(), done.converged(), blocks, outcome.largestBlockBytes());
  }

  /** What one of the two paths leaves: the scores by account id, and how to free its caches afterwards. */
  private record Outcome(Dataset<Row> accounts, RaterReliability.Progress progress, long largestBlockBytes, Runnable release) {}

  /** account_id, account: a dense int per account that gave or received a rating. */
  private static Dataset<Row> dictionary(Dataset<Row> edges) {
    Dataset<Row> ids = edges.select(col(RatingEdges.RATER).as(ACCOUNT_ID))
        .union(edges.select(col(RatingEdges.RATEE).as(ACCOUNT_ID)))
        .distinct();
    JavaRDD<Row> numbered = ids.javaRDD().zipWithIndex().map(t -> RowFactory.create(t._1().getString(0), (int) (long) t._2()));
    return edges.sparkSession().createDataFrame(numbered, DICTIONARY).persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static Dataset<Row> encode(Dataset<Row> edges, Dataset<Row> dictionary) {
    return edges.join(dictionary.select(col(ACCOUNT_ID).as(RatingEdges.RATER), col(ACCOUNT).as(RATER_INDEX)), RatingEdges.RATER)
        .join(dictionary.select(col(ACCOUNT_ID).as(RatingEdges.RATEE), col(ACCOUNT).as(RATEE_INDEX)), RatingEdges.RATEE)
        .select(col(RATER_INDEX), col(RATEE_INDEX), col(RatingEdges.SCORE), col(RatingEdges.EPOCH_SECOND));
  }

  /**
   * Every round in one task: the ratings and the start values go to one partition in one shuffle
   * (start rows have no ratee), where the account ids are encoded, iterated and decoded.
   */
  private Outcome inOneTask(Dataset<Row> edges, Optional<Dataset<Row>> start, int ratings) {
    RaterReliabilityOptions o = options;
    Dataset<Row> rows = edges.select(col(RatingEdges.RATER), col(RatingEdges.RATEE), col(RatingEdges.SCORE),
        col(RatingEdges.EPOCH_SECOND), lit(null).cast("double").as(FAIRNESS), lit(null).cast("double").as(GOODNESS));
    if (start.isPresent()) {
      rows = rows.unionByName(start.get().select(col(ACCOUNT_ID).as(RatingEdges.RATER),
          lit(null).cast("string").as(RatingEdges.RATEE), lit(0.0).as(RatingEdges.SCORE), lit(0L).as(RatingEdges.EPOCH_SECOND),
          col(FAIRNESS), col(GOODNESS)));
    }
    SparkSession spark = edges.sparkSession();
    CollectionAccumulator<RaterReliability.Progress> progress = spark.sparkContext().collectionAccumulator("reliability progress");
    LongAccumulator blockBytes = spark.sparkContext().longAccumulator("reliability block bytes");
    JavaRDD<Row> scores = rows.repartition(1).javaRDD().mapPartitions(input -> {
      Map<String, Integer> index = new HashMap<>();
      List<String> ids = new ArrayList<>();
      Map<String, double[]> warm = new HashMap<>();
      RatingBlock.Builder builder = new RatingBlock.Builder(ratings);
      while (input.hasNext()) {
        Row r = input.next();
        if (r.isNullAt(1)) {
          warm.put(r.getString(0), new double[] {orNaN(r, 4), orNaN(r, 5)});
        } else {
          builder.add(indexOf(r.getString(0), index, ids), indexOf(r.getString(1), index, ids), r.getDouble(2),
              RatingGraph.dayOf(r.getLong(3)));
        }
      }
      int accounts = ids.size();
      double[] fairness = warm.isEmpty() ? null : new double[accounts];
      double[] goodness = warm.isEmpty() ? null : new double[accounts];
      for (int a = 0; fairness != null && a < accounts; a++) {
        double[] values = warm.getOrDefault(ids.get(a), new double[] {Double.NaN, Double.NaN});
        fairness[a] = values[0];
        goodness[a] = values[1];
      }
      RatingBlock block = builder.buildWhole(accounts);
      blockBytes.add(block.bytes());
      RaterReliability.InOneBlock rounds = new RaterReliability.InOneBlock(block, fairness, goodness, o);
      progress.add(RaterReliability.run(logged(rounds, 1), o));
      double[] states = rounds.states();
      List<Row> out = new ArrayList<>(accounts);
      for (int a = 0; a < accounts; a++) {
        out.add(scoreRow(ids.get(a), states, a * W));
      }
      return out.iterator();
    }).persist(StorageLevel.MEMORY_AND_DISK());
    scores.count();
    return new Outcome(spark.createDataFrame(scores, ACCOUNT_SCORES), progress.value().get(0), blockBytes.value(),
        scores::unpersist);
  }

  private static int indexOf(String id, Map<String, Integer> index, List<String> ids) {
    Integer known = index.putIfAbsent(id, ids.size());
    if (known != null) {
      return known;
    }
    ids.add(id);
    return ids.size() - 1;
  }

  private static double orNaN(Row row, int field) {
    return row.isNullAt(field) ? Double.NaN : row.getDouble(field);
  }

  private static Row scoreRow(Object account, double[] states, int at) {
    // Fairness of an account that gave no rating, and goodness of one nobody rated, are only priors.
    Double fairness = states[at + ReliabilityStates.EVIDENCE] > 0 ? states[at + ReliabilityStates.F] : null;
    Double goodness = states[at + ReliabilityStates.RECEIVED] > 0 ? states[at + ReliabilityStates.G] : null;
    return RowFactory.create(account, fairness, goodness);
  }

  private static RaterReliability.Rounds logged(RaterReliability.Rounds rounds, int blocks) {
    return round -> {
      long started = System.nanoTime();
      double[] changes = rounds.round(round);
      LOG.info("reliability round {} ({} block(s)): largest change of reliability {}, fairness {}, next goodness {} in {} ms",
          round, blocks, String.format("%.3g", changes[0]), String.format("%.3g", changes[1]),
          String.format("%.3g", changes[2]), (System.nanoTime() - started) / 1_000_000);
      return changes;
    };
  }

  /** Rounds over many cached blocks; the loop runs on the driver, one Spark job per round. */
  private Outcome inBlocks(Dataset<Row> edges, Optional<Dataset<Row>> startById, int blocks) {
    Dataset<Row> dictionary = dictionary(edges);
    Dataset<Row> encoded = encode(edges, dictionary);
    Optional<Dataset<Row>> start = startById.map(s -> s.join(dictionary, ACCOUNT_ID).select(ACCOUNT, FAIRNESS, GOODNESS));
    Partitioner byAccount = new HashPartitioner(blocks);
    // Block i is partition i, and partition i of anything keyed by block (an Integer key hashes to itself).
    Partitioner byBlock = new HashPartitioner(blocks);
    JavaRDD<RatingBlock> ratingBlocks = encoded.repartition(blocks, col(RATER_INDEX)).javaRDD().mapPartitions(rows -> {
      RatingBlock.Builder builder = new RatingBlock.Builder(1024);
      while (rows.hasNext()) {
        Row r = rows.next();
        builder.add(r.getInt(0), r.getInt(1), r.getDouble(2), RatingGraph.dayOf(r.getLong(3)));
      }
      return Collections.singletonList(builder.build()).iterator();
    }, true).persist(StorageLevel.MEMORY_AND_DISK());
    long largestBlockBytes = ratingBlocks.map(RatingBlock::bytes).reduce(Math::max);

    JavaPairRDD<Integer, Integer> routing = ratingBlocks.mapPartitionsWithIndex((block, it) -> {
      List<Tuple2<Integer, Integer>> routes = new ArrayList<>();
      for (int account : it.next().accounts()) {
        routes.add(new Tuple2<>(account, block));
      }
      return routes.iterator();
    }, true).mapToPair(t -> t).partitionBy(byAccount).persist(StorageLevel.MEMORY_AND_DISK());

    JavaPairRDD<Integer, double[]> totals = ratingBlocks.flatMapToPair(block -> {
      double[] local = block.totals();
      List<Tuple2<Integer, double[]>> out = new ArrayList<>(block.accountCount());
      for (int a = 0; a < block.accountCount(); a++) {
        out.add(new Tuple2<>(block.accounts()[a], new double[] {local[2 * a], local[2 * a + 1]}));
      }
      return out.iterator();
    }).reduceByKey(byAccount, (x, y) -> new double[] {x[0] + y[0], x[1] + y[1]});
    JavaPairRDD<Integer, double[]> initial = start.isEmpty()
        ? totals.mapValues(t -> ReliabilityStates.start(t, null, null))
        : totals.leftOuterJoin(start.get().javaRDD().mapToPair(r -> new Tuple2<>(r.getInt(0), new double[] {
            r.isNullAt(1) ? Double.NaN : r.getDouble(1), r.isNullAt(2) ? Double.NaN : r.getDouble(2)})), byAccount)
            .mapValues(t -> {
              double[] warm = t._2().orElse(new double[] {Double.NaN, Double.NaN});
              return ReliabilityStates.start(t._1(), new double[] {warm[0]}, new double[] {warm[1]});
            });
    BlockRounds rounds = new BlockRounds(ratingBlocks, routing, initial, byAccount, byBlock, start.isEmpty());
    RaterReliability.Progress progress = RaterReliability.run(logged(rounds, blocks), options);
    JavaRDD<Row> scores = rounds.states.map(t -> scoreRow(t._1(), t._2(), 0));
    Dataset<Row> accounts = edges.sparkSession().createDataFrame(scores, ACCOUNT_SCORES_BY_INDEX).join(dictionary, ACCOUNT)
        .select(col(ACCOUNT_ID), col(FAIRNESS), col(GOODNESS));
    return new Outcome(accounts, progress, largestBlockBytes, () -> {
      rounds.states.unpersist();
      routing.unpersist();
      ratingBlocks.unpersist();
      dictionary.unpersist();
    });
  }

  /** The rounds of the many-block path: states keyed by account, partitioned like the routing table. */
  private final class BlockRounds implements RaterReliability.Rounds {
    private static final int CHECKPOINT_EVERY = 10;
    private final JavaRDD<RatingBlock> ratingBlocks;
    private final JavaPairRDD<Integer, Integer> routing;
    private final Partitioner byAccount;
    private final Partitioner byBlock;
    private final boolean cold;
    private JavaPairRDD<Integer, double[]> states;

    BlockRounds(JavaRDD<RatingBlock> ratingBlocks, JavaPairRDD<Integer, Integer> routing, JavaPairRDD<Integer, double[]> initial,
        Partitioner byAccount, Partitioner byBlock, boolean cold) {
      this.ratingBlocks = ratingBlocks;
      this.routing = routing;
      this.byAccount = byAccount;
      this.byBlock = byBlock;
      this.cold = cold;
      this.states = initial.persist(StorageLevel.MEMORY_AND_DISK());
    }

    @Override
    public double[] round(int round) {
      RaterReliabilityOptions o = options;
      boolean coldStart = cold;
      // Each block receives the states of the accounts it touches, in its own partition.
      JavaPairRDD<Integer, Tuple2<Integer, double[]>> shipped = routing.join(states)
          .mapToPair(t -> new Tuple2<>(t._2()._1(), new Tuple2<>(t._1(), t._2()._2())))
          .partitionBy(byBlock);
      JavaPairRDD<Integer, double[]> sums = ratingBlocks.zipPartitions(shipped, (blockIt, shippedStates) -> {
        RatingBlock block = blockIt.next();
        int[] accounts = block.accounts();
        double[] local = new double[accounts.length * W];
        while (shippedStates.hasNext()) {
          Tuple2<Integer, Tuple2<Integer, double[]>> s = shippedStates.next();
          System.arraycopy(s._2()._2(), 0, local, Arrays.binarySearch(accounts, s._2()._1()) * W, W);
        }
        double[] goodnessSums = new double[accounts.length];
        double[] fairnessSums = new double[accounts.length];
        double change = block.pass(local, round, coldStart, o, goodnessSums, fairnessSums);
        List<Tuple2<Integer, double[]>> out = new ArrayList<>(accounts.length);
        for (int a = 0; a < accounts.length; a++) {
          out.add(new Tuple2<>(accounts[a], new double[] {goodnessSums[a], fairnessSums[a], a == 0 ? change : 0}));
        }
        return out.iterator();
      }).mapToPair(t -> t).reduceByKey(byAccount, (x, y) -> new double[] {x[0] + y[0], x[1] + y[1], Math.max(x[2], y[2])});

      JavaPairRDD<Integer, double[]> next = states.join(sums).mapValues(t -> {
        double[] state = Arrays.copyOf(t._1(), CHANGES + 3);
        double[] changes = new double[2];
        ReliabilityStates.update(state, 0, t._2()[0], t._2()[1], round, o, changes);
        state[CHANGES] = t._2()[2];
        state[CHANGES + 1] = changes[0];
        state[CHANGES + 2] = changes[1];
        return state;
      }).persist(StorageLevel.MEMORY_AND_DISK());
      if (round % CHECKPOINT_EVERY == 0) {
        Checkpoints.mark(next.rdd());
      }
      double[] largest = next.values()
          .map(s -> new double[] {s[CHANGES], s[CHANGES + 1], s[CHANGES + 2]})
          .reduce((x, y) -> new double[] {Math.max(x[0], y[0]), Math.max(x[1], y[1]), Math.max(x[2], y[2])});
      states.unpersist(false);
      states = next;
      return largest;
    }
  }
}
