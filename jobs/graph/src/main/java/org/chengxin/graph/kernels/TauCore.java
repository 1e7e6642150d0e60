package org.chengxin.graph.kernels;

/**
 * Weighted tau-core by batch peeling: each round removes, all at once, every vertex whose weighted
 * degree among the vertices still present is below tau. State 1 = present, 0 = removed. The
 * fixpoint is the largest subgraph in which every vertex has weighted degree >= tau (unique, so it
 * does not depend on how edges are split into blocks).
 */
public final class TauCore implements VertexKernel {

  private static final long serialVersionUID = 1L;
  public static final double PRESENT = 1.0;
  public static final double REMOVED = 0.0;

  private final double tau;

  public TauCore(double tau) {
    if (!(tau > 0)) {
      throw new IllegalArgumentException("tau must be > 0");
    }
    this.tau = tau;
  }

  @Override
  public double initialState(int vertex) {
    return PRESENT;
  }

  @Override
  public double identity() {
    return 0.0;
  }

  @Override
  public double combine(double a, double b) {
    return a + b;
  }

  @Override
  public void gather(EdgeBlock edges, double[] state, double[] partial) {
    for (int e = 0; e < edges.edgeCount(); e++) {
      int s = edges.src(e);
      int d = edges.dst(e);
      if (state[s] == PRESENT && state[d] == PRESENT) {
        partial[s] += edges.weight(e);
        partial[d] += edges.weight(e);
      }
    }
  }

  @Override
  public double apply(double state, double degree) {
    return state == PRESENT && degree >= tau ? PRESENT : REMOVED;
  }
}
