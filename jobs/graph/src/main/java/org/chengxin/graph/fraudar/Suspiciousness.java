package org.chengxin.graph.fraudar;

/**
 * FRAUDAR's density metric on the buyer–seller graph. An edge to a seller with many buyers counts
 * little ({@code 1 / ln(buyers + c)}), so camouflage purchases from popular sellers cannot make a
 * ring look like ordinary traffic, and a popular seller's crowd of buyers never looks dense. Repeat
 * trades on the same pair add {@code ln(trades)} on top, because fake orders repeat far more than
 * honest ones.
 */
public final class Suspiciousness {

  /** The constant c of FRAUDAR's column weighting; 5 as in the paper. */
  public static final double DEFAULT_OFFSET = 5.0;

  private Suspiciousness() {}

  /** Weight of one buyer–seller pair given the seller's distinct buyer count and the pair's trades. */
  public static double edgeWeight(long sellerBuyers, long pairTrades, double offset) {
    if (sellerBuyers < 1 || pairTrades < 1) {
      throw new IllegalArgumentException("seller buyers and pair trades must be >= 1");
    }
    if (offset <= 1.0) {
      throw new IllegalArgumentException("offset must be > 1 so the weight stays finite");
    }
    return (1.0 + Math.log(pairTrades)) / Math.log(sellerBuyers + offset);
  }

  /** g(S) = f(S) / |S|: total edge weight inside the block per node (buyers plus sellers). */
  public static double density(double blockWeight, long nodes) {
    return nodes == 0 ? 0.0 : blockWeight / nodes;
  }
}
