package org.chengxin.graph.rings;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.chengxin.graph.blocks.BlockedGraph;

/**
 * Settings of ring detection. {@link #defaults(Instant)} gives the values tuned on generated
 * markets; {@link #builder(Instant)} changes some of them.
 *
 * @param asOf end of the analysed period (exclusive), normally the end of the run day
 * @param historyDays how many days of trades before {@code asOf} form the graph
 * @param columnWeightOffset FRAUDAR's c in the edge weight 1 / ln(seller buyers + c)
 * @param minDensity density a block needs to be reported; also the core threshold that prunes the
 *     graph before exact peeling
 * @param maxCandidateEdges largest candidate subgraph (seller group) peeled exactly in one task;
 *     a bigger group is peeled seller by seller
 * @param sellerLinkCosine buyer-set cosine above which two sellers fall in one candidate subgraph
 * @param maxBuyerSellers buyers of more sellers than this do not link sellers (bulk buyers)
 * @param maxBlocksPerComponent blocks peeled from one candidate subgraph
 * @param minBuyers smallest buyer count of a ring
 * @param sparseMinBuyers buyers a block less dense than {@link #DEFAULT_MIN_DENSITY} needs (there
 *     are such blocks only when {@code minDensity} is set below it): a sparse block is credible as a
 *     ring only when large, since an ordinary shop's handful of regulars is as sparse, and a sparse
 *     campaign moves a seller's credit only with many buyers
 * @param minSellerShare share of a seller's buyers that must be in the ring for the seller to be a
 *     member (keeps popular sellers that ring buyers use as camouflage out)
 * @param minSuspiciousness combined score a block needs to be reported as a ring
 * @param minBoostingEvidence mean of the block's four trade-behaviour signals (five-star share,
 *     repeat-pair rate, fast confirmation, price anomaly) a block needs to be reported: density and
 *     shared keys alone also describe a small honest market, boosting shows in how the trades look
 * @param maxAccountsPerKey a device, IP or address key shared by more accounts is ignored
 * @param lockstepWindow width of the time windows of lockstep behaviour
 * @param lockstepMinSellers sellers two accounts must share in-window to be in lockstep
 * @param lockstepMaxWindowBuyers a seller window with more buyers is ordinary traffic, skipped
 * @param youngAccountDays accounts first seen less than this many days before asOf count as young
 * @param checkpointEvery rounds between lineage cuts of a graph loop split into several blocks
 * @param maxEdgesPerBlock edges one task holds in a graph loop (batch peeling, connected
 *     components): a graph with at most this many edges runs every round inside one task, a larger
 *     one is split into blocks; the default is a quarter of the heap at {@value #BYTES_PER_EDGE} bytes
 *     an edge
 */
