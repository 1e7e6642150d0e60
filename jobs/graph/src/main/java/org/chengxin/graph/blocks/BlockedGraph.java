package org.chengxin.graph.blocks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.chengxin.graph.kernels.EdgeBlock;
import org.chengxin.graph.kernels.NamedEdges;
import org.chengxin.graph.kernels.Rounds;
import org.chengxin.graph.kernels.VertexKernel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Runs a {@link VertexKernel} to its fixpoint over an edge Dataset, the way MLlib's ALS iterates
 * over in/out blocks: only the loop leaves Spark SQL.
 *
 * <ul>
 *   <li>A graph of at most {@code maxEdgesPerBlock} edges (the common case) goes to one task, which
 *       dictionary-encodes the names, runs every round over primitive arrays and decodes once: one
 *       Spark stage whatever the number of rounds.
 *   <li>A larger graph is dictionary-encoded by Spark (names sorted, then numbered) and split into
 *       blocks of at most about {@code maxEdgesPerBlock} edges, each with a local vertex index. Vertex
 *       states live in as many vertex partitions (global id modulo the partition count), each
 *       holding a routing table of which block needs which of its vertices. A round sends each
 *       block the states of its vertices, each block gathers partials for the vertices it touches,
 *       the partials are combined in the vertex partitions and the new states applied: one Spark
 *       job with two shuffles of primitive arrays. No task holds more than one block of edges or
 *       one partition of vertex states.
 * </ul>
 * Both paths run the same kernel code and reach the same fixpoint.
 */
public final class BlockedGraph {

  public static final String SRC = "src";
  public static final String DST = "dst";
  public static final String WEIGHT = "weight";
  public static final String SRC_STATE = "src_state";
  public static final String DST_STATE = "dst_state";

  /** Input and output rows: each input edge with its endpoints' final states. */
  static final StructType EDGE_STATES =
      new StructType()
          .add(SRC, DataTypes.StringType, false)
          .add(DST, DataTypes.StringType, false)
          .add(WEIGHT, DataTypes.DoubleType, false)
          .add(SRC_STATE, DataTypes.DoubleType, false)
          .add(DST_STATE, DataTypes.DoubleType, false);

  private static final Logger LOG = LoggerFactory.getLogger(BlockedGraph.class);
  private static final String SRC_ID = "src_gid";
  private static final String DST_ID = "dst_gid";

  private final long maxEdgesPerBlock;
  private final int checkpointEvery;
  private final int maxRounds;

  /**
   * @param maxEdgesPerBlock edges one task holds; a larger graph is split into blocks
   * @param checkpointEvery rounds between lineage cuts on the many-block path
   * @param maxRounds safety bound; a kernel that needs more rounds fails loudly
   */
  public BlockedGraph(long maxEdgesPerBlock, int checkpointEvery, int maxRounds) {
    if (maxEdgesPerBlock < 1 || checkpointEvery < 1 || maxRounds < 1) {
      throw new IllegalArgumentException("maxEdgesPerBlock, checkpointEvery and maxRounds must be >= 1");
    }
    this.maxEdgesPerBlock = maxEdgesPerBlock;
    this.checkpointEvery = checkpointEvery;
    this.maxRounds = maxRounds;
  }

