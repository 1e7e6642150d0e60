package org.chengxin.graph.kernels;

import java.util.Arrays;

/** Runs a kernel's rounds to the fixpoint; the per-vertex step is shared with the blocked runner. */
public final class Rounds {

  /** Final states of a block's local vertices and the rounds it took (the last one changed nothing). */
  public record Fixpoint(double[] states, int rounds) {}

  private Rounds() {}

  /** Every round of a graph that fits one block, in this thread: no scheduling between rounds. */
  public static Fixpoint untilStable(VertexKernel kernel, EdgeBlock edges, int maxRounds) {
    int n = edges.vertexCount();
    double[] state = new double[n];
    for (int v = 0; v < n; v++) {
      state[v] = kernel.initialState(edges.vertex(v));
    }
    double[] partial = new double[n];
    for (int round = 1; round <= maxRounds; round++) {
      Arrays.fill(partial, kernel.identity());
      kernel.gather(edges, state, partial);
      if (apply(kernel, state, partial) == 0) {
        return new Fixpoint(state, round);
      }
    }
    throw notConverged(maxRounds);
  }

  /** Replaces each state by {@code kernel.apply(state, combined)}; returns how many changed. */
  public static int apply(VertexKernel kernel, double[] state, double[] combined) {
    int changed = 0;
    for (int v = 0; v < state.length; v++) {
      double next = kernel.apply(state[v], combined[v]);
      if (Double.compare(next, state[v]) != 0) {
        state[v] = next;
        changed++;
      }
    }
    return changed;
  }

  public static IllegalStateException notConverged(int maxRounds) {
    return new IllegalStateException("graph kernel did not converge in " + maxRounds + " rounds");
  }
}