public record RingOptions(
    Instant asOf,
    int historyDays,
    double columnWeightOffset,
    double minDensity,
    int maxCandidateEdges,
    double sellerLinkCosine,
    int maxBuyerSellers,
    int maxBlocksPerComponent,
    int minBuyers,
    int sparseMinBuyers,
    double minSellerShare,
    double minSuspiciousness,
    double minBoostingEvidence,
    int maxAccountsPerKey,
    Duration lockstepWindow,
    int lockstepMinSellers,
    int lockstepMaxWindowBuyers,
    int youngAccountDays,
    int checkpointEvery,
    long maxEdgesPerBlock) implements Serializable {

  /**
   * Heap one edge of a graph loop takes in its task while the block is built: 16 bytes of arrays
   * plus the vertex dictionary (a name and a hash entry per vertex, shared by its edges).
   */
  public static final int BYTES_PER_EDGE = 100;
  /** The density tuned on generated markets (docs/rings.md). */
  public static final double DEFAULT_MIN_DENSITY = 0.5;

  /** Safety bound on the rounds of a graph loop; a loop that needs more fails loudly. */
  private static final int MAX_ROUNDS = 10_000;

  public RingOptions {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(lockstepWindow, "lockstepWindow");
    require(historyDays >= 1, "historyDays must be >= 1");
    require(columnWeightOffset > 1, "columnWeightOffset must be > 1");
    require(minDensity > 0, "minDensity must be > 0");
    require(maxCandidateEdges >= 1, "maxCandidateEdges must be >= 1");
    require(sellerLinkCosine > 0 && sellerLinkCosine <= 1, "sellerLinkCosine must be in (0, 1]");
    require(maxBuyerSellers >= 2, "maxBuyerSellers must be >= 2");
    require(maxBlocksPerComponent >= 1, "maxBlocksPerComponent must be >= 1");
    require(minBuyers >= 1, "minBuyers must be >= 1");
    require(sparseMinBuyers >= 1, "sparseMinBuyers must be >= 1");
    require(minSellerShare >= 0 && minSellerShare <= 1, "minSellerShare must be in [0, 1]");
    require(minSuspiciousness >= 0 && minSuspiciousness <= 1, "minSuspiciousness must be in [0, 1]");
    require(minBoostingEvidence >= 0 && minBoostingEvidence <= 1, "minBoostingEvidence must be in [0, 1]");
    require(maxAccountsPerKey >= 2, "maxAccountsPerKey must be >= 2");
    require(!lockstepWindow.isNegative() && lockstepWindow.toSeconds() >= 60, "lockstepWindow must be >= 1 minute");
    require(lockstepMinSellers >= 1, "lockstepMinSellers must be >= 1");
    require(lockstepMaxWindowBuyers >= 2, "lockstepMaxWindowBuyers must be >= 2");
    require(youngAccountDays >= 1, "youngAccountDays must be >= 1");
    require(checkpointEvery >= 1, "checkpointEvery must be >= 1");
    require(maxEdgesPerBlock >= 1, "maxEdgesPerBlock must be >= 1");
  }

  /** The runner of the graph loops these options configure. */
  public BlockedGraph blockedGraph() {
    return new BlockedGraph(maxEdgesPerBlock, checkpointEvery, MAX_ROUNDS);
  }

  /** A quarter of this JVM's heap (the tasks' heap in local mode) at {@link #BYTES_PER_EDGE}. */
  public static long defaultMaxEdgesPerBlock() {
    return Math.max(1, Runtime.getRuntime().maxMemory() / 4 / BYTES_PER_EDGE);
  }

  /** The tuned defaults (see docs/rings.md). */
  public static RingOptions defaults(Instant asOf) {
    return builder(asOf).build();
  }

  public static Builder builder(Instant asOf) {
    return new Builder(asOf);
  }

  /** Starts from the defaults; {@link #build} validates. */
  public static final class Builder {
    private final Instant asOf;
    private int historyDays = 30;
    private double columnWeightOffset = 5.0;
    private double minDensity = DEFAULT_MIN_DENSITY;
    private int maxCandidateEdges = 500_000;
    private double sellerLinkCosine = 0.2;
    private int maxBuyerSellers = 20;
    private int maxBlocksPerComponent = 50;
    private int minBuyers = 5;
    private int sparseMinBuyers = 40;
    private double minSellerShare = 0.05;
    private double minSuspiciousness = 0.35;
    private double minBoostingEvidence = 0.5;
    private int maxAccountsPerKey = 200;
    private Duration lockstepWindow = Duration.ofHours(1);
    private int lockstepMinSellers = 2;
    private int lockstepMaxWindowBuyers = 200;
    private int youngAccountDays = 30;
    private int checkpointEvery = 3;
    private long maxEdgesPerBlock = defaultMaxEdgesPerBlock();

    private Builder(Instant asOf) {
      this.asOf = asOf;
    }

    public Builder historyDays(int v) { historyDays = v; return this; }
    public Builder columnWeightOffset(double v) { columnWeightOffset = v; return this; }
    public Builder minDensity(double v) { minDensity = v; return this; }
    public Builder maxCandidateEdges(int v) { maxCandidateEdges = v; return this; }
    public Builder sellerLinkCosine(double v) { sellerLinkCosine = v; return this; }
    public Builder maxBuyerSellers(int v) { maxBuyerSellers = v; return this; }
    public Builder maxBlocksPerComponent(int v) { maxBlocksPerComponent = v; return this; }
    public Builder minBuyers(int v) { minBuyers = v; return this; }
    public Builder sparseMinBuyers(int v) { sparseMinBuyers = v; return this; }
    public Builder minSellerShare(double v) { minSellerShare = v; return this; }
    public Builder minSuspiciousness(double v) { minSuspiciousness = v; return this; }
    public Builder minBoostingEvidence(double v) { minBoostingEvidence = v; return this; }
    public Builder maxAccountsPerKey(int v) { maxAccountsPerKey = v; return this; }
    public Builder lockstepWindow(Duration v) { lockstepWindow = v; return this; }
    public Builder lockstepMinSellers(int v) { lockstepMinSellers = v; return this; }
    public Builder lockstepMaxWindowBuyers(int v) { lockstepMaxWindowBuyers = v; return this; }
    public Builder youngAccountDays(int v) { youngAccountDays = v; return this; }
    public Builder checkpointEvery(int v) { checkpointEvery = v; return this; }
    public Builder maxEdgesPerBlock(long v) { maxEdgesPerBlock = v; return this; }

    public RingOptions build() {
      return new RingOptions(asOf, historyDays, columnWeightOffset, minDensity, maxCandidateEdges,
          sellerLinkCosine, maxBuyerSellers, maxBlocksPerComponent, minBuyers, sparseMinBuyers, minSellerShare, minSuspiciousness,
          minBoostingEvidence, maxAccountsPerKey, lockstepWindow, lockstepMinSellers, lockstepMaxWindowBuyers,
          youngAccountDays, checkpointEvery, maxEdgesPerBlock);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
