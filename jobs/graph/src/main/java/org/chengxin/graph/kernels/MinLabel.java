package org.chengxin.graph.kernels;

/**
 * Connected components by min-label propagation: every vertex starts labelled with its own global
 * id and takes the smallest label among itself and its neighbours until no label changes, so each
 * component ends labelled with its smallest global id. Edges are undirected; weights are ignored.
 */
public final class MinLabel implements VertexKernel {

  private static final long serialVersionUID = 1L;

  @Override
  public double initialState(int vertex) {
    return vertex;
  }

  @Override
  public double identity() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public double combine(double a, double b) {
    return Math.min(a, b);
  }

  @Override
  public void gather(EdgeBlock edges, double[] state, double[] partial) {
    for (int e = 0; e < edges.edgeCount(); e++) {
      int s = edges.src(e);
      int d = edges.dst(e);
      double smaller = Math.min(state[s], state[d]);
      partial[s] = Math.min(partial[s], smaller);
      partial[d] = Math.min(partial[d], smaller);
    }
  }

  @Override
  public double apply(double label, double smallestNeighbourLabel) {
    return Math.min(label, smallestNeighbourLabel);
  }
}
