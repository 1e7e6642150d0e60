package org.chengxin.graph.kernels;

import java.io.Serializable;

/**
 * One round of an iterative graph algorithm, split the way a blocked graph needs it: every block
 * {@link #gather}s partial values for the vertices it touches from the current vertex states, the
 * partials of one vertex are {@link #combine}d (associative and commutative, with
 * {@link #identity}), and {@link #apply} turns the old state and the combined value into the new
 * state. Rounds stop when no state changes. A vertex with no edge in a round gets the identity.
 */
public interface VertexKernel extends Serializable {

  double initialState(int vertex);

  double identity();

  double combine(double a, double b);

  /**
   * Adds this block's contributions into {@code partial}.
   *
   * @param state current state of each local vertex of the block
   * @param partial one slot per local vertex, filled with {@link #identity} by the caller
   */
  void gather(EdgeBlock edges, double[] state, double[] partial);

  double apply(double state, double combined);
}