  /**
   * @param edges string columns {@value #SRC}, {@value #DST} and double {@value #WEIGHT}
   * @param bipartite whether {@value #SRC} and {@value #DST} name separate vertex sets
   * @return every input edge with {@value #SRC_STATE} and {@value #DST_STATE}, the final states of
   *     its endpoints; materialised (a local checkpoint)
   */
  public Dataset<Row> run(Dataset<Row> edges, boolean bipartite, VertexKernel kernel, String name) {
    Dataset<Row> input = Checkpoints.of(edges.select(col(SRC), col(DST), col(WEIGHT)));
    long edgeCount = input.count();
    int blocks = (int) Math.max(1, (edgeCount + maxEdgesPerBlock - 1) / maxEdgesPerBlock);
    long started = System.nanoTime();
    Dataset<Row> result =
        blocks == 1 ? oneBlock(input, bipartite, kernel, name) : manyBlocks(input, blocks, bipartite, kernel, name);
    LOG.info("{}: {} edges in {} block(s), fixpoint in {} ms", name, edgeCount, blocks,
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  private Dataset<Row> oneBlock(Dataset<Row> input, boolean bipartite, VertexKernel kernel, String name) {
    int rounds = maxRounds;
    MapPartitionsFunction<Row, Row> wholeGraph = rows -> {
      NamedEdges named = new NamedEdges(bipartite);
      rows.forEachRemaining(r -> named.add(r.getString(0), r.getString(1), r.getDouble(2)));
      NamedEdges.Encoded encoded = named.encode();
      EdgeBlock block = encoded.edges();
      Rounds.Fixpoint fixpoint = Rounds.untilStable(kernel, block, rounds);
      LOG.info("{}: one block, {} edges, {} vertices, {} array bytes, {} rounds", name, block.edgeCount(),
          block.vertexCount(), block.arrayBytes(), fixpoint.rounds());
      return edgeStates(block, fixpoint.states(), local -> encoded.names()[block.vertex(local)]);
    };
    // coalesce, not repartition: the checkpointed edges are read straight into the one task.
    return Checkpoints.of(input.coalesce(1).mapPartitions(wholeGraph, Encoders.row(EDGE_STATES)));
  }

  private interface LocalNames extends Serializable {
    String name(int local);
  }

  /** Each edge of the block with its endpoints' states, built as the consumer reads (no list of rows). */
  private static Iterator<Row> edgeStates(EdgeBlock block, double[] states, LocalNames names) {
    return new Iterator<>() {
      private int edge;

      @Override
      public boolean hasNext() {
        return edge < block.edgeCount();
      }

      @Override
      public Row next() {
        int s = block.src(edge);
        int d = block.dst(edge);
        return RowFactory.create(names.name(s), names.name(d), block.weight(edge++), states[s], states[d]);
      }
    };
  }

  // ---- many blocks ----

  /** One block of edges, with the names of its local vertices and its vertices per vertex partition. */
  private record NamedBlock(int index, EdgeBlock edges, String[] names, int[][] localsByPartition)
      implements Serializable {}

  /** The vertices vertex partition {@code part} sends to (and hears from) one block, in local order. */
  private record Route(int block, int[] vertices) implements Serializable {}

  /** A vertex partition: states of global ids part, part + P, part + 2P, ... and its routing table. */
  private record VertexPart(int part, int stride, double[] states, Route[] routes, int changed)
      implements Serializable {
    /** Index of a global id in {@link #states}. */
    int slot(int vertex) {
      return vertex / stride;
    }
  }

  /** Values for the vertices of one route, in route order. */
  private record Message(int from, double[] values) implements Serializable {}

  private record EncodedEdge(String src, String dst, double weight, int srcId, int dstId) implements Serializable {}

  private Dataset<Row> manyBlocks(Dataset<Row> input, int blockCount, boolean bipartite, VertexKernel kernel,
      String name) {
    SparkSession spark = input.sparkSession();
    Dataset<Row> dictionary = dictionary(input, bipartite);
    long vertexCount = dictionary.count();
    // One numbering for both sides; in a bipartite graph a name on both sides has one id per side.
    int dstSide = bipartite ? 1 : 0;
    Dataset<Row> encoded =
        input.join(dictionary.filter(col("side").equalTo(0)).select(col("name").as(SRC), col("gid").as(SRC_ID)), SRC)
            .join(dictionary.filter(col("side").equalTo(dstSide)).select(col("name").as(DST), col("gid").as(DST_ID)), DST);
    int parts = blockCount;
    HashPartitioner byBlock = new HashPartitioner(blockCount);
    HashPartitioner byPart = new HashPartitioner(parts);
    JavaRDD<NamedBlock> blocks =
        encoded.javaRDD()
            .mapToPair(r -> new Tuple2<>(Math.floorMod(Integer.hashCode(r.<Integer>getAs(SRC_ID)), blockCount),
                new EncodedEdge(r.getAs(SRC), r.getAs(DST), r.<Double>getAs(WEIGHT), r.<Integer>getAs(SRC_ID),
                    r.<Integer>getAs(DST_ID))))
            .partitionBy(byBlock)
            .mapPartitionsWithIndex((index, rows) -> List.of(block(index, rows, parts)).iterator(), true);
    blocks.persist(StorageLevel.MEMORY_AND_DISK());
    long largestBlock = blocks.map(b -> b.edges().arrayBytes()).reduce(Math::max);
    LOG.info("{}: {} vertices, {} blocks, largest block {} array bytes", name, vertexCount, blockCount, largestBlock);

    JavaRDD<VertexPart> vertexParts =
        blocks.flatMapToPair(BlockedGraph::routes)
            .partitionBy(byPart)
            .mapPartitionsWithIndex((part, routes) -> List.of(initialPart(part, routes, parts, vertexCount, blockCount,
                kernel)).iterator(), true);
    vertexParts.persist(StorageLevel.MEMORY_AND_DISK());
    vertexParts.count();
    for (int round = 1; round <= maxRounds; round++) {
      JavaPairRDD<Integer, Message> partials = JavaPairRDD.fromJavaRDD(
          blocks.zipPartitions(statesToBlocks(vertexParts, byBlock), (blockIt, states) -> gather(blockIt.next(), states,
              kernel)));
      JavaRDD<VertexPart> next =
          vertexParts.zipPartitions(partials.partitionBy(byPart), (partIt, messages) -> List.of(
              combine(partIt.next(), messages, kernel)).iterator());
      if (round % checkpointEvery == 0) {
        Checkpoints.mark(next.rdd());
      } else {
        next.persist(StorageLevel.MEMORY_AND_DISK());
      }
      long changed = next.map(VertexPart::changed).reduce(Integer::sum);
      vertexParts.unpersist(false);
      vertexParts = next;
      LOG.info("{}: round {} changed {} vertex states", name, round, changed);
      if (changed == 0) {
        JavaRDD<Row> out = blocks.zipPartitions(statesToBlocks(vertexParts, byBlock),
            (blockIt, states) -> {
              NamedBlock block = blockIt.next();
              return edgeStates(block.edges(), localStates(block, states), local -> block.names()[local]);
            });
        Dataset<Row> result = Checkpoints.of(spark.createDataFrame(out, EDGE_STATES));
        vertexParts.unpersist(false);
        blocks.unpersist(false);
        return result;
      }
    }
    throw Rounds.notConverged(maxRounds);
  }

  /** Names in sorted order numbered 0..n-1 ({@code name, side, gid}): each side of a bipartite graph apart. */
  private static Dataset<Row> dictionary(Dataset<Row> input, boolean bipartite) {
    Dataset<Row> names =
        bipartite
            ? input.select(col(SRC).as("name"), lit(0).as("side"))
                .union(input.select(col(DST).as("name"), lit(1).as("side")))
            : input.select(col(SRC).as("name"), lit(0).as("side"))
                .union(input.select(col(DST).as("name"), lit(0).as("side")));
    JavaRDD<Row> numbered =
        names.distinct().orderBy("side", "name").javaRDD().zipWithIndex()
            .map(t -> RowFactory.create(t._1().getString(0), t._1().getInt(1), Math.toIntExact(t._2())));
    StructType schema =
        new StructType().add("name", DataTypes.StringType, false).add("side", DataTypes.IntegerType, false)
            .add("gid", DataTypes.IntegerType, false);
    return Checkpoints.of(input.sparkSession().createDataFrame(numbered, schema));
  }

  private static NamedBlock block(int index, Iterator<Tuple2<Integer, EncodedEdge>> rows, int parts) {
    int[] src = new int[0];
    int[] dst = new int[0];
    double[] weight = new double[0];
    Map<Integer, String> names = new HashMap<>();
    int n = 0;
    while (rows.hasNext()) {
      EncodedEdge e = rows.next()._2();
      if (n == src.length) {
        int grown = Math.max(1024, 2 * n);
        src = Arrays.copyOf(src, grown);
        dst = Arrays.copyOf(dst, grown);
        weight = Arrays.copyOf(weight, grown);
      }
      src[n] = e.srcId();
      dst[n] = e.dstId();
      weight[n++] = e.weight();
      names.put(e.srcId(), e.src());
      names.put(e.dstId(), e.dst());
    }
    EdgeBlock edges = EdgeBlock.of(Arrays.copyOf(src, n), Arrays.copyOf(dst, n), Arrays.copyOf(weight, n));
    String[] localNames = new String[edges.vertexCount()];
    int[] perPart = new int[parts];
    for (int local = 0; local < localNames.length; local++) {
      localNames[local] = names.get(edges.vertex(local));
      perPart[edges.vertex(local) % parts]++;
    }
    int[][] localsByPartition = new int[parts][];
    for (int p = 0; p < parts; p++) {
      localsByPartition[p] = new int[perPart[p]];
      perPart[p] = 0;
    }
    for (int local = 0; local < localNames.length; local++) {
      int p = edges.vertex(local) % parts;
      localsByPartition[p][perPart[p]++] = local;
    }
    LOG.info("block {}: {} edges, {} vertices, {} array bytes", index, edges.edgeCount(), edges.vertexCount(),
        edges.arrayBytes());
    return new NamedBlock(index, edges, localNames, localsByPartition);
  }

  /** The block's route to each vertex partition it touches: its vertices there, in local order. */
  private static Iterator<Tuple2<Integer, Route>> routes(NamedBlock block) {
    return perPartition(block, locals -> new Route(block.index(), Arrays.stream(locals).map(block.edges()::vertex).toArray()));
  }

  /** One value per vertex partition the block touches, from the block's local vertices there. */
  private static <T> Iterator<Tuple2<Integer, T>> perPartition(NamedBlock block, Function<int[], T> value) {
    List<Tuple2<Integer, T>> out = new ArrayList<>();
    for (int p = 0; p < block.localsByPartition().length; p++) {
      if (block.localsByPartition()[p].length > 0) {
        out.add(new Tuple2<>(p, value.apply(block.localsByPartition()[p])));
      }
    }
    return out.iterator();
  }

  private static VertexPart initialPart(int part, Iterator<Tuple2<Integer, Route>> routes, int parts,
      long vertexCount, int blockCount, VertexKernel kernel) {
    Route[] byBlock = new Route[blockCount];
    routes.forEachRemaining(t -> byBlock[t._2().block()] = t._2());
    int size = part < vertexCount ? (int) ((vertexCount - part + parts - 1) / parts) : 0;
    double[] states = new double[size];
    for (int k = 0; k < size; k++) {
      states[k] = kernel.initialState(part + k * parts);
    }
    return new VertexPart(part, parts, states, byBlock, -1);
  }

  /** Each block gets, from every vertex partition it touches, the states of its vertices there. */
  private static JavaPairRDD<Integer, Message> statesToBlocks(JavaRDD<VertexPart> vertexParts, HashPartitioner byBlock) {
    return vertexParts.flatMapToPair(vp -> {
      List<Tuple2<Integer, Message>> out = new ArrayList<>();
      for (Route route : vp.routes()) {
        if (route != null) {
          double[] values = new double[route.vertices().length];
          for (int i = 0; i < values.length; i++) {
            values[i] = vp.states()[vp.slot(route.vertices()[i])];
          }
          out.add(new Tuple2<>(route.block(), new Message(vp.part(), values)));
        }
      }
      return out.iterator();
    }).partitionBy(byBlock);
  }

  private static double[] localStates(NamedBlock block, Iterator<Tuple2<Integer, Message>> messages) {
    double[] state = new double[block.edges().vertexCount()];
    messages.forEachRemaining(t -> {
      int[] locals = block.localsByPartition()[t._2().from()];
      double[] values = t._2().values();
      for (int i = 0; i < locals.length; i++) {
        state[locals[i]] = values[i];
      }
    });
    return state;
  }

  /** This block's partials, one message per vertex partition it touches. */
  private static Iterator<Tuple2<Integer, Message>> gather(NamedBlock block,
      Iterator<Tuple2<Integer, Message>> states, VertexKernel kernel) {
    double[] state = localStates(block, states);
    double[] partial = new double[state.length];
    Arrays.fill(partial, kernel.identity());
    kernel.gather(block.edges(), state, partial);
    return perPartition(block, locals -> new Message(block.index(), Arrays.stream(locals).mapToDouble(i -> partial[i]).toArray()));
  }

  /** Combines the blocks' partials per vertex and applies them: the new states of one vertex partition. */
  private static VertexPart combine(VertexPart vp, Iterator<Tuple2<Integer, Message>> messages, VertexKernel kernel) {
    double[] combined = new double[vp.states().length];
    Arrays.fill(combined, kernel.identity());
    messages.forEachRemaining(t -> {
      Message m = t._2();
      int[] vertices = vp.routes()[m.from()].vertices();
      for (int i = 0; i < vertices.length; i++) {
        int k = vp.slot(vertices[i]);
        combined[k] = kernel.combine(combined[k], m.values()[i]);
      }
    });
    double[] states = vp.states().clone();
    int changed = Rounds.apply(kernel, states, combined);
    return new VertexPart(vp.part(), vp.stride(), states, vp.routes(), changed);
  }
}
